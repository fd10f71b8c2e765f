import {
  isHttpUrl,
  isValidEmail,
  normaliseEmail,
  ParticipationStatus,
  ProjectStatus,
  Transition,
} from '@klimakommuner/domain';
import { Effect, Schema } from 'effect';
import {
  DEFAULT_LIMIT,
  IsoDate,
  Limit,
  MunicipalityNumber,
  Slug,
  standard,
  Timestamp,
  text,
  Version,
} from './inputs.ts';

/**
 * Input schemas of the projects issue (docs/contracts-projects.md): themes, projects,
 * participations and people. Messages are Norwegian and name the field they are about.
 */

/** A string whose trimmed length is within [min, max], with a message naming the field. */
const sized = (field: string, min: number, max: number) =>
  Schema.String.check(
    Schema.makeFilter((value: string) => {
      const length = value.trim().length;
      if (min > 0 && length === 0) return `${field} må fylles ut.`;
      if (length < min) return `${field} må ha minst ${min} tegn.`;
      if (value.length > max) return `${field} kan ikke være lengre enn ${max} tegn.`;
      return true;
    }),
  );

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record id (uuid); `what` names it in the message, e.g. «Prosjektlederen». */
const Uuid = (what: string) =>
  Schema.String.check(
    Schema.makeFilter((value: string) => UUID.test(value) || `${what} må være en gyldig id.`),
  );

const HttpUrl = Schema.String.check(
  Schema.makeFilter(
    (value: string) =>
      (value.length <= 2000 && isHttpUrl(value)) ||
      'Lenken må være en fullstendig adresse som begynner med https:// eller http://.',
  ),
);

export const MAX_LINKS = 10;
export const MAX_THEMES = 5;

const Link = Schema.Struct({ label: sized('Lenketeksten', 1, 200), url: HttpUrl });

const Links = Schema.Array(Link).check(
  Schema.isMaxLength(MAX_LINKS, { message: `Et prosjekt kan ha høyst ${MAX_LINKS} lenker.` }),
);

const Themes = Schema.Array(Slug).check(
  Schema.isMaxLength(MAX_THEMES, { message: `Et prosjekt kan ha høyst fem temaer.` }),
);

const Leaders = Schema.Array(Uuid('Prosjektlederen')).check(
  Schema.isMaxLength(20, { message: 'Et prosjekt kan ha høyst 20 prosjektledere.' }),
);

const OptionalDate = Schema.optionalKey(Schema.NullOr(IsoDate));

/** What a project's create and update both carry. */
const projectFields = {
  title: sized('Tittelen', 3, 200),
  summary: sized('Sammendraget', 0, 500),
  body: sized('Teksten', 0, 20_000),
  themes: Themes,
  status: ProjectStatus,
  startDate: OptionalDate,
  endDate: OptionalDate,
  leaders: Leaders,
  links: Schema.optionalKey(Links),
};

export const ListThemes = standard(Schema.UndefinedOr(Schema.Struct({})));

export const ListProjects = standard(
  Schema.UndefinedOr(
    Schema.Struct({
      theme: Schema.optionalKey(Slug),
      organisation: Schema.optionalKey(Slug),
      municipality: Schema.optionalKey(MunicipalityNumber),
      status: Schema.optionalKey(ProjectStatus),
      q: Schema.optionalKey(text(100)),
      limit: Limit.pipe(Schema.withDecodingDefaultKey(Effect.succeed(DEFAULT_LIMIT))),
      cursor: Schema.optionalKey(text(200)),
    }),
  ),
);

export const CreateProject = standard(Schema.Struct({ organisation: Slug, ...projectFields }));

export const UpdateProject = standard(
  Schema.Struct({ slug: Slug, version: Version, ...projectFields }),
);

const PublishAt = Schema.optionalKey(Schema.NullOr(Timestamp));

export const PublishProject = standard(
  Schema.Struct({ slug: Slug, version: Version, publishAt: PublishAt }),
);

export const Preview = standard(Schema.Struct({ body: sized('Teksten', 0, 20_000) }));

export const ByOrganisation = standard(Schema.Struct({ organisation: Slug }));

export const BySlugVersion = standard(Schema.Struct({ slug: Slug, version: Version }));

export const TransitionProject = standard(
  Schema.Struct({ slug: Slug, version: Version, transition: Transition, publishAt: PublishAt }),
);

export const Matrix = standard(Schema.Struct({ organisation: Slug }));

const Note = sized('Merknaden', 0, 1000);

export const AddParticipation = standard(
  Schema.Struct({
    project: Slug,
    municipality: MunicipalityNumber,
    status: ParticipationStatus,
    since: IsoDate,
    note: Schema.optionalKey(Note),
    contact: Schema.optionalKey(Schema.NullOr(Uuid('Kontaktpersonen'))),
  }),
);

const ParticipationId = Uuid('Deltakelsen');

export const SetParticipationStatus = standard(
  Schema.Struct({
    id: ParticipationId,
    status: ParticipationStatus,
    since: IsoDate,
    version: Version,
    note: Schema.optionalKey(Note),
  }),
);

export const WithdrawParticipation = standard(
  Schema.Struct({ id: ParticipationId, since: IsoDate, version: Version }),
);

/** `contact`: a person id, or null to clear the contact. */
export const SetParticipationContact = standard(
  Schema.Struct({
    id: ParticipationId,
    contact: Schema.NullOr(Uuid('Kontaktpersonen')),
    version: Version,
  }),
);

export const ContactCandidates = standard(Schema.Struct({ project: Slug }));

export const ListPeople = standard(
  Schema.UndefinedOr(Schema.Struct({ organisation: Schema.optionalKey(Slug) })),
);

/** Empty or a valid address; the domain's email rule. */
const PersonEmail = Schema.String.check(
  Schema.makeFilter(
    (value: string) =>
      value.trim() === '' ||
      (value.length <= 320 && isValidEmail(normaliseEmail(value))) ||
      'E-postadressen må være gyldig, som navn@kommune.no.',
  ),
);

/** Empty or a phone number: digits and spaces, optionally a leading +, 8 to 15 digits. */
const Phone = Schema.String.check(
  Schema.makeFilter((value: string) => {
    const trimmed = value.trim();
    if (trimmed === '') return true;
    const digits = trimmed.replace(/[\s-]/g, '');
    return (
      (/^\+?[0-9 -]+$/.test(trimmed) && /^\+?[0-9]{8,15}$/.test(digits)) ||
      'Telefonnummeret må ha 8 til 15 sifre, som 900 00 000 eller +47 900 00 000.'
    );
  }),
);

const personFields = {
  name: sized('Navnet', 1, 200),
  title: sized('Rollen', 0, 200),
  organisation: Schema.optionalKey(Schema.NullOr(Slug)),
  municipality: Schema.optionalKey(Schema.NullOr(MunicipalityNumber)),
  email: Schema.optionalKey(Schema.NullOr(PersonEmail)),
  phone: Schema.optionalKey(Schema.NullOr(Phone)),
  consent: Schema.Boolean,
};

export const CreatePerson = standard(Schema.Struct(personFields));

export const UpdatePerson = standard(
  Schema.Struct({ id: Uuid('Personen'), version: Version, ...personFields }),
);

export const UpdateTheme = standard(
  Schema.Struct({
    slug: Slug,
    version: Version,
    name: sized('Navnet', 1, 100),
    description: sized('Beskrivelsen', 0, 1000),
  }),
);
