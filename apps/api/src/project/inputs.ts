import {
  Cursor,
  HttpUrl,
  IsoDate,
  MAX_MARKDOWN_LENGTH,
  MunicipalityNumber,
  maxText,
  ParticipationStatus,
  PersonEmail,
  Phone,
  ProjectStatus,
  projectDatesIssues,
  Slug,
  Uuid,
  withMessage,
} from '@klimakommuner/domain';
import { Schema } from 'effect';
import { PageLimit, PublishAt, sized, standard, Version, withRule } from '../content/inputs.ts';

/**
 * Input schemas of themes, projects, participations and people (docs/contracts-projects.md).
 * Messages are Norwegian and name the field they are about.
 */

/** A record id; `what` names it in the message, e.g. «Prosjektlederen». */
const IdOf = (what: string) => withMessage(Uuid, `${what} må være en gyldig id.`);

export const MAX_LINKS = 10;
export const MAX_THEMES = 5;

const Link = Schema.Struct({
  label: sized('Lenketeksten', 1, 200),
  url: withMessage(
    HttpUrl,
    'Lenken må være en fullstendig adresse som begynner med https:// eller http://.',
  ),
});

const Links = Schema.Array(Link).check(
  Schema.isMaxLength(MAX_LINKS, { message: `Et prosjekt kan ha høyst ${MAX_LINKS} lenker.` }),
);

const Themes = Schema.Array(Slug).check(
  Schema.isMaxLength(MAX_THEMES, { message: `Et prosjekt kan ha høyst fem temaer.` }),
);

const Leaders = Schema.Array(IdOf('Prosjektlederen')).check(
  Schema.isMaxLength(20, { message: 'Et prosjekt kan ha høyst 20 prosjektledere.' }),
);

const OptionalDate = Schema.optionalKey(Schema.NullOr(IsoDate));

/** What a project's create and update both carry. */
const projectFields = {
  title: sized('Tittelen', 3, 200),
  summary: sized('Sammendraget', 0, 500),
  body: sized('Teksten', 0, MAX_MARKDOWN_LENGTH),
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
      q: Schema.optionalKey(maxText(100)),
      limit: PageLimit,
      cursor: Schema.optionalKey(Cursor),
    }),
  ),
);

// The dates rule (the domain's projectDatesIssues) is reported with the fields' own issues.
export const CreateProject = withRule(
  standard(Schema.Struct({ organisation: Slug, ...projectFields })),
  projectDatesIssues,
);

export const UpdateProject = withRule(
  standard(Schema.Struct({ slug: Slug, version: Version, ...projectFields })),
  projectDatesIssues,
);

export const PublishProject = standard(
  Schema.Struct({ slug: Slug, version: Version, publishAt: PublishAt }),
);

export const Preview = standard(Schema.Struct({ body: sized('Teksten', 0, MAX_MARKDOWN_LENGTH) }));

const Note = sized('Merknaden', 0, 1000);

export const AddParticipation = standard(
  Schema.Struct({
    project: Slug,
    municipality: MunicipalityNumber,
    status: ParticipationStatus,
    since: IsoDate,
    note: Schema.optionalKey(Note),
    contact: Schema.optionalKey(Schema.NullOr(IdOf('Kontaktpersonen'))),
    /** The version of the participation the caller saw, 0 for none: else CONFLICT. */
    version: Schema.optionalKey(Version),
  }),
);

const ParticipationId = IdOf('Deltakelsen');

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
    contact: Schema.NullOr(IdOf('Kontaktpersonen')),
    version: Version,
  }),
);

export const ContactCandidates = standard(Schema.Struct({ project: Slug }));

export const ListPeople = standard(
  Schema.UndefinedOr(Schema.Struct({ organisation: Schema.optionalKey(Slug) })),
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
  Schema.Struct({ id: IdOf('Personen'), version: Version, ...personFields }),
);

export const UpdateTheme = standard(
  Schema.Struct({
    slug: Slug,
    version: Version,
    name: sized('Navnet', 1, 100),
    description: sized('Beskrivelsen', 0, 1000),
  }),
);
