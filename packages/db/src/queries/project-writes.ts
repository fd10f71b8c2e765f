import {
  type AuditActor,
  checkProjectDates,
  checkPublishable,
  type InvalidTransition,
  type ProjectDatesInvalid,
  type ProjectDraft,
  type ProjectEditView,
  type ProjectNotPublishable,
  projectSlug,
  type Transition,
  transition,
} from '@klimakommuner/domain';
import { Effect } from 'effect';
import { type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { Database, ProjectTable } from '../schema.ts';
import { writeAudit } from './audit.ts';
import { notFound, type Outcome, ok, refused, stale } from './outcome.ts';
import { getProjectForEdit } from './projects.ts';
import { isUuid } from './users.ts';

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
  readonly bodyHtml: string;
}

export interface ProjectTransition {
  readonly slug: string;
  readonly version: number;
  readonly transition: Transition;
  /** Only for publish: when it goes public (ISO timestamp or Date); null or absent = at once. */
  readonly publishAt?: string | Date | null;
}

const failure = <E>(effect: Effect.Effect<void, E>): E | null => {
  const result = Effect.runSync(Effect.result(effect));
  return result._tag === 'Failure' ? result.failure : null;
};

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

/** Theme ids and leader ids of the draft, in its order; not-found for the first unknown one. */
const resolveReferences = async (
  trx: Kysely<Database>,
  draft: Pick<ProjectDraft, 'themes' | 'leaders'>,
) => {
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
      : trx.selectFrom('person').select('id').where('id', 'in', leaderIds).execute(),
  ]);
  const themeIds = new Map(themes.map((t) => [t.slug, t.id]));
  const missingTheme = themeSlugs.find((s) => !themeIds.has(s));
  if (missingTheme !== undefined) return notFound('theme', missingTheme);
  const known = new Set(people.map((p) => p.id));
  const missingLeader = leaderIds.find((id) => !known.has(id));
  if (missingLeader !== undefined) return notFound('person', missingLeader);
  return {
    kind: 'resolved' as const,
    themeIds: themeSlugs.map((s) => themeIds.get(s) ?? ''),
    leaderIds,
  };
};

/** Replaces the project's themes, leaders and links. */
const writeChildren = async (
  trx: Kysely<Database>,
  projectId: string,
  themeIds: readonly string[],
  leaderIds: readonly string[],
  links: ProjectDraft['links'],
) => {
  await Promise.all([
    trx.deleteFrom('project_theme').where('project_id', '=', projectId).execute(),
    trx.deleteFrom('project_leader').where('project_id', '=', projectId).execute(),
    trx.deleteFrom('project_link').where('project_id', '=', projectId).execute(),
  ]);
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
  _now: Date = new Date(),
): Promise<Outcome<ProjectEditView, ProjectDatesInvalid>> =>
  db.transaction().execute(async (trx) => {
    const owner = await trx
      .selectFrom('organisation')
      .select('id')
      .where('slug', '=', draft.owner)
      .executeTakeFirst();
    if (!owner) return notFound('organisation', draft.owner);
    const references = await resolveReferences(trx, draft);
    if (references.kind !== 'resolved') return references;
    const datesError = failure(checkProjectDates(draft));
    if (datesError) return refused(datesError);
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
    await writeChildren(trx, id, references.themeIds, references.leaderIds, draft.links);
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
    return ok(view);
  });

const lockProject = (trx: Transaction<Database>, slug: string) =>
  trx
    .selectFrom('project')
    .select(['id', 'owner_organisation_id', 'workflow_status', 'version'])
    .where('slug', '=', slug)
    .forUpdate()
    .executeTakeFirst();

type Locked = NonNullable<Awaited<ReturnType<typeof lockProject>>>;

/**
 * Runs `change` on the project locked at `version`, writes the audit row in the same
 * transaction and returns the new edit view; stale → the stored edit view, nothing written.
 */
const changeProject = <E>(
  db: Kysely<Database>,
  input: { readonly slug: string; readonly version: number },
  actor: AuditActor | null,
  change: (
    trx: Transaction<Database>,
    row: Locked,
    before: ProjectEditView,
  ) => Promise<
    | { readonly refused: E }
    | { readonly notFound: ReturnType<typeof notFound> }
    | { readonly action: string; readonly set: Updateable<ProjectTable> }
  >,
): Promise<Outcome<ProjectEditView, E>> =>
  db.transaction().execute(async (trx) => {
    const row = await lockProject(trx, input.slug);
    if (!row) return notFound('project', input.slug);
    const before = await mustView(trx, input.slug);
    if (row.version !== input.version) return stale('project', input.slug, input.version, before);
    const decided = await change(trx, row, before);
    if ('refused' in decided) return refused(decided.refused);
    if ('notFound' in decided) return decided.notFound;
    const updated = await trx
      .updateTable('project')
      .set({ ...decided.set, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', row.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw new Error('The locked project changed underneath');
    }
    const after = await mustView(trx, input.slug);
    await writeAudit(trx, {
      actor,
      action: decided.action,
      recordType: 'project',
      recordId: input.slug,
      organisationId: row.owner_organisation_id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return ok(after);
  });

/**
 * Saves a project (any workflow status: the API checks edit-draft or edit-published first).
 * The dates go through checkProjectDates; a published project must stay publishable
 * (checkPublishable), so an edit cannot leave a public project without leader or theme.
 */
export const updateProject = (
  db: Kysely<Database>,
  input: ProjectUpdate,
  actor: AuditActor | null,
  _now: Date = new Date(),
): Promise<Outcome<ProjectEditView, ProjectDatesInvalid | ProjectNotPublishable>> =>
  changeProject<ProjectDatesInvalid | ProjectNotPublishable>(db, input, actor, async (trx, row) => {
    const references = await resolveReferences(trx, input);
    if (references.kind !== 'resolved') return { notFound: references };
    const error =
      failure(checkProjectDates(input)) ??
      (row.workflow_status === 'published' ? failure(checkPublishable(input)) : null);
    if (error) return { refused: error };
    await writeChildren(trx, row.id, references.themeIds, references.leaderIds, input.links);
    return {
      action: 'project.update',
      set: {
        title: input.title.trim(),
        summary: input.summary.trim(),
        body: input.body,
        body_html: input.bodyHtml,
        status: input.status,
        start_date: input.startDate,
        end_date: input.endDate,
      },
    };
  });

/**
 * Moves the project through the workflow; the domain's `transition` decides whether it may, and
 * publishing also needs checkPublishable (a leader and a theme) and checkProjectDates.
 * Audited as `project.<transition>`.
 */
export const transitionProject = (
  db: Kysely<Database>,
  input: ProjectTransition,
  actor: AuditActor | null,
  _now: Date = new Date(),
): Promise<
  Outcome<ProjectEditView, InvalidTransition | ProjectNotPublishable | ProjectDatesInvalid>
> =>
  changeProject<InvalidTransition | ProjectNotPublishable | ProjectDatesInvalid>(
    db,
    input,
    actor,
    async (_trx, row, before) => {
      const result = Effect.runSync(
        Effect.result(transition({ status: row.workflow_status }, input.transition)),
      );
      if (result._tag === 'Failure') return { refused: result.failure };
      if (input.transition === 'publish') {
        const error =
          failure(
            checkPublishable({
              leaders: before.leaderIds,
              themes: before.themes.map((t) => t.slug),
            }),
          ) ?? failure(checkProjectDates(before));
        if (error) return { refused: error };
      }
      return {
        action: `project.${input.transition}`,
        set: {
          workflow_status: result.success,
          ...(input.transition === 'publish'
            ? { publish_at: input.publishAt ? new Date(input.publishAt) : null }
            : {}),
        },
      };
    },
  );
