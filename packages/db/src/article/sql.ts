import { sql } from 'kysely';
import { nbOrder, ownerJson, projectIsPublic } from '../resource/sql.ts';

// SQL pieces the article reads share: every read builds its view in the statement that finds
// the rows (json subqueries per row, never a query per row). The article is `a`.

/** Whether the article joined as `a` is public at `now` (the domain's isPublic, in SQL). */
export const articleIsPublic = (now: Date) =>
  sql`(a.workflow_status = 'published' and (a.publish_at is null or a.publish_at <= ${now}))`;

/** The ThemeRefs of the article `a`, in Norwegian order of their names. */
const themesJson = sql`coalesce((select json_agg(json_build_object('slug', t.slug, 'name', t.name)
    order by ${nbOrder(sql`t.name`)}, t.slug)
  from article_theme at join theme t on t.id = at.theme_id where at.article_id = a.id), '[]'::json)`;

/** The image of `a` (its file joined as `f`), or null. */
const imageJson = sql`case when f.id is null then null else json_build_object('file', f.id,
    'url', '/files/' || f.id, 'altText', coalesce(a.image_alt, ''), 'credit', a.image_credit,
    'width', f.width, 'height', f.height, 'widths', to_json(f.widths)) end`;

/** The fields of an ArticleSummary of `a` (publisher `o`, project `p`, image `f`) at `now`. */
export const summaryFields = (now: Date) => sql`'id', a.id, 'slug', a.slug, 'title', a.title,
  'lead', a.lead, 'image', ${imageJson}, 'publisher', ${ownerJson},
  'project', case when p.id is not null and ${projectIsPublic(now)}
    then json_build_object('slug', p.slug, 'title', p.title) end,
  'themes', ${themesJson}, 'publishedAt', a.published_at, 'demo', a.demo`;

/** The further fields of an ArticleDetail of `a` (author's person `pe`). */
export const detailFields = sql`'bodyHtml', a.body_html,
  'municipalities', coalesce((select json_agg(json_build_object('number', m.number, 'name', m.name,
      'slug', m.slug, 'county', json_build_object('number', c.number, 'name', c.name))
      order by ${nbOrder(sql`m.name`)}, m.number)
    from article_municipality am join municipality m on m.number = am.municipality_number
    join county c on c.number = m.county_number where am.article_id = a.id), '[]'::json),
  'author', case when a.author_name is null and pe.id is null then null
    else json_build_object('name', coalesce(nullif(a.author_name, ''), pe.name),
      'person', case when pe.id is null then null
        else json_build_object('id', pe.id, 'name', pe.name, 'title', pe.title) end) end,
  'updatedAt', a.updated_at`;

/** What only editors see of `a`. */
export const editFields = sql`'body', a.body, 'projectSlug', p.slug, 'workflowStatus', a.workflow_status,
  'publishAt', a.publish_at, 'version', a.version`;

/** The joins the summaries make: publisher `o`, project `p`, image file `f`. */
export const summaryJoins = sql`article a join organisation o on o.id = a.publisher_organisation_id
  left join project p on p.id = a.project_id left join stored_file f on f.id = a.image_file_id`;

/** The joins the details make: the summaries' and the author's person `pe`. */
export const detailJoins = sql`${summaryJoins} left join person pe on pe.id = a.author_person_id`;
