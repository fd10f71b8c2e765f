import { Result, Schema } from 'effect';
import { type IsoDate, IsoDate as IsoDateSchema, isIsoDate } from '../content/dates.ts';
import type { InvalidTransition } from '../content/errors.ts';
import { Slug, slugify, uniqueSlug } from '../content/slug.ts';
import type { Status, Transition } from '../content/status.ts';
import { type FieldIssue, HttpUrl, withMessage } from '../content/values.ts';
import { transition } from '../content/workflow.ts';
import { membersOn } from '../network/members.ts';
import type { Membership } from '../network/membership.ts';
import type { RegionRecord } from '../network/region.ts';
import { NotAMemberOfOwner, ProjectDatesInvalid, ProjectNotPublishable } from './errors.ts';

export const PROJECT_STATUSES = ['planned', 'ongoing', 'completed'] as const;
export const ProjectStatus = Schema.Literals(PROJECT_STATUSES).annotate({
  message: 'Må være en prosjektstatus: planned, ongoing eller completed.',
});
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

export const ProjectLink = Schema.Struct({
  label: Schema.NonEmptyString,
  url: withMessage(
    HttpUrl,
    'Lenken må være en fullstendig adresse som begynner med https:// eller http://.',
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

/** Why a project's dates do not hold together. */
export type ProjectDatesProblem = ProjectDatesInvalid['problem'];

/** The form field a dates problem belongs at: the missing start, or else the end date. */
export const projectDatesField = (problem: ProjectDatesProblem): 'startDate' | 'endDate' =>
  problem === 'completed-without-start' ? 'startDate' : 'endDate';

/**
 * The end date may not lie before the start date when both are set; a completed project must
 * have both a start date and an end date. Dates are expected to be valid IsoDates already.
 */
export const checkProjectDates = (
  p: Pick<ProjectDraft, 'status' | 'startDate' | 'endDate'>,
): Result.Result<void, ProjectDatesInvalid> => {
  const { startDate, endDate } = p;
  const fail = (problem: ProjectDatesProblem) =>
    Result.fail(new ProjectDatesInvalid({ problem, startDate, endDate }));
  if (startDate !== null && endDate !== null && endDate < startDate) {
    return fail('end-before-start');
  }
  if (p.status === 'completed' && startDate === null) return fail('completed-without-start');
  if (p.status === 'completed' && endDate === null) return fail('completed-without-end');
  return Result.succeed(undefined);
};

const dateOrNull = (value: unknown): IsoDate | null | undefined =>
  value === undefined || value === null ? null : isIsoDate(value) ? value : undefined;

/**
 * checkProjectDates over a project as a form or an input sent it, before it is decoded: the
 * problem as an issue at the field to fix, so it is reported together with the fields' own. A
 * field it cannot read (their own issues say why) makes it say nothing.
 */
export const projectDatesIssues = (input: unknown): readonly FieldIssue[] => {
  if (typeof input !== 'object' || input === null) return [];
  const { status, startDate, endDate } = input as Record<string, unknown>;
  const start = dateOrNull(startDate);
  const end = dateOrNull(endDate);
  if (start === undefined || end === undefined || !Schema.is(ProjectStatus)(status)) return [];
  const checked = checkProjectDates({ status, startDate: start, endDate: end });
  return Result.isSuccess(checked)
    ? []
    : [{ path: [projectDatesField(checked.failure.problem)], message: checked.failure.message }];
};

/** A project is publishable with at least one leader and at least one theme. */
export const checkPublishable = (
  p: Pick<ProjectDraft, 'leaders' | 'themes'>,
): Result.Result<void, ProjectNotPublishable> =>
  p.leaders.length > 0 && p.themes.length > 0
    ? Result.succeed(undefined)
    : Result.fail(
        new ProjectNotPublishable({
          missingLeader: p.leaders.length === 0,
          missingTheme: p.themes.length === 0,
        }),
      );

/**
 * Whether an editor may save `draft` over a project in `workflowStatus`: its dates hold together
 * (checkProjectDates), and a published project stays publishable (checkPublishable), so an edit
 * cannot leave a public project without a leader or a theme.
 */
export const checkProjectEdit = (
  draft: Pick<ProjectDraft, 'status' | 'startDate' | 'endDate' | 'leaders' | 'themes'>,
  workflowStatus: Status,
): Result.Result<void, ProjectDatesInvalid | ProjectNotPublishable> =>
  Result.flatMap(checkProjectDates(draft), () =>
    workflowStatus === 'published' ? checkPublishable(draft) : Result.succeed(undefined),
  );

/**
 * The workflow status a project moves to with `t` (the workflow's transition); publishing also
 * needs a publishable project (checkPublishable) whose dates hold together (checkProjectDates).
 */
export const checkProjectTransition = (
  project: Pick<ProjectDraft, 'status' | 'startDate' | 'endDate' | 'leaders' | 'themes'> & {
    readonly workflowStatus: Status;
  },
  t: Transition,
): Result.Result<Status, InvalidTransition | ProjectNotPublishable | ProjectDatesInvalid> =>
  Result.flatMap(transition({ status: project.workflowStatus }, t), (next) =>
    t === 'publish'
      ? Result.map(
          Result.flatMap(checkPublishable(project), () => checkProjectDates(project)),
          () => next,
        )
      : Result.succeed(next),
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
): Result.Result<void, NotAMemberOfOwner> =>
  membersOn(input.organisation, input.date, input.memberships, input.regions).some(
    (m) => m.municipality === input.municipality,
  )
    ? Result.succeed(undefined)
    : Result.fail(
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
