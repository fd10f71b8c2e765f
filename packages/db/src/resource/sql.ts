import { type RawBuilder, sql } from 'kysely';

// SQL pieces the resource reads share: every read builds its view in the statement that finds
// the rows (json subqueries per row, never a query per row), in Norwegian order.

/**
 * A text in Norwegian order under `collate "C"`: lower case, æ (ä), ø (ö), å mapped past z and
 * other accented letters to their base letter (no collation sorts alike on PostgreSQL and
 * PGlite). search_document.sort_key is the same expression (migration 2026_11_30_resources).
 */
export const nbOrder = (expression: RawBuilder<unknown>) =>
  sql`translate(lower(${expression}), 'æäøöåàáâãèéêëìíîïòóôõùúûüýçñ', '{{||}aaaaeeeeiiiioooouuuyycn') collate "C"`;

/** Whether the project joined as `p` is public at `now` (the domain's isPublic, in SQL). */
export const projectIsPublic = (now: Date | RawBuilder<unknown>) =>
  sql`(p.workflow_status = 'published' and (p.publish_at is null or p.publish_at <= ${now}))`;

/** Whether the resource joined as `r` is public at `now`. */
export const resourceIsPublic = (now: Date) =>
  sql`(r.workflow_status = 'published' and (r.publish_at is null or r.publish_at <= ${now}))`;

/** The ThemeRefs of the resource `r`, in Norwegian order of their names. */
export const themesJson = sql`coalesce((select json_agg(json_build_object('slug', t.slug, 'name', t.name)
    order by ${nbOrder(sql`t.name`)}, t.slug)
  from resource_theme rt join theme t on t.id = rt.theme_id where rt.resource_id = r.id), '[]'::json)`;

/** The OrganisationRef of the owner joined as `o`. */
export const ownerJson = sql`json_build_object('slug', o.slug, 'name', o.name, 'shortName', o.short_name, 'kind', o.kind)`;

/** The distinct labels of the file types of `r`'s attachments. */
export const fileKindsJson = sql`coalesce((select json_agg(distinct f.kind_label order by f.kind_label)
  from resource_attachment a join stored_file f on f.id = a.file_id where a.resource_id = r.id), '[]'::json)`;

/** The fields of a ResourceSummary of `r` (owner `o`, project `p` left joined) at `now`. */
export const summaryFields = (
  now: Date | RawBuilder<unknown>,
) => sql`'slug', r.slug, 'title', r.title, 'summary', r.summary,
  'kind', r.kind, 'themes', ${themesJson}, 'owner', ${ownerJson},
  'project', case when p.id is not null and ${projectIsPublic(now)}
    then json_build_object('slug', p.slug, 'title', p.title) end,
  'fileKinds', ${fileKindsJson}, 'publishedOn', r.published_on, 'lastReviewedOn', r.last_reviewed_on, 'demo', r.demo`;

/** The further fields of a ResourceDetail of `r`. */
export const detailFields = sql`'bodyHtml', r.body_html,
  'municipalities', coalesce((select json_agg(json_build_object('number', m.number, 'name', m.name,
      'slug', m.slug, 'county', json_build_object('number', c.number, 'name', c.name))
      order by ${nbOrder(sql`m.name`)}, m.number)
    from resource_municipality rm join municipality m on m.number = rm.municipality_number
    join county c on c.number = m.county_number where rm.resource_id = r.id), '[]'::json),
  'audience', to_json(r.audience), 'language', r.language,
  'attachments', coalesce((select json_agg(json_build_object('file', f.id, 'title', a.title,
      'altText', a.alt_text, 'kind', f.kind, 'kindLabel', f.kind_label, 'mediaType', f.media_type,
      'size', f.size, 'url', '/files/' || f.id, 'image', case when f.width is null then null
        else json_build_object('width', f.width, 'height', f.height, 'widths', to_json(f.widths)) end)
      order by a.position)
    from resource_attachment a join stored_file f on f.id = a.file_id where a.resource_id = r.id), '[]'::json),
  'links', coalesce((select json_agg(json_build_object('title', l.title, 'url', l.url) order by l.position)
    from resource_link l where l.resource_id = r.id), '[]'::json)`;

/** What only editors see of `r`. */
export const editFields = sql`'body', r.body, 'projectSlug', p.slug, 'workflowStatus', r.workflow_status,
  'publishAt', r.publish_at, 'version', r.version`;

/** The joins every resource read makes: owner `o`, project `p`. */
export const resourceJoins = sql`resource r join organisation o on o.id = r.owner_organisation_id
  left join project p on p.id = r.project_id`;
