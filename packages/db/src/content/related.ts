import type { ArticleSummary, EventSummary, ResourceSummary } from '@klimakommuner/domain';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { articleConditions, withIso } from '../article/articles.ts';
import {
  summaryFields as articleFields,
  articleIsPublic,
  summaryJoins as articleJoins,
} from '../article/sql.ts';
import { eventConditions } from '../event/events.ts';
import {
  summaryFields as eventFields,
  eventJoins,
  normalise,
  type RawSummary,
} from '../event/sql.ts';
import {
  summaryFields as resourceFields,
  resourceIsPublic,
  resourceJoins,
} from '../resource/sql.ts';
import type { Database } from '../schema.ts';

// What the pages of a network, project, theme and municipality, and the front page, show of the
// other content kinds: the newest resources (with how many there are), the latest articles and
// the next events, in ONE statement (a page's budget is 3: decision 22).

/** The one thing the content is related to; none for the whole site (the front page). */
export interface RelatedFilter {
  /** An organisation's slug: the resources it owns, the articles it publishes, the events it organises. */
  readonly organisation?: string;
  readonly project?: string;
  readonly theme?: string;
  /** A kommunenummer. */
  readonly municipality?: string;
}

export interface RelatedLimits {
  readonly resources: number;
  readonly articles: number;
  readonly events: number;
}

export interface RelatedContent {
  readonly resources: { readonly items: readonly ResourceSummary[]; readonly total: number };
  readonly articles: readonly ArticleSummary[];
  /** Upcoming (not yet ended) events, soonest first. */
  readonly events: readonly EventSummary[];
}

/** The resources `filter` keeps, `r` public at `now` (owner `o`, project `p`). */
const resourceConditions = (filter: RelatedFilter, now: Date): RawBuilder<unknown> => {
  const parts: RawBuilder<unknown>[] = [resourceIsPublic(now)];
  if (filter.organisation !== undefined) parts.push(sql`o.slug = ${filter.organisation}`);
  if (filter.project !== undefined) parts.push(sql`p.slug = ${filter.project}`);
  if (filter.theme !== undefined)
    parts.push(sql`exists (select 1 from resource_theme rt join theme t on t.id = rt.theme_id
      where rt.resource_id = r.id and t.slug = ${filter.theme})`);
  if (filter.municipality !== undefined)
    parts.push(sql`exists (select 1 from resource_municipality rm
      where rm.resource_id = r.id and rm.municipality_number = ${filter.municipality})`);
  return sql.join(parts, sql` and `);
};

export const relatedContent = async (
  db: Kysely<Database>,
  filter: RelatedFilter,
  limits: RelatedLimits,
  now: Date = new Date(),
): Promise<RelatedContent> => {
  const articles = sql.join(
    [
      articleIsPublic(now),
      ...articleConditions({
        ...(filter.organisation !== undefined ? { publisher: filter.organisation } : {}),
        ...(filter.project !== undefined ? { project: filter.project } : {}),
        ...(filter.theme !== undefined ? { theme: filter.theme } : {}),
        ...(filter.municipality !== undefined ? { municipality: filter.municipality } : {}),
      }),
    ],
    sql` and `,
  );
  const events = eventConditions(
    {
      ...(filter.organisation !== undefined ? { organiser: filter.organisation } : {}),
      ...(filter.project !== undefined ? { project: filter.project } : {}),
      ...(filter.theme !== undefined ? { theme: filter.theme } : {}),
      ...(filter.municipality !== undefined ? { municipality: filter.municipality } : {}),
    },
    now,
  );
  const { rows } = await sql<{
    resources: { items: ResourceSummary[] | null; total: number | string };
    articles: ArticleSummary[] | null;
    events: RawSummary[] | null;
  }>`select
      (select json_build_object('total', (select count(*) from ${resourceJoins}
          where ${resourceConditions(filter, now)}),
        'items', (select json_agg(x.view order by x.published_on desc nulls last, x.slug)
          from (select json_build_object(${resourceFields(now)}) as view, r.published_on, r.slug
            from ${resourceJoins} where ${resourceConditions(filter, now)}
            order by r.published_on desc nulls last, r.slug limit ${limits.resources}) x))) as resources,
      (select json_agg(x.view order by x.published_at desc, x.id desc)
        from (select json_build_object(${articleFields(now)}) as view, a.published_at, a.id
          from ${articleJoins} where ${articles}
          order by a.published_at desc, a.id desc limit ${limits.articles}) x) as articles,
      (select json_agg(x.view order by x.starts_at, x.id)
        from (select json_build_object(${eventFields(now)}) as view, e.starts_at, e.id
          from ${eventJoins} where ${events} and e.ends_at > ${now}
          order by e.starts_at, e.id limit ${limits.events}) x) as events`.execute(db);
  const row = rows[0];
  return {
    resources: {
      items: row?.resources.items ?? [],
      total: Number(row?.resources.total ?? 0),
    },
    articles: (row?.articles ?? []).map(withIso),
    events: (row?.events ?? []).map((raw) => normalise(raw)),
  };
};
