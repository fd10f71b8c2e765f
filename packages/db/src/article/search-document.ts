import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * Makes the article's search_document row (type 'article') match the article: written while it
 * is published (with `visible_from` holding a scheduled one back), gone otherwise. The lead is
 * the summary; the publication day (in Norway) is `published_on`. Runs in the transaction of
 * every write that can change what search shows; two statements.
 */
export const refreshArticleDocument = async (
  db: Kysely<Database>,
  articleId: string,
): Promise<void> => {
  await db
    .deleteFrom('search_document')
    .where('type', '=', 'article')
    .where('id', '=', articleId)
    .execute();
  await sql`insert into search_document (type, id, slug, title, summary, body_text, kind,
      themes, project, organisation, municipalities, published_on, visible_from)
    select 'article', a.id, a.slug, a.title, a.lead, a.body_text, null,
      array(select t.slug from article_theme at join theme t on t.id = at.theme_id
        where at.article_id = a.id order by t.slug),
      p.slug, o.slug,
      array(select am.municipality_number::text from article_municipality am
        where am.article_id = a.id order by 1),
      (a.published_at at time zone 'Europe/Oslo')::date, a.publish_at
    from article a join organisation o on o.id = a.publisher_organisation_id
      left join project p on p.id = a.project_id
    where a.id = ${articleId} and a.workflow_status = 'published'`.execute(db);
};
