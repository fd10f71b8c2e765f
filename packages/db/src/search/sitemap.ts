import type { SiteSearchType } from '@klimakommuner/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

export interface SitemapEntry {
  readonly type: SiteSearchType;
  readonly slug: string;
}

/**
 * Every item with a public page at `now`, by kind: search_document holds exactly the published
 * and visible items of every searchable kind (a draft, a scheduled or a withdrawn one is not
 * there), so the sitemap lists what search finds. One statement, however many there are.
 */
export const sitemapEntries = async (
  db: Kysely<Database>,
  now: Date,
): Promise<readonly SitemapEntry[]> => {
  const { rows } = await sql<SitemapEntry>`select d.type, d.slug from search_document d
    where d.visible_from is null or d.visible_from <= ${now}
    order by d.type, d.slug collate "C"`.execute(db);
  return rows;
};
