import {
  type ArticleDetail,
  type ArticleEditSummary,
  type ArticleEditView,
  type ArticleFilter,
  type ArticlePage,
  type ArticleSummary,
  DEFAULT_ARTICLE_LIMIT,
  type Status,
} from '@klimakommuner/domain';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { editReads, publicDetailOf } from '../content/edit-reads.ts';
import { nbOrder, projectIsPublic } from '../resource/sql.ts';
import type { Database } from '../schema.ts';
import { decodeArticleCursor, encodeArticleCursor } from './cursor.ts';
import {
  articleIsPublic,
  detailFields,
  detailJoins,
  editFields,
  summaryFields,
  summaryJoins,
} from './sql.ts';

// Reads of articles: each one statement, the view built in SQL (sql.ts).

/** JSON turns a timestamptz into an offset string; views carry toISOString's form. */
const iso = (value: string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

export const withIso = <V extends { readonly publishedAt: string | null }>(view: V): V => {
  const times: Record<string, string | null> = { publishedAt: iso(view.publishedAt) };
  for (const key of ['publishAt', 'updatedAt'] as const) {
    if (key in view) times[key] = iso((view as Record<string, unknown>)[key] as string | null);
  }
  return { ...view, ...times };
};

/** The filters of the public list as SQL conditions (publisher `o`, project `p`). */
export const articleConditions = (filter: ArticleFilter): RawBuilder<unknown>[] => {
  const conditions: RawBuilder<unknown>[] = [];
  if (filter.publisher !== undefined) conditions.push(sql`o.slug = ${filter.publisher}`);
  if (filter.project !== undefined) conditions.push(sql`p.slug = ${filter.project}`);
  if (filter.theme !== undefined)
    conditions.push(sql`exists (select 1 from article_theme at join theme t on t.id = at.theme_id
      where at.article_id = a.id and t.slug = ${filter.theme})`);
  if (filter.municipality !== undefined)
    conditions.push(sql`exists (select 1 from article_municipality am
      where am.article_id = a.id and am.municipality_number = ${filter.municipality})`);
  return conditions;
};

export interface ArticleListQuery extends ArticleFilter {
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/**
 * The public articles, newest first, filtered, one page (keyset over publication and id); one
 * statement. Throws InvalidCursorError on a cursor it did not hand out.
 */
export const listArticles = async (
  db: Kysely<Database>,
  query: ArticleListQuery,
  now: Date = new Date(),
): Promise<ArticlePage> => {
  const limit = query.limit ?? DEFAULT_ARTICLE_LIMIT;
  const after = query.cursor === undefined ? null : decodeArticleCursor(query.cursor);
  const conditions = [articleIsPublic(now), ...articleConditions(query)];
  if (after !== null)
    conditions.push(
      sql`(a.published_at, a.id) < (${new Date(after.publishedAt)}::timestamptz, ${after.id}::uuid)`,
    );
  const rows = (
    await sql<{ view: ArticleSummary }>`select json_build_object(${summaryFields(now)}) as view
      from ${summaryJoins} where ${sql.join(conditions, sql` and `)}
      order by a.published_at desc, a.id desc limit ${limit + 1}`.execute(db)
  ).rows.map((row) => withIso(row.view));
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > limit && last?.publishedAt
        ? encodeArticleCursor({ publishedAt: last.publishedAt, id: last.id })
        : null,
  };
};

/** The newest `n` public articles matching `filter` (the «siste nytt» blocks); one statement. */
export const latestArticles = async (
  db: Kysely<Database>,
  n: number,
  filter: ArticleFilter,
  now: Date = new Date(),
): Promise<ArticleSummary[]> => [...(await listArticles(db, { ...filter, limit: n }, now)).items];

/**
 * The newest `n` public articles matching `filter` with their bodies, for the RSS and Atom
 * feeds; one statement.
 */
export const feedArticles = async (
  db: Kysely<Database>,
  n: number,
  filter: ArticleFilter,
  now: Date = new Date(),
): Promise<ArticleDetail[]> =>
  (
    await sql<{ view: ArticleDetail }>`select json_build_object(${summaryFields(now)},
        ${detailFields}) as view
      from ${detailJoins} where ${sql.join([articleIsPublic(now), ...articleConditions(filter)], sql` and `)}
      order by a.published_at desc, a.id desc limit ${n}`.execute(db)
  ).rows.map((row) => withIso(row.view));

/** The edit view without what only editors see. */
export const publicArticle = publicDetailOf<ArticleEditView, ArticleDetail>([
  'body',
  'projectSlug',
  'workflowStatus',
  'publishAt',
  'version',
]);

const reads = editReads<ArticleEditView, ArticleDetail>({
  fields: (now) => sql`${summaryFields(now)}, ${detailFields}, ${editFields}`,
  joins: detailJoins,
  bySlug: (slug) => sql`a.slug = ${slug}`,
  isPublic: articleIsPublic,
  normalise: withIso,
  toPublic: publicArticle,
});

/** The article whatever its workflow status, for editors; null when there is none. */
export const getArticleForEdit = reads.forEdit;
/** The public detail of an article; null unless it is public at `now`. */
export const getArticle = reads.get;
/** What the public will see once the article is public, whatever its status now (preview). */
export const getArticlePreview = reads.preview;

const editSummaries = async (
  db: Kysely<Database>,
  where: RawBuilder<unknown>,
  now: Date,
): Promise<ArticleEditSummary[]> =>
  (
    await sql<{ view: ArticleEditSummary }>`select json_build_object(${summaryFields(now)},
        'workflowStatus', a.workflow_status, 'publishAt', a.publish_at, 'version', a.version) as view
      from ${summaryJoins} where ${where}
      order by a.published_at desc nulls first, a.updated_at desc, a.id`.execute(db)
  ).rows.map((row) => withIso(row.view));

/** Every article of a publisher whatever its status: unpublished first, then newest. */
export const listArticlesForEdit = (
  db: Kysely<Database>,
  organisation: string,
  now: Date = new Date(),
): Promise<ArticleEditSummary[]> => editSummaries(db, sql`o.slug = ${organisation}`, now);

/** The articles in review of the given organisations (the admin dashboard); one statement. */
export const articlesInReview = (
  db: Kysely<Database>,
  organisations: readonly string[] | 'all',
  now: Date = new Date(),
): Promise<ArticleEditSummary[]> =>
  organisations !== 'all' && organisations.length === 0
    ? Promise.resolve([])
    : editSummaries(
        db,
        organisations === 'all'
          ? sql`a.workflow_status = 'in_review'`
          : sql`a.workflow_status = 'in_review' and o.slug in (${sql.join(organisations)})`,
        now,
      );

/** The slug of the article's publisher (the API's access check); null when none. */
export const articleOrganisation = async (
  db: Kysely<Database>,
  slug: string,
): Promise<string | null> =>
  (
    await db
      .selectFrom('article as a')
      .innerJoin('organisation as o', 'o.id', 'a.publisher_organisation_id')
      .select('o.slug')
      .where('a.slug', '=', slug)
      .executeTakeFirst()
  )?.slug ?? null;

/** An article's workflow status (editing a published one needs more); null when none. */
export const articleStatus = async (db: Kysely<Database>, slug: string): Promise<Status | null> =>
  (
    await db
      .selectFrom('article')
      .select('workflow_status')
      .where('slug', '=', slug)
      .executeTakeFirst()
  )?.workflow_status ?? null;

export interface ArticleFilterOption {
  readonly value: string;
  readonly label: string;
}

/** What /aktuelt's filters offer: the publishers, themes and (public) projects of public articles. */
export interface ArticleFilterOptions {
  readonly publishers: readonly ArticleFilterOption[];
  readonly themes: readonly ArticleFilterOption[];
  readonly projects: readonly ArticleFilterOption[];
}

/**
 * The publishers, themes and public projects that public articles have, each in Norwegian order
 * of its name, so no filter offers a choice that finds nothing; one statement.
 */
export const articleFilterOptions = async (
  db: Kysely<Database>,
  now: Date = new Date(),
): Promise<ArticleFilterOptions> => {
  const options = (from: RawBuilder<unknown>) =>
    sql`coalesce((select json_agg(json_build_object('value', x.value, 'label', x.label)
      order by ${nbOrder(sql`x.label`)}, x.value) from (${from}) x), '[]'::json)`;
  const row = (
    await sql<ArticleFilterOptions>`select
      ${options(sql`select distinct o.slug as value, o.name as label from article a
        join organisation o on o.id = a.publisher_organisation_id where ${articleIsPublic(now)}`)} as publishers,
      ${options(sql`select distinct t.slug as value, t.name as label from article a
        join article_theme at on at.article_id = a.id join theme t on t.id = at.theme_id
        where ${articleIsPublic(now)}`)} as themes,
      ${options(sql`select distinct p.slug as value, p.title as label from article a
        join project p on p.id = a.project_id where ${articleIsPublic(now)} and ${projectIsPublic(now)}`)} as projects`.execute(
      db,
    )
  ).rows[0];
  return row ?? { publishers: [], themes: [], projects: [] };
};
