import {
  type AuditActor,
  checkResourceEdit,
  checkResourceTransition,
  type InvalidTransition,
  markdownPlainText,
  type NotFound,
  type PublishAtWithoutPublish,
  publishAtOf,
  type ResourceDraft,
  type ResourceEditError,
  type ResourceEditView,
  type ResourceNotPublishable,
  resourceSlug,
  type StaleVersion,
  type Status,
  type Transition,
} from '@klimakommuner/domain';
import { Result } from 'effect';
import { type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import { writeAudit } from '../audit/write.ts';
import { notFound, stale } from '../content/results.ts';
import { changeAtVersion, mustUpdateOne, type Written } from '../content/versioned.ts';
import type { Database, ResourceTable } from '../schema.ts';
import { releaseUnattached } from './files.ts';
import { type ResourceFields, resolveReferences, writeChildren } from './references.ts';
import { getResourceForEdit } from './resources.ts';
import { refreshResourceDocument } from './search-document.ts';

/** A new resource: the domain's draft plus the API's sanitised rendering of `body`. */
export interface NewResource extends ResourceDraft {
  readonly bodyHtml: string;
  /** Seeded demo content, marked wherever it is shown. */
  readonly demo?: boolean;
}

/** A saved resource; the owner and the slug stay as they are. */
export interface ResourceUpdate extends ResourceFields {
  readonly slug: string;
  readonly version: number;
  /** The workflow status the API decided the caller may edit (versioned.ts, decidedOn). */
  readonly decidedOn?: Status | undefined;
  readonly bodyHtml: string;
}

export interface ResourceTransition {
  readonly slug: string;
  readonly version: number;
  readonly transition: Transition;
  readonly publishAt?: string | Date | null | undefined;
}

export type ResourceWriteError = ResourceEditError | NotFound;

/** What the audit trail keeps of a resource (the HTML is derived from the Markdown). */
const snapshot = (v: ResourceEditView) => ({
  slug: v.slug,
  title: v.title,
  summary: v.summary,
  body: v.body,
  kind: v.kind,
  themes: v.themes.map((t) => t.slug),
  project: v.projectSlug,
  owner: v.owner.slug,
  municipalities: v.municipalities.map((m) => m.number),
  audience: v.audience,
  language: v.language,
  attachments: v.attachments.map((a) => ({ file: a.file, title: a.title, altText: a.altText })),
  links: v.links,
  publishedOn: v.publishedOn,
  lastReviewedOn: v.lastReviewedOn,
  workflowStatus: v.workflowStatus,
  publishAt: v.publishAt,
  version: v.version,
});

const mustView = async (db: Kysely<Database>, slug: string): Promise<ResourceEditView> => {
  const view = await getResourceForEdit(db, slug);
  if (!view) throw new Error(`Resource ${slug} vanished inside its transaction`);
  return view;
};

const columns = (draft: ResourceFields & { readonly bodyHtml: string }) => ({
  title: draft.title.trim(),
  summary: draft.summary.trim(),
  body: draft.body,
  body_html: draft.bodyHtml,
  body_text: markdownPlainText(draft.body),
  kind: draft.kind,
  audience: [...new Set(draft.audience)],
  language: draft.language,
  published_on: draft.publishedOn,
  last_reviewed_on: draft.lastReviewedOn,
});

/**
 * Creates a draft resource owned by `draft.owner`, if the domain's checkResourceEdit accepts it
 * (attachments with titles and alt text, a project of the same owner, dates in order), with a
 * slug unique among resources. Audited as resource.create.
 */
export const createResource = (
  db: Kysely<Database>,
  draft: NewResource,
  actor: AuditActor | null,
): Promise<Result.Result<ResourceEditView, ResourceWriteError>> =>
  db
    .transaction()
    .execute(async (trx): Promise<Result.Result<ResourceEditView, ResourceWriteError>> => {
      const owner = await trx
        .selectFrom('organisation')
        .select(['id', 'slug'])
        .where('slug', '=', draft.owner)
        .executeTakeFirst();
      if (!owner) return notFound('organisation', draft.owner);
      const references = await resolveReferences(trx, draft, owner);
      if (Result.isFailure(references)) return Result.fail(references.failure);
      const checked = checkResourceEdit(references.success.check, 'draft');
      if (Result.isFailure(checked)) return Result.fail(checked.failure);
      // Serialises creation so two resources with the same title get different slugs.
      await sql`select pg_advisory_xact_lock(hashtext('resource.slug'))`.execute(trx);
      const taken = new Set(
        (await trx.selectFrom('resource').select('slug').execute()).map((r) => r.slug),
      );
      const slug = resourceSlug(draft.title, taken);
      const { id } = await trx
        .insertInto('resource')
        .values({
          ...columns(draft),
          slug,
          owner_organisation_id: owner.id,
          project_id: references.success.projectId,
          demo: draft.demo ?? false,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeChildren(trx, id, references.success, draft);
      await releaseUnattached(
        trx,
        draft.attachments.map((a) => a.file),
      );
      const view = await mustView(trx, slug);
      await writeAudit(trx, {
        actor,
        action: 'resource.create',
        recordType: 'resource',
        recordId: slug,
        organisationId: owner.id,
        before: null,
        after: snapshot(view),
      });
      return Result.succeed(view);
    });

type Locked = Pick<
  Selectable<ResourceTable>,
  'id' | 'owner_organisation_id' | 'workflow_status' | 'version'
>;

/**
 * Changes the resource `slug` at `version` (changeAtVersion): `decide` gives the audit action and
 * the columns to set, or the rule's error, and may write the children first; the search
 * document follows in the same transaction.
 */
const changeResource = <E>(
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
    before: ResourceEditView,
  ) => Promise<Result.Result<{ action: Written['action']; set: Updateable<ResourceTable> }, E>>,
): Promise<Result.Result<ResourceEditView, E | NotFound | StaleVersion>> =>
  changeAtVersion(db, {
    recordType: 'resource',
    recordId: input.slug,
    version: input.version,
    decidedOn: input.decidedOn,
    actor,
    lock: (trx) =>
      trx
        .selectFrom('resource')
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
          .updateTable('resource')
          .set({ ...decided.success.set, version: sql`version + 1`, updated_at: sql`now()` })
          .where('id', '=', row.id)
          .where('version', '=', input.version)
          .executeTakeFirst(),
        'resource',
      );
      await refreshResourceDocument(trx, row.id);
      return Result.succeed({
        action: decided.success.action,
        organisationId: row.owner_organisation_id,
      });
    },
  });

/**
 * Saves a resource (the API checked edit-draft or edit-published first) if the domain's
 * checkResourceEdit accepts it; a published one stays publishable. Files no longer attached
 * anywhere are released (kept until the audit window has passed).
 */
export const updateResource = (
  db: Kysely<Database>,
  input: ResourceUpdate,
  actor: AuditActor | null,
): Promise<Result.Result<ResourceEditView, ResourceWriteError | StaleVersion>> =>
  changeResource<ResourceWriteError>(db, input, actor, async (trx, row, before) => {
    const owner = { id: row.owner_organisation_id, slug: before.owner.slug };
    const references = await resolveReferences(trx, input, owner);
    if (Result.isFailure(references)) return Result.fail(references.failure);
    const checked = checkResourceEdit(references.success.check, row.workflow_status);
    if (Result.isFailure(checked)) return Result.fail(checked.failure);
    await writeChildren(trx, row.id, references.success, input);
    await releaseUnattached(trx, [
      ...before.attachments.map((a) => a.file),
      ...input.attachments.map((a) => a.file),
    ]);
    return Result.succeed({
      action: 'resource.update' as const,
      set: { ...columns(input), project_id: references.success.projectId },
    });
  });

/**
 * Moves the resource through the workflow if the domain's checkResourceTransition accepts it
 * (publishing needs a theme and an attachment or a link). Audited as `resource.<transition>`.
 */
export const transitionResource = async (
  db: Kysely<Database>,
  input: ResourceTransition,
  actor: AuditActor | null,
): Promise<
  Result.Result<
    ResourceEditView,
    InvalidTransition | ResourceNotPublishable | PublishAtWithoutPublish | NotFound | StaleVersion
  >
> => {
  const publishAt = publishAtOf(input.transition, input.publishAt);
  if (Result.isFailure(publishAt)) return Result.fail(publishAt.failure);
  return changeResource(db, input, actor, async (_trx, row, before) =>
    Result.map(
      checkResourceTransition(
        {
          themes: before.themes.map((t) => t.slug),
          attachments: before.attachments,
          links: before.links,
          workflowStatus: row.workflow_status,
        },
        input.transition,
      ),
      (status) => ({
        action: `resource.${input.transition}` as const,
        set: {
          workflow_status: status,
          ...(publishAt.success !== undefined ? { publish_at: publishAt.success } : {}),
        },
      }),
    ),
  );
};

/**
 * Deletes the resource at `version`, with its search document, and releases its files: they
 * stay in storage until the deletion is past the audit window (packages/files' sweep asks
 * fileUses). The audit row keeps what was deleted.
 */
export const deleteResource = (
  db: Kysely<Database>,
  input: { readonly slug: string; readonly version: number },
  actor: AuditActor | null,
): Promise<Result.Result<{ readonly slug: string }, NotFound | StaleVersion>> =>
  db
    .transaction()
    .execute(
      async (trx): Promise<Result.Result<{ readonly slug: string }, NotFound | StaleVersion>> => {
        const row = await trx
          .selectFrom('resource')
          .select(['id', 'owner_organisation_id', 'version'])
          .where('slug', '=', input.slug)
          .forUpdate()
          .executeTakeFirst();
        if (!row) return notFound('resource', input.slug);
        const before = await mustView(trx, input.slug);
        if (row.version !== input.version)
          return stale('resource', input.slug, input.version, before);
        await trx
          .deleteFrom('search_document')
          .where('type', '=', 'resource')
          .where('id', '=', row.id)
          .execute();
        await trx.deleteFrom('resource').where('id', '=', row.id).execute();
        await releaseUnattached(
          trx,
          before.attachments.map((a) => a.file),
        );
        await writeAudit(trx, {
          actor,
          action: 'resource.delete',
          recordType: 'resource',
          recordId: input.slug,
          organisationId: row.owner_organisation_id,
          before: snapshot(before),
          after: null,
        });
        return Result.succeed({ slug: input.slug });
      },
    );
