import {
  type ArticleDraft,
  type ArticleEditError,
  type ArticleEditView,
  type ArticleNotPublishable,
  type AuditActor,
  articleSlug,
  checkArticleEdit,
  checkArticleTransition,
  type InvalidTransition,
  markdownPlainText,
  type NotFound,
  type PublishAtWithoutPublish,
  publishAtOf,
  type StaleVersion,
  type Status,
  type Transition,
} from '@klimakommuner/domain';
import { Result } from 'effect';
import { type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import { writeAudit } from '../audit/write.ts';
import { notFound, stale } from '../content/results.ts';
import { changeAtVersion, mustUpdateOne, type Written } from '../content/versioned.ts';
import { releaseUnattached } from '../resource/files.ts';
import type { ArticleTable, Database } from '../schema.ts';
import { getArticleForEdit } from './articles.ts';
import {
  type ArticleFields,
  resolveArticleReferences,
  writeArticleChildren,
} from './references.ts';
import { refreshArticleDocument } from './search-document.ts';

// The same machine as resource/resource-edit.ts (changeAtVersion, writeAudit, the search
// document in the transaction), kept parallel: the columns, children and rules differ.

/** A new article: the domain's draft plus the API's sanitised rendering of `body`. */
export interface NewArticle extends ArticleDraft {
  readonly bodyHtml: string;
  /** Seeded demo content, marked wherever it is shown. */
  readonly demo?: boolean;
}

/** A saved article; the publisher and the slug stay as they are. */
export interface ArticleUpdate extends ArticleFields {
  readonly slug: string;
  readonly version: number;
  /** The workflow status the API decided the caller may edit (versioned.ts, decidedOn). */
  readonly decidedOn?: Status | undefined;
  readonly bodyHtml: string;
}

export interface ArticleTransition {
  readonly slug: string;
  readonly version: number;
  readonly transition: Transition;
  readonly publishAt?: string | Date | null | undefined;
}

export type ArticleWriteError = ArticleEditError | NotFound;

/** What the audit trail keeps of an article (the HTML is derived from the Markdown). */
const snapshot = (v: ArticleEditView) => ({
  slug: v.slug,
  title: v.title,
  lead: v.lead,
  body: v.body,
  image: v.image ? { file: v.image.file, altText: v.image.altText, credit: v.image.credit } : null,
  publisher: v.publisher.slug,
  project: v.projectSlug,
  themes: v.themes.map((t) => t.slug),
  municipalities: v.municipalities.map((m) => m.number),
  author: v.author ? { name: v.author.name, person: v.author.person?.id ?? null } : null,
  workflowStatus: v.workflowStatus,
  publishAt: v.publishAt,
  publishedAt: v.publishedAt,
  version: v.version,
});

const mustView = async (db: Kysely<Database>, slug: string): Promise<ArticleEditView> => {
  const view = await getArticleForEdit(db, slug);
  if (!view) throw new Error(`Article ${slug} vanished inside its transaction`);
  return view;
};

const columns = (draft: ArticleFields & { readonly bodyHtml: string }) => ({
  title: draft.title.trim(),
  lead: draft.lead.trim(),
  body: draft.body,
  body_html: draft.bodyHtml,
  body_text: markdownPlainText(draft.body),
  image_file_id: draft.image?.file ?? null,
  image_alt: draft.image ? draft.image.altText.trim() : null,
  image_credit: draft.image ? draft.image.credit.trim() : '',
  author_name: draft.author === null ? null : draft.author.name.trim() || null,
  author_person_id: draft.author?.person ?? null,
});

/**
 * Creates a draft article published by `draft.publisher`, if the domain's checkArticleEdit
 * accepts it (an image with alt text, a project of the publisher), with a slug unique among
 * articles. Audited as article.create.
 */
export const createArticle = (
  db: Kysely<Database>,
  draft: NewArticle,
  actor: AuditActor | null,
): Promise<Result.Result<ArticleEditView, ArticleWriteError>> =>
  db
    .transaction()
    .execute(async (trx): Promise<Result.Result<ArticleEditView, ArticleWriteError>> => {
      const publisher = await trx
        .selectFrom('organisation')
        .select(['id', 'slug'])
        .where('slug', '=', draft.publisher)
        .executeTakeFirst();
      if (!publisher) return notFound('organisation', draft.publisher);
      const references = await resolveArticleReferences(trx, draft, publisher);
      if (Result.isFailure(references)) return Result.fail(references.failure);
      const checked = checkArticleEdit(references.success.check, 'draft');
      if (Result.isFailure(checked)) return Result.fail(checked.failure);
      // Serialises creation so two articles with the same title get different slugs.
      await sql`select pg_advisory_xact_lock(hashtext('article.slug'))`.execute(trx);
      const taken = new Set(
        (await trx.selectFrom('article').select('slug').execute()).map((r) => r.slug),
      );
      const slug = articleSlug(draft.title, taken);
      const { id } = await trx
        .insertInto('article')
        .values({
          ...columns(draft),
          slug,
          publisher_organisation_id: publisher.id,
          project_id: references.success.projectId,
          demo: draft.demo ?? false,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeArticleChildren(trx, id, references.success);
      if (draft.image) await releaseUnattached(trx, [draft.image.file]);
      const view = await mustView(trx, slug);
      await writeAudit(trx, {
        actor,
        action: 'article.create',
        recordType: 'article',
        recordId: slug,
        organisationId: publisher.id,
        before: null,
        after: snapshot(view),
      });
      return Result.succeed(view);
    });

type Locked = Pick<
  Selectable<ArticleTable>,
  'id' | 'publisher_organisation_id' | 'workflow_status' | 'version'
>;

/**
 * Changes the article `slug` at `version` (changeAtVersion): `decide` gives the audit action and
 * the columns to set, or the rule's error, and may write the children first; the search
 * document follows in the same transaction.
 */
const changeArticle = <E>(
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
    before: ArticleEditView,
  ) => Promise<Result.Result<{ action: Written['action']; set: Updateable<ArticleTable> }, E>>,
): Promise<Result.Result<ArticleEditView, E | NotFound | StaleVersion>> =>
  changeAtVersion(db, {
    recordType: 'article',
    recordId: input.slug,
    version: input.version,
    decidedOn: input.decidedOn,
    actor,
    lock: (trx) =>
      trx
        .selectFrom('article')
        .select(['id', 'publisher_organisation_id', 'workflow_status', 'version'])
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
          .updateTable('article')
          .set({ ...decided.success.set, version: sql`version + 1` })
          .where('id', '=', row.id)
          .where('version', '=', input.version)
          .executeTakeFirst(),
        'article',
      );
      await refreshArticleDocument(trx, row.id);
      // An image the change let go of is released (kept until the audit window has passed).
      const images = [before.image?.file, decided.success.set.image_file_id].filter(
        (id): id is string => typeof id === 'string',
      );
      if (images.length > 0) await releaseUnattached(trx, images);
      return Result.succeed({
        action: decided.success.action,
        organisationId: row.publisher_organisation_id,
      });
    },
  });

/**
 * Saves an article (the API checked edit-draft or edit-published first) if the domain's
 * checkArticleEdit accepts it; a published one stays publishable. «Oppdatert» moves to now.
 * An image no longer used anywhere is released (kept until the audit window has passed).
 */
export const updateArticle = (
  db: Kysely<Database>,
  input: ArticleUpdate,
  actor: AuditActor | null,
): Promise<Result.Result<ArticleEditView, ArticleWriteError | StaleVersion>> =>
  changeArticle<ArticleWriteError>(db, input, actor, async (trx, row, before) => {
    const publisher = { id: row.publisher_organisation_id, slug: before.publisher.slug };
    const references = await resolveArticleReferences(trx, input, publisher);
    if (Result.isFailure(references)) return Result.fail(references.failure);
    const checked = checkArticleEdit(references.success.check, row.workflow_status);
    if (Result.isFailure(checked)) return Result.fail(checked.failure);
    await writeArticleChildren(trx, row.id, references.success);
    return Result.succeed({
      action: 'article.update' as const,
      set: {
        ...columns(input),
        project_id: references.success.projectId,
        updated_at: sql`now()` as unknown as Date,
      },
    });
  });

/**
 * Moves the article through the workflow if the domain's checkArticleTransition accepts it
 * (publishing needs a lead and a text). Publishing sets the publication time: the scheduled
 * `publishAt`, else now. Audited as `article.<transition>`.
 */
export const transitionArticle = async (
  db: Kysely<Database>,
  input: ArticleTransition,
  actor: AuditActor | null,
): Promise<
  Result.Result<
    ArticleEditView,
    InvalidTransition | ArticleNotPublishable | PublishAtWithoutPublish | NotFound | StaleVersion
  >
> => {
  const publishAt = publishAtOf(input.transition, input.publishAt);
  if (Result.isFailure(publishAt)) return Result.fail(publishAt.failure);
  return changeArticle(db, input, actor, async (_trx, row, before) =>
    Result.map(
      checkArticleTransition(
        { lead: before.lead, body: before.body, workflowStatus: row.workflow_status },
        input.transition,
      ),
      (status) => ({
        action: `article.${input.transition}` as const,
        set: {
          workflow_status: status,
          ...(publishAt.success !== undefined
            ? {
                publish_at: publishAt.success,
                published_at: publishAt.success ?? (sql`now()` as unknown as Date),
              }
            : {}),
        },
      }),
    ),
  );
};

/**
 * Deletes the article at `version`, with its search document, and releases its image: it stays
 * in storage until the deletion is past the audit window. The audit row keeps what was deleted.
 */
export const deleteArticle = (
  db: Kysely<Database>,
  input: { readonly slug: string; readonly version: number },
  actor: AuditActor | null,
): Promise<Result.Result<{ readonly slug: string }, NotFound | StaleVersion>> =>
  db
    .transaction()
    .execute(
      async (trx): Promise<Result.Result<{ readonly slug: string }, NotFound | StaleVersion>> => {
        const row = await trx
          .selectFrom('article')
          .select(['id', 'publisher_organisation_id', 'version'])
          .where('slug', '=', input.slug)
          .forUpdate()
          .executeTakeFirst();
        if (!row) return notFound('article', input.slug);
        const before = await mustView(trx, input.slug);
        if (row.version !== input.version)
          return stale('article', input.slug, input.version, before);
        await trx
          .deleteFrom('search_document')
          .where('type', '=', 'article')
          .where('id', '=', row.id)
          .execute();
        await trx.deleteFrom('article').where('id', '=', row.id).execute();
        if (before.image) await releaseUnattached(trx, [before.image.file]);
        await writeAudit(trx, {
          actor,
          action: 'article.delete',
          recordType: 'article',
          recordId: input.slug,
          organisationId: row.publisher_organisation_id,
          before: snapshot(before),
          after: null,
        });
        return Result.succeed({ slug: input.slug });
      },
    );
