/**
 * The event form (create and edit): what it shows and sends back exactly as typed, the times in
 * Norwegian wall-clock time (date and time inputs, read with fromOsloLocal: the hour skipped in
 * March is refused with the reason; the hour that comes twice in October is read as the second,
 * in winter time, and the editor is asked to confirm it), what the admin checks before asking
 * the API (which checks again), and where the API's refusals belong on it.
 */
import {
  checkEvent,
  EVENT_STATUSES,
  type EventDraft,
  type EventEditView,
  type EventStatus,
  type EventTiming,
  fromOsloLocal,
  HttpUrl,
  IsoDate,
  MunicipalityNumber,
  Slug,
  toOsloLocal,
} from '@klimakommuner/domain';
import { Result } from 'effect';
import { type ApiFailure, tagOf } from './failures.ts';
import { type FieldErrors, fits, markdown, text, texts } from './forms.ts';

export interface EventFormValues {
  readonly title: string;
  readonly summary: string;
  readonly description: string;
  readonly allDay: boolean;
  /** YYYY-MM-DD, as a date input sends it. */
  readonly startDate: string;
  /** HH:mm in Norwegian time ('' all day). */
  readonly startTime: string;
  readonly endDate: string;
  readonly endTime: string;
  readonly address: string;
  readonly onlineUrl: string;
  /** Project slug, '' for none. */
  readonly project: string;
  readonly themes: readonly string[];
  readonly municipalities: readonly string[];
  readonly registrationUrl: string;
  readonly deadlineDate: string;
  readonly deadlineTime: string;
  readonly capacityNote: string;
  readonly status: string;
  readonly statusNote: string;
  /** The editor confirmed a time that happens twice (the night summer time ends). */
  readonly repeatedConfirmed: boolean;
}

export const EMPTY_EVENT: EventFormValues = {
  title: '',
  summary: '',
  description: '',
  allDay: false,
  startDate: '',
  startTime: '',
  endDate: '',
  endTime: '',
  address: '',
  onlineUrl: '',
  project: '',
  themes: [],
  municipalities: [],
  registrationUrl: '',
  deadlineDate: '',
  deadlineTime: '',
  capacityNote: '',
  status: 'planned',
  statusNote: '',
  repeatedConfirmed: false,
};

const split = (instant: string | null): { date: string; time: string } => {
  const local = instant === null ? '' : toOsloLocal(instant);
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
};

/** The form's values for a stored event (events.getForEdit), its times in Norwegian time. */
export function editEventValues(event: EventEditView): EventFormValues {
  const timing = event.timing;
  const start = timing.allDay ? { date: timing.startDate, time: '' } : split(timing.start);
  const end = timing.allDay ? { date: timing.endDate, time: '' } : split(timing.end);
  const deadline = split(event.registrationDeadline);
  return {
    title: event.title,
    summary: event.summary,
    description: event.description,
    allDay: timing.allDay,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    address: event.address ?? '',
    onlineUrl: event.onlineUrl ?? '',
    project: event.projectSlug ?? '',
    themes: event.themes.map((t) => t.slug),
    municipalities: event.municipalities.map((m) => m.number),
    registrationUrl: event.registrationUrl ?? '',
    deadlineDate: deadline.date,
    deadlineTime: deadline.time,
    capacityNote: event.capacityNote,
    status: event.status,
    statusNote: event.statusNote,
    repeatedConfirmed: false,
  };
}

/** The event form as typed; Markdown keeps its whitespace. */
export function readEventForm(form: FormData): EventFormValues {
  return {
    title: text(form, 'title'),
    summary: text(form, 'summary'),
    description: markdown(form, 'description'),
    allDay: text(form, 'allDay') === 'ja',
    startDate: text(form, 'startDate'),
    startTime: text(form, 'startTime'),
    endDate: text(form, 'endDate'),
    endTime: text(form, 'endTime'),
    address: text(form, 'address'),
    onlineUrl: text(form, 'onlineUrl'),
    project: text(form, 'project'),
    themes: texts(form, 'themes').filter((s) => s !== ''),
    municipalities: texts(form, 'municipalities').filter((n) => n !== ''),
    registrationUrl: text(form, 'registrationUrl'),
    deadlineDate: text(form, 'deadlineDate'),
    deadlineTime: text(form, 'deadlineTime'),
    capacityNote: text(form, 'capacityNote'),
    status: text(form, 'status') || 'planned',
    statusNote: text(form, 'statusNote'),
    repeatedConfirmed: text(form, 'repeatedConfirmed') === 'ja',
  };
}

const TIME = /^\d{2}:\d{2}$/;

/** «02.30» */
const clock = (time: string) => time.replace(':', '.');

/** A wall-clock time in Oslo as an instant; the field's error, or whether it came twice. */
function instantOf(
  date: string,
  time: string,
  dateField: string,
  timeField: string,
  what: string,
): { instant: string | null; repeated: boolean; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (date === '' || !fits(IsoDate, date)) {
    errors[dateField] = `Skriv ${what}dato, for eksempel 25.10.2026.`;
  }
  if (!TIME.test(time)) errors[timeField] = `Skriv klokkeslett for ${what}, for eksempel 09:00.`;
  if (Object.keys(errors).length > 0) return { instant: null, repeated: false, errors };
  const read = fromOsloLocal(`${date}T${time}`);
  if (Result.isFailure(read)) {
    return { instant: null, repeated: false, errors: { [timeField]: read.failure.message } };
  }
  return { instant: read.success.instant, repeated: read.success.repeated, errors };
}

/** What the form says about a time that happens twice, until the editor confirms it. */
export const repeatedMessage = (date: string, time: string): string => {
  const [year, month, day] = date.split('-');
  return `Klokka ${clock(time)} finnes to ganger natt til ${Number(day)}.${month}.${year}: da stilles klokka tilbake fra 03.00 til 02.00 (vintertid). Tiden lagres som den andre gangen, i vintertid. Kryss av for å bekrefte, eller velg et annet klokkeslett.`;
};

export interface EventFormCheck {
  readonly errors: FieldErrors;
  /** The times the form stands for (when they could be read). */
  readonly timing: EventTiming | null;
  readonly registrationDeadline: string | null;
  /** A time that happens twice was typed and not yet confirmed. */
  readonly asksRepeated: boolean;
}

/** What the admin checks before asking the API; every problem in one round. */
export function validateEvent(values: EventFormValues): EventFormCheck {
  const errors: FieldErrors = {};
  if (values.title === '') errors.title = 'Skriv en tittel på arrangementet.';
  else if (values.title.length < 3) errors.title = 'Tittelen må ha minst 3 tegn.';
  else if (values.title.length > 200) errors.title = 'Tittelen kan være på høyst 200 tegn.';
  if (values.summary.length > 500) errors.summary = 'Sammendraget kan være på høyst 500 tegn.';
  if (values.onlineUrl !== '' && !fits(HttpUrl, values.onlineUrl)) {
    errors.onlineUrl = 'Skriv en nettadresse som begynner med https:// eller http://.';
  }
  if (values.registrationUrl !== '' && !fits(HttpUrl, values.registrationUrl)) {
    errors.registrationUrl = 'Skriv en nettadresse som begynner med https:// eller http://.';
  }
  if (values.project !== '' && !fits(Slug, values.project))
    errors.project = 'Velg et prosjekt fra listen.';
  if (!values.municipalities.every((n) => fits(MunicipalityNumber, n))) {
    errors.municipalities = 'Velg kommuner fra listen.';
  }
  if (!(EVENT_STATUSES as readonly string[]).includes(values.status)) {
    errors.status = 'Velg en status fra listen.';
  }

  let timing: EventTiming | null = null;
  let repeated: { date: string; time: string } | null = null;
  if (values.allDay) {
    if (!fits(IsoDate, values.startDate)) {
      errors.startDate = 'Skriv første dag, for eksempel 25.10.2026.';
    }
    const endDate = values.endDate === '' ? values.startDate : values.endDate;
    if (!fits(IsoDate, endDate)) errors.endDate = 'Skriv siste dag, for eksempel 26.10.2026.';
    if (!errors.startDate && !errors.endDate) {
      timing = { allDay: true, startDate: values.startDate, endDate };
    }
  } else {
    const start = instantOf(values.startDate, values.startTime, 'startDate', 'startTime', 'start');
    const endDate = values.endDate === '' ? values.startDate : values.endDate;
    const end = instantOf(endDate, values.endTime, 'endDate', 'endTime', 'slutt');
    Object.assign(errors, start.errors, end.errors);
    if (start.instant !== null && end.instant !== null) {
      timing = { allDay: false, start: start.instant, end: end.instant };
    }
    if (start.repeated) repeated = { date: values.startDate, time: values.startTime };
    else if (end.repeated) repeated = { date: endDate, time: values.endTime };
  }

  let registrationDeadline: string | null = null;
  if (values.deadlineDate !== '' || values.deadlineTime !== '') {
    const deadline = instantOf(
      values.deadlineDate,
      values.deadlineTime || '23:59',
      'deadlineDate',
      'deadlineTime',
      'påmeldingsfristen',
    );
    Object.assign(errors, deadline.errors);
    registrationDeadline = deadline.instant;
  }

  // The domain's rules, each next to its field, once the times could be read.
  if (timing !== null && !errors.deadlineDate && !errors.deadlineTime) {
    const checked = checkEvent(eventDraftOf(values, timing, registrationDeadline, ''));
    if (Result.isFailure(checked)) {
      const failure = checked.failure;
      errors[ruleFieldOf(failure._tag)] ??= failure.message;
    }
  }
  const asksRepeated = repeated !== null && !values.repeatedConfirmed;
  if (asksRepeated && repeated !== null) {
    errors.repeatedConfirmed = repeatedMessage(repeated.date, repeated.time);
  }
  return { errors, timing, registrationDeadline, asksRepeated };
}

function eventDraftOf(
  values: EventFormValues,
  timing: EventTiming,
  registrationDeadline: string | null,
  organiser: string,
): EventDraft {
  return {
    title: values.title,
    summary: values.summary,
    description: values.description,
    timing,
    address: values.address === '' ? null : values.address,
    onlineUrl: values.onlineUrl === '' ? null : values.onlineUrl,
    organiser,
    project: values.project === '' ? null : values.project,
    themes: [...values.themes],
    municipalities: [...values.municipalities],
    registrationUrl: values.registrationUrl === '' ? null : values.registrationUrl,
    registrationDeadline,
    capacityNote: values.capacityNote,
    status: values.status as EventStatus,
    statusNote: values.status === 'planned' ? '' : values.statusNote,
  };
}

/** The fields events.create and events.update take, from a validated form. */
export function eventInput(values: EventFormValues, check: EventFormCheck) {
  if (check.timing === null) throw new Error('eventInput needs a validated form');
  const { organiser: _o, ...draft } = eventDraftOf(
    values,
    check.timing,
    check.registrationDeadline,
    '',
  );
  return draft;
}

const RULE_FIELDS: Readonly<Record<string, string>> = {
  EventEndsBeforeStart: 'endDate',
  EventWithoutPlace: 'address',
  RegistrationDeadlineInvalid: 'deadlineDate',
  EventStatusReasonMissing: 'statusNote',
};

const ruleFieldOf = (tag: string): string => RULE_FIELDS[tag] ?? 'title';

const FIELDS = new Set([
  'title',
  'summary',
  'description',
  'address',
  'onlineUrl',
  'project',
  'themes',
  'municipalities',
  'registrationUrl',
  'capacityNote',
  'status',
  'statusNote',
]);

/** The field an input issue is about. */
function issueField([key]: readonly string[]): string {
  if (key === 'timing') return 'startDate';
  if (key === 'registrationDeadline') return 'deadlineDate';
  return key !== undefined && FIELDS.has(key) ? key : 'title';
}

/** Where the API's refusal of an event save belongs in the form. */
export function eventErrors(failure: ApiFailure): FieldErrors {
  const tag = tagOf(failure);
  if (tag in RULE_FIELDS) return { [ruleFieldOf(tag)]: failure.message };
  if (failure.issues.length === 0) return { title: failure.message };
  const errors: FieldErrors = {};
  for (const issue of failure.issues) errors[issueField(issue.path)] ??= issue.message;
  return errors;
}

/** What deleting an event asks first (the same in the page's dialog and without JavaScript). */
export const deleteEventConfirmation = (title: string) => ({
  title: `Slette «${title}»?`,
  message:
    'Arrangementet forsvinner fra nettstedet og fra kalenderne som abonnerer. Vil du at publikum skal se at det ikke blir noe av, kan du heller sette status til «Avlyst».',
  confirmLabel: 'Ja, slett arrangementet',
  danger: true,
});
