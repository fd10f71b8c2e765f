import { Effect, Schema } from 'effect';
import { type IsoDate, IsoDate as IsoDateSchema } from './dates.ts';
import { membersOn } from './members.ts';
import type { Membership } from './membership.ts';
import { NotAMemberOfOwner, ProjectDatesInvalid, ProjectNotPublishable } from './project-errors.ts';
import type { RegionRecord } from './region.ts';
import { Slug, slugify, uniqueSlug } from './slug.ts';

export const PROJECT_STATUSES = ['planned', 'ongoing', 'completed'] as const;
export const ProjectStatus = Schema.Literals(PROJECT_STATUSES);
export type ProjectStatus = typeof ProjectStatus.Type;

const LABELS: Readonly<Record<ProjectStatus, string>> = {
  planned: 'Planlagt',
  ongoing: 'Pågår',
  completed: 'Fullført',
};

/** 'Planlagt' | 'Pågår' | 'Fullført'. */
export const projectStatusLabel = (status: ProjectStatus): string => LABELS[status];

/** A theme projects are grouped by (e.g. Klimatilpasning). */
export const Theme = Schema.Struct({
  slug: Slug,
  name: Schema.NonEmptyString,
  description: Schema.String,
});
export type Theme = typeof Theme.Type;

/** True for an absolute http(s) URL. */
export const isHttpUrl = (value: string): boolean => {
  if (!/^https?:\/\/\S+$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

export const ProjectLink = Schema.Struct({
  label: Schema.NonEmptyString,
  url: Schema.String.check(
    Schema.makeFilter(
      (value: string) =>
        isHttpUrl(value) ||
        'Lenken må være en nettadresse som begynner med http:// eller https://.',
    ),
  ),
});
export type ProjectLink = typeof ProjectLink.Type;

/** What an editor writes about a project; the workflow status and version live beside it. */
export const ProjectDraft = Schema.Struct({
  title: Schema.NonEmptyString,
  summary: Schema.String,
  /** Markdown. */
  body: Schema.String,
  /** Theme slugs. */
  themes: Schema.Array(Slug),
  /** The owner organisation's slug. */
  owner: Slug,
  status: ProjectStatus,
  startDate: Schema.NullOr(IsoDateSchema),
  endDate: Schema.NullOr(IsoDateSchema),
  /** Person ids of the project leaders. */
  leaders: Schema.Array(Schema.String),
  links: Schema.Array(ProjectLink),
});
export type ProjectDraft = typeof ProjectDraft.Type;

/**
 * The end date may not lie before the start date when both are set; a completed project must
 * have both a start date and an end date. Dates are expected to be valid IsoDates already.
 */
export const checkProjectDates = (
  p: Pick<ProjectDraft, 'status' | 'startDate' | 'endDate'>,
): Effect.Effect<void, ProjectDatesInvalid> => {
  const { startDate, endDate } = p;
  const fail = (problem: ProjectDatesInvalid['problem']) =>
    Effect.fail(new ProjectDatesInvalid({ problem, startDate, endDate }));
  if (startDate !== null && endDate !== null && endDate < startDate) {
    return fail('end-before-start');
  }
  if (p.status === 'completed' && startDate === null) return fail('completed-without-start');
  if (p.status === 'completed' && endDate === null) return fail('completed-without-end');
  return Effect.void;
};

/** A project is publishable with at least one leader and at least one theme. */
export const checkPublishable = (
  p: Pick<ProjectDraft, 'leaders' | 'themes'>,
): Effect.Effect<void, ProjectNotPublishable> =>
  p.leaders.length > 0 && p.themes.length > 0
    ? Effect.void
    : Effect.fail(
        new ProjectNotPublishable({
          missingLeader: p.leaders.length === 0,
          missingTheme: p.themes.length === 0,
        }),
      );

export interface ParticipantInput {
  /** Kommunenummer. */
  readonly municipality: string;
  readonly municipalityName: string;
  /** The owner organisation's slug. */
  readonly organisation: string;
  /** The name used in the message, e.g. the short name 'KEN'. */
  readonly organisationName: string;
  readonly date: IsoDate;
  readonly memberships: readonly Membership[];
  readonly regions: readonly RegionRecord[];
}

/**
 * A municipality may take part in a project when it is a member of the owner organisation on
 * `date`, directly or through a region (membersOn).
 */
export const checkParticipant = (
  input: ParticipantInput,
): Effect.Effect<void, NotAMemberOfOwner> =>
  membersOn(input.organisation, input.date, input.memberships, input.regions).some(
    (m) => m.municipality === input.municipality,
  )
    ? Effect.void
    : Effect.fail(
        new NotAMemberOfOwner({
          municipality: input.municipality,
          municipalityName: input.municipalityName,
          organisation: input.organisation,
          organisationName: input.organisationName,
          date: input.date,
        }),
      );

/**
 * The slug for a new project: uniqueSlug of the title ('-2', '-3', … when taken); a title
 * without any letters or digits becomes 'prosjekt'.
 */
export const projectSlug = (title: string, taken: ReadonlySet<string>): string =>
  uniqueSlug(slugify(title) === '' ? 'prosjekt' : title, taken);
