import {
  type AuditActor,
  checkLeaders,
  checkProjectDates,
  checkProjectEdit,
  checkProjectTransition,
  type InvalidTransition,
  isUuid,
  type LeaderNotOfOwner,
  type NotFound,
  type ProjectDatesInvalid,
  type ProjectDraft,
  type ProjectEditView,
  type ProjectNotPublishable,
  type PublishAtWithoutPublish,
  projectSlug,
  publishAtOf,
  type StaleVersion,
  type Status,
  type Transition,
} from '@klimakommuner/domain';
import { Result } from 'effect';
import { type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import { writeAudit } from '../audit/write.ts';
import { notFound } from '../content/results.ts';
import { changeAtVersion, mustUpdateOne, type Written } from '../content/versioned.ts';
import type { Database, ProjectTable } from '../schema.ts';
import { getProjectForEdit } from './edit-view.ts';

/** A new project: the domain's draft plus the API's sanitised rendering of `body`. */
export interface NewProject extends ProjectDraft {
  readonly bodyHtml: string;
}

/**
 * A saved project. The owner and the slug stay as they are (a project does not move between
 * organisations, and its address does not change with its title).
 */
export interface ProjectUpdate extends Omit<ProjectDraft, 'owner'> {
  readonly slug: string;
  readonly version: number;
  /** The workflow status the API decided the caller may edit (versioned.ts, decidedOn). */
  readonly decidedOn?: Status | undefined;
  readonly bodyHtml: string;
}

export interface ProjectTransition {
  readonly slug: string;
  readonly version: number;
  readonly transition: Transition;
  /** Only for publish (publishAtOf): when it goes public; null or absent = at once. */
  readonly publishAt?: string | Date | null | undefined;
}

/** What the audit trail keeps of a project (the HTML is derived from the Markdown). */
const snapshot = (v: ProjectEditView) => ({
  slug: v.slug,
  title: v.title,
  summary: v.summary,
  body: v.body,
  themes: v.themes.map((t) => t.slug),
  owner: v.owner.slug,
  status: v.status,
  startDate: v.startDate,
  endDate: v.endDate,
  leaders: v.leaderIds,
  /** For people reading the history (the ids above are what the record holds). */
  leaderNames: v.leaders.map((leader) => leader.name),
  links: v.links,
  workflowStatus: v.workflowStatus,
  publishAt: v.publishAt,
  version: v.version,
});

const mustView = async (trx: Kysely<Database>, slug: string): Promise<ProjectEditView> => {
  const view = await getProjectForEdit(trx, slug);
  if (!view) throw new Error(`Project ${slug} vanished inside its transaction`);
  return view;
};

interface References {
  readonly themeIds: readonly string[];
  readonly leaderIds: readonly string[];
}

/**
 * Theme ids and leader ids of the draft, in its order; NotFound for the first unknown one, and
 * the domain's checkLeaders (every leader belongs to the owner organisation `ownerId`).
 */
const resolveReferences = async (
  trx: Kysely<Database>,
  draft: Pick<ProjectDraft, 'themes' | 'leaders'>,
  ownerId: string,
): Promise<Result.Result<References, NotFound | LeaderNotOfOwner>> => {
  const themeSlugs = [...new Set(draft.themes)];
  const leaderIds = [...new Set(draft.leaders)];
  const badLeader = leaderIds.find((id) => !isUuid(id));
  if (badLeader !== undefined) return notFound('person', badLeader);
  const [themes, people] = await Promise.all([
    themeSlugs.length === 0
      ? []
      : trx.selectFrom('theme').select(['id', 'slug']).where('slug', 'in', themeSlugs).execute(),
    leaderIds.length === 0
      ? []
      : trx
          .selectFrom('person')
          .select(['id', 'organisation_id as organisation', 'municipality_number as municipality'])
          .where('id', 'in', leaderIds)
          .execute(),
  ]);
  const themeIds = new Map(themes.map((t) => [t.slug, t.id]));
  const missingTheme = themeSlugs.find((s) => !themeIds.has(s));
  if (missingTheme !== undefined) return notFound('theme', missingTheme);
  const known = new Map(people.map((p) => [p.id, p]));
  const missingLeader = leaderIds.find((id) => !known.has(id));
  if (missingLeader !== undefined) return notFound('person', missingLeader);
  return Result.map(
    checkLeaders(
      leaderIds.flatMap((id) => known.get(id) ?? []),
      ownerId,
    ),
    () => ({ themeIds: themeSlugs.map((s) => themeIds.get(s) ?? ''), leaderIds }),
  );
};

/** Replaces the project's themes, leaders and links. */
const writeChildren = async (
  trx: Kysely<Database>,
  projectId: string,
  references: References,
  links: ProjectDraft['links'],
) => {
  await Promise.all([
    trx.deleteFrom('project_theme').where('project_id', '=', projectId).execute(),
    trx.deleteFrom('project_leader').where('project_id', '=', projectId).execute(),
    trx.deleteFrom('project_link').where('project_id', '=', projectId).execute(),
  ]);
  const { themeIds, leaderIds } = references;
  if (themeIds.length > 0) {
    await trx
      .insertInto('project_theme')
      .values(themeIds.map((theme_id) => ({ project_id: projectId, theme_id })))
      .execute();
  }
  if (leaderIds.length > 0) {
    await trx
      .insertInto('project_leader')
      .values(
        leaderIds.map((person_id, position) => ({ project_id: projectId, person_id, position })),
      )
      .execute();
  }
  if (links.length > 0) {
    await trx
      .insertInto('project_link')
      .values(
        links.map((l, position) => ({
          project_id: projectId,
          position,
          label: l.label.trim(),
          url: l.url.trim(),
        })),
      )
      .execute();
  }
};

/**
 * Creates a draft project owned by `draft.owner`, with a slug from the domain's projectSlug
 * (unique among all projects). The domain's checkProjectDates decides the dates. Audited as
 * project.create.
 */
export const createProject = (
  db: Kysely<Database>,
  draft: NewProject,
  actor: AuditActor | null,
): Promise<Result.Result<ProjectEditView, ProjectDatesInvalid | LeaderNotOfOwner | NotFound>> =>
  db.transaction().execute(async (trx) => {
    const owner = await trx
      .selectFrom('organisation')
      .select('id')
      .where('slug', '=', draft.owner)
      .executeTakeFirst();
    if (!owner) return notFound('organisation', draft.owner);
    const references = await resolveReferences(trx, draft, owner.id);
    if (Result.isFailure(references)) return Result.fail(references.failure);
    const dates = checkProjectDates(draft);
    if (Result.isFailure(dates)) return Result.fail(dates.failure);
    // Serialises project creation so two projects with the same title get different slugs.
    await sql`select pg_advisory_xact_lock(hashtext('project.slug'))`.execute(trx);
    const taken = new Set(
      (await trx.selectFrom('project').select('slug').execute()).map((p) => p.slug),
    );
    const slug = projectSlug(draft.title, taken);
    const { id } = await trx
      .insertInto('project')
      .values({
        slug,
        title: draft.title.trim(),
        summary: draft.summary.trim(),
        body: draft.body,
        body_html: draft.bodyHtml,
        owner_organisation_id: owner.id,
        status: draft.status,
        start_date: draft.startDate,
        end_date: draft.endDate,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeChildren(trx, id, references.success, draft.links);
    const view = await mustView(trx, slug);
    await writeAudit(trx, {
      actor,
      action: 'project.create',
      recordType: 'project',
      recordId: slug,
      organisationId: owner.id,
      before: null,
      after: snapshot(view),
    });
    return Result.succeed(view);
  });

type Locked = Pick<
  Selectable<ProjectTable>,
  'id' | 'owner_organisation_id' | 'workflow_status' | 'version'
>;

/**
 * Changes the project `slug` at `version` (changeAtVersion): `decide` gives the audit action and
 * the columns to set, or the rule's error, and may write the project's children first.
 */
const changeProject = <E>(
  db: Kysely<Database>,
  input: {
    readonly slug: string;
    readonly version: number;
    readonly decidedOn?: Status | undefined;
  },
  actor: AuditActor | null,
  decide: (
    trx: Transaction<Database>,
    row: Locked,
    before: ProjectEditView,
  ) => Promise<Result.Result<{ action: Written['action']; set: Updateable<ProjectTable> }, E>>,
): Promise<Result.Result<ProjectEditView, E | NotFound | StaleVersion>> =>
  changeAtVersion(db, {
    recordType: 'project',
    recordId: input.slug,
    version: input.version,
    decidedOn: input.decidedOn,
    actor,
    lock: (trx) =>
      trx
        .selectFrom('project')
        .select(['id', 'owner_organisation_id', 'workflow_status', 'version'])
        .where('slug', '=', input.slug)
        .forUpdate()
        .executeTakeFirst(),
    view: (trx) => mustView(trx, input.slug),
    snapshot,
    write: async (trx, row, before) => {
      const decided = await decide(trx, row, before);
      if (Result.isFailure(decided)) return Result.fail(decided.failure);
      mustUpdateOne(
        await trx
          .updateTable('project')
          .set({ ...decided.success.set, version: sql`version + 1`, updated_at: sql`now()` })
          .where('id', '=', row.id)
          .where('version', '=', input.version)
          .executeTakeFirst(),
        'project',
      );
      return Result.succeed({
        action: decided.success.action,
        organisationId: row.owner_organisation_id,
      });
    },
  });

/**
 * Saves a project (any workflow status: the API checks edit-draft or edit-published first), if
 * the domain's checkProjectEdit accepts it: dates that hold together, and a published project
 * that stays publishable.
 */
export const updateProject = (
  db: Kysely<Database>,
  input: ProjectUpdate,
  actor: AuditActor | null,
): Promise<
  Result.Result<
    ProjectEditView,
    ProjectDatesInvalid | ProjectNotPublishable | LeaderNotOfOwner | NotFound | StaleVersion
  >
> =>
  changeProject<ProjectDatesInvalid | ProjectNotPublishable | LeaderNotOfOwner | NotFound>(
    db,
    input,
    actor,
    async (trx, row) => {
      const references = await resolveReferences(trx, input, row.owner_organisation_id);
      if (Result.isFailure(references)) return Result.fail(references.failure);
      const checked = checkProjectEdit(input, row.workflow_status);
      if (Result.isFailure(checked)) return Result.fail(checked.failure);
      await writeChildren(trx, row.id, references.success, input.links);
      return Result.succeed({
        action: 'project.update' as const,
        set: {
          title: input.title.trim(),
          summary: input.summary.trim(),
          body: input.body,
          body_html: input.bodyHtml,
          status: input.status,
          start_date: input.startDate,
          end_date: input.endDate,
        },
      });
    },
  );

/**
 * Moves the project through the workflow if the domain's checkProjectTransition accepts it
 * (publishing needs a leader, a theme and dates that hold together), at the time publishAtOf
 * gives. Audited as `project.<transition>`.
 */
export const transitionProject = async (
  db: Kysely<Database>,
  input: ProjectTransition,
  actor: AuditActor | null,
): Promise<
  Result.Result<
    ProjectEditView,
    | InvalidTransition
    | ProjectNotPublishable
    | ProjectDatesInvalid
    | PublishAtWithoutPublish
    | NotFound
    | StaleVersion
  >
> => {
  const publishAt = publishAtOf(input.transition, input.publishAt);
  if (Result.isFailure(publishAt)) return Result.fail(publishAt.failure);
  return changeProject(db, input, actor, async (_trx, row, before) =>
    Result.map(
      checkProjectTransition(
        {
          ...before,
          workflowStatus: row.workflow_status,
          leaders: before.leaderIds,
          themes: before.themes.map((t) => t.slug),
        },
        input.transition,
      ),
      (status) => ({
        action: `project.${input.transition}` as const,
        set: {
          workflow_status: status,
          ...(publishAt.success !== undefined ? { publish_at: publishAt.success } : {}),
        },
      }),
    ),
  );
};
