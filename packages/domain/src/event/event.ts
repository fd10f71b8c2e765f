/**
 * Events («Arrangementer»): when (instants shown in Norwegian time, or whole days), where (an
 * address, an online link or both), who organises, how to register, and whether it still happens.
 * A cancelled event stays visible, marked cancelled, with its reason.
 */
import { Result, Schema } from 'effect';
import { addDays, IsoDate, parseTimestamp, Timestamp, todayIso } from '../content/dates.ts';
import { Slug, slugify, uniqueSlug } from '../content/slug.ts';
import { HttpUrl, withMessage } from '../content/values.ts';
import { MunicipalityNumber } from '../municipality/municipality.ts';
import {
  EventEndsBeforeStart,
  EventStatusReasonMissing,
  EventWithoutPlace,
  RegistrationDeadlineInvalid,
} from './errors.ts';

const EVENT_STATUS_LABELS = {
  planned: 'Planlagt',
  cancelled: 'Avlyst',
  moved: 'Endret tid eller sted',
} as const;

export type EventStatus = keyof typeof EVENT_STATUS_LABELS;
export const EVENT_STATUSES = Object.keys(EVENT_STATUS_LABELS) as readonly EventStatus[];
export const EventStatus = Schema.Literals(EVENT_STATUSES).annotate({
  message: `Må være en arrangementsstatus: ${EVENT_STATUSES.join(', ')}.`,
});
/** 'Planlagt', 'Avlyst', 'Endret tid eller sted'. */
export const eventStatusLabel = (status: EventStatus): string => EVENT_STATUS_LABELS[status];

/** From a start to an end instant (ISO, stored in UTC, shown in Norwegian time). */
export const TimedSpan = Schema.Struct({
  allDay: Schema.Literal(false),
  start: Timestamp,
  end: Timestamp,
});
/** Whole days in Norway, first to last (one day: the same date twice). */
export const AllDaySpan = Schema.Struct({
  allDay: Schema.Literal(true),
  startDate: IsoDate,
  endDate: IsoDate,
});
export const EventTiming = Schema.Union([TimedSpan, AllDaySpan]);
export type EventTiming = typeof EventTiming.Type;

const Link = withMessage(
  HttpUrl,
  'Lenken må være en fullstendig adresse som begynner med https:// eller http://.',
);

/** What an editor writes about an event; the workflow status and version live beside it. */
export const EventDraft = Schema.Struct({
  title: Schema.NonEmptyString,
  summary: Schema.String,
  /** Markdown. */
  description: Schema.String,
  timing: EventTiming,
  /** The street address (and venue) to meet at, or null for an online-only event. */
  address: Schema.NullOr(Schema.NonEmptyString),
  /** The link to join online, or null for an event only in person. */
  onlineUrl: Schema.NullOr(Link),
  /** The organiser organisation's slug. */
  organiser: Slug,
  project: Schema.NullOr(Slug),
  themes: Schema.Array(Slug),
  municipalities: Schema.Array(MunicipalityNumber),
  registrationUrl: Schema.NullOr(Link),
  registrationDeadline: Schema.NullOr(Timestamp),
  /** «30 plasser», «Åpent for alle»: a note, not a count the site enforces. */
  capacityNote: Schema.String,
  status: EventStatus,
  /** Why it was cancelled, or what changed when it moved; '' while planned. */
  statusNote: Schema.String,
});
export type EventDraft = typeof EventDraft.Type;

/** The first and the last instant of an event: an all-day event runs from midnight to midnight in Oslo. */
export const eventBounds = (timing: EventTiming): { readonly start: Date; readonly end: Date } => {
  if (!timing.allDay) {
    return { start: parseTimestamp(timing.start) as Date, end: parseTimestamp(timing.end) as Date };
  }
  return { start: osloMidnight(timing.startDate), end: osloMidnight(addDays(timing.endDate, 1)) };
};

/** The instant a day begins in Norway (midnight is never skipped or repeated there). */
const osloMidnight = (day: IsoDate): Date => {
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(Date.parse(`${day}T00:00:00Z`) - offsetHours * 3_600_000);
    if (todayIso(candidate) === day && todayIso(new Date(candidate.getTime() - 1)) !== day) {
      return candidate;
    }
  }
  return new Date(Date.parse(`${day}T00:00:00Z`) - 3_600_000);
};

/** An event ends after it starts; all day, its last day is not before its first. */
export const checkEventTiming = (
  timing: EventTiming,
): Result.Result<void, EventEndsBeforeStart> => {
  const { start, end } = eventBounds(timing);
  return end.getTime() > start.getTime()
    ? Result.succeed(undefined)
    : Result.fail(new EventEndsBeforeStart({ allDay: timing.allDay }));
};

/** Somewhere to be: an address, an online link or both. */
export const checkEventPlace = (
  e: Pick<EventDraft, 'address' | 'onlineUrl'>,
): Result.Result<void, EventWithoutPlace> =>
  (e.address ?? '').trim() === '' && e.onlineUrl === null
    ? Result.fail(new EventWithoutPlace({}))
    : Result.succeed(undefined);

/** A registration deadline needs a registration link and comes before the event starts. */
export const checkRegistration = (
  e: Pick<EventDraft, 'registrationUrl' | 'registrationDeadline' | 'timing'>,
): Result.Result<void, RegistrationDeadlineInvalid> => {
  if (e.registrationDeadline === null) return Result.succeed(undefined);
  if (e.registrationUrl === null) {
    return Result.fail(new RegistrationDeadlineInvalid({ problem: 'without-link' }));
  }
  const deadline = parseTimestamp(e.registrationDeadline) as Date;
  return deadline.getTime() > eventBounds(e.timing).start.getTime()
    ? Result.fail(new RegistrationDeadlineInvalid({ problem: 'after-start' }))
    : Result.succeed(undefined);
};

/** A cancelled event says why, a moved one what changed. */
export const checkEventStatus = (
  e: Pick<EventDraft, 'status' | 'statusNote'>,
): Result.Result<void, EventStatusReasonMissing> =>
  e.status !== 'planned' && e.statusNote.trim() === ''
    ? Result.fail(new EventStatusReasonMissing({ status: e.status }))
    : Result.succeed(undefined);

export type EventEditError =
  | EventEndsBeforeStart
  | EventWithoutPlace
  | RegistrationDeadlineInvalid
  | EventStatusReasonMissing;

/** Every rule an event is saved under, the first broken one reported. */
export const checkEvent = (draft: EventDraft): Result.Result<void, EventEditError> =>
  Result.flatMap(
    Result.flatMap(
      Result.flatMap(checkEventTiming(draft.timing), () => checkEventPlace(draft)),
      () => checkRegistration(draft),
    ),
    (): Result.Result<void, EventEditError> => checkEventStatus(draft),
  );

/** Upcoming until it has ended: the list of coming events and the archive split here. */
export const isUpcoming = (timing: EventTiming, now: Date): boolean =>
  eventBounds(timing).end.getTime() > now.getTime();

/** The slug for a new event: uniqueSlug of the title; a title without letters → 'arrangement'. */
export const eventSlug = (title: string, taken: ReadonlySet<string>): string =>
  uniqueSlug(slugify(title) === '' ? 'arrangement' : title, taken);
