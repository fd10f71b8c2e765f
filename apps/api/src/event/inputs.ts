import {
  Cursor,
  EventStatus,
  EventTiming,
  HttpUrl,
  Integer,
  MAX_MARKDOWN_LENGTH,
  MunicipalityNumber,
  Slug,
  Timestamp,
  withMessage,
} from '@klimakommuner/domain';
import { Schema } from 'effect';
import { PublishAt, sized, standard, Version } from '../content/inputs.ts';

/** Input schemas of events (issue 12), Norwegian messages; the timing is the domain's. */

export const MAX_EVENT_THEMES = 5;
export const MAX_EVENT_MUNICIPALITIES = 50;

const Link = withMessage(
  HttpUrl,
  'Lenken må være en fullstendig adresse som begynner med https:// eller http://.',
);

const limited = <S extends Schema.Top>(item: S, max: number, message: string) =>
  Schema.Array(item).check(Schema.isMaxLength(max, { message }));

/** What an event's create and update both carry. */
const eventFields = {
  title: sized('Tittelen', 3, 200),
  summary: sized('Sammendraget', 0, 500),
  description: sized('Beskrivelsen', 0, MAX_MARKDOWN_LENGTH),
  timing: EventTiming,
  address: Schema.optionalKey(Schema.NullOr(sized('Adressen', 0, 300))),
  onlineUrl: Schema.optionalKey(Schema.NullOr(Link)),
  project: Schema.optionalKey(Schema.NullOr(Slug)),
  themes: limited(Slug, MAX_EVENT_THEMES, 'Et arrangement kan ha høyst fem temaer.'),
  municipalities: Schema.optionalKey(
    limited(
      MunicipalityNumber,
      MAX_EVENT_MUNICIPALITIES,
      `Et arrangement kan gjelde høyst ${MAX_EVENT_MUNICIPALITIES} kommuner.`,
    ),
  ),
  registrationUrl: Schema.optionalKey(Schema.NullOr(Link)),
  registrationDeadline: Schema.optionalKey(Schema.NullOr(Timestamp)),
  capacityNote: Schema.optionalKey(sized('Plassnotatet', 0, 200)),
  status: Schema.optionalKey(EventStatus),
  statusNote: Schema.optionalKey(sized('Begrunnelsen', 0, 1000)),
};

export type EventInput = Schema.Struct<typeof eventFields>['Type'];

export const CreateEvent = standard(Schema.Struct({ organisation: Slug, ...eventFields }));

export const UpdateEvent = standard(
  Schema.Struct({ slug: Slug, version: Version, ...eventFields }),
);

export const PublishEvent = standard(
  Schema.Struct({ slug: Slug, version: Version, publishAt: PublishAt }),
);

const ListLimit = Integer.check(
  Schema.isBetween({ minimum: 1, maximum: 100 }, { message: 'Må være et heltall fra 1 til 100.' }),
);

const filterFields = {
  organiser: Schema.optionalKey(Slug),
  municipality: Schema.optionalKey(MunicipalityNumber),
  project: Schema.optionalKey(Slug),
  theme: Schema.optionalKey(Slug),
};

export const ListEvents = standard(
  Schema.UndefinedOr(
    Schema.Struct({
      ...filterFields,
      when: Schema.optionalKey(
        Schema.Literals(['upcoming', 'past']).annotate({
          message: 'Må være upcoming eller past.',
        }),
      ),
      limit: Schema.optionalKey(ListLimit),
      cursor: Schema.optionalKey(Cursor),
    }),
  ),
);

export const CalendarFilter = standard(Schema.UndefinedOr(Schema.Struct(filterFields)));
