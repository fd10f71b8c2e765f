import { type Kysely, sql } from 'kysely';

// One search over everything (issue 12, `/sok`): municipalities, organisations (the networks and
// the county authority) and projects get search_document rows beside resources (and, from their
// own migrations, articles and events). The rows are kept by triggers on the tables they come
// from, so that every path that writes (the API, the seed, a migration, psql) keeps search true:
// a draft, an unpublished profile or a withdrawn project is never found.
// docs/decisions/0034-site-search-documents-kept-by-triggers.md

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema
export async function up(db: Kysely<any>): Promise<void> {
  // The text of sanitised HTML (the renderer's output: tags and a handful of entities).
  await sql`
    create function kk_html_text(html text) returns text language sql immutable as $$
      select replace(replace(replace(replace(replace(replace(
        regexp_replace(coalesce(html, ''), '<[^>]*>', ' ', 'g'),
        '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&nbsp;', ' '), '&amp;', '&')
    $$`.execute(db);

  // A municipality is keyed by its number; search_document wants a uuid: one derived from it.
  await sql`
    create function kk_refresh_municipality_document(n text) returns void language plpgsql as $$
    begin
      delete from search_document where type = 'municipality' and id = md5('municipality:' || n)::uuid;
      insert into search_document (type, id, slug, title, summary, organisation, municipalities)
      select 'municipality', md5('municipality:' || m.number)::uuid, m.slug, m.name,
        'Kommune i ' || c.name || ', kommunenummer ' || m.number ||
          coalesce(' (før 2024: ' || m.previous_number || ')', '') || '.',
        '', array[m.number::text]
      from municipality m join county c on c.number = m.county_number
      where m.number = n;
    end $$`.execute(db);

  // An organisation is always public (its page is); the text of its profile only once that is
  // published (decision 0004). A profile scheduled for later brings its text at its next write.
  await sql`
    create function kk_refresh_organisation_document(oid uuid) returns void language plpgsql as $$
    begin
      delete from search_document where type = 'organisation' and id = oid;
      insert into search_document (type, id, slug, title, summary, body_text, kind, organisation)
      select 'organisation', o.id, o.slug, o.name,
        case o.kind when 'network' then 'Nettverk' else 'Fylkeskommune' end ||
          coalesce(' (' || o.short_name || ')', ''),
        case when o.status = 'published' and (o.publish_at is null or o.publish_at <= now())
          then kk_html_text(o.description_html) else '' end,
        o.kind, o.slug
      from organisation o
      where o.id = oid;
    end $$`.execute(db);

  // A project is found while it is published; its themes come along for the filter.
  await sql`
    create function kk_refresh_project_document(pid uuid) returns void language plpgsql as $$
    begin
      delete from search_document where type = 'project' and id = pid;
      insert into search_document (type, id, slug, title, summary, body_text, themes, organisation,
        published_on, visible_from)
      select 'project', p.id, p.slug, p.title, p.summary, kk_html_text(p.body_html),
        array(select t.slug from project_theme pt join theme t on t.id = pt.theme_id
          where pt.project_id = p.id order by t.slug),
        o.slug, coalesce(p.publish_at, p.created_at)::date, p.publish_at
      from project p join organisation o on o.id = p.owner_organisation_id
      where p.id = pid and p.workflow_status = 'published';
    end $$`.execute(db);

  await sql`
    create function kk_site_document_changed() returns trigger language plpgsql as $$
    begin
      if TG_TABLE_NAME = 'municipality' then
        if TG_OP = 'DELETE' then perform kk_refresh_municipality_document(OLD.number);
        else perform kk_refresh_municipality_document(NEW.number); end if;
      elsif TG_TABLE_NAME = 'county' then
        perform kk_refresh_municipality_document(m.number) from municipality m
          where m.county_number = NEW.number;
      elsif TG_TABLE_NAME = 'organisation' then
        if TG_OP = 'DELETE' then perform kk_refresh_organisation_document(OLD.id);
        else
          perform kk_refresh_organisation_document(NEW.id);
          -- The owner's slug is in its projects' rows.
          if TG_OP = 'UPDATE' and NEW.slug is distinct from OLD.slug then
            perform kk_refresh_project_document(p.id) from project p
              where p.owner_organisation_id = NEW.id;
          end if;
        end if;
      elsif TG_TABLE_NAME = 'project' then
        if TG_OP = 'DELETE' then perform kk_refresh_project_document(OLD.id);
        else perform kk_refresh_project_document(NEW.id); end if;
      elsif TG_TABLE_NAME = 'project_theme' then
        if TG_OP = 'DELETE' then perform kk_refresh_project_document(OLD.project_id);
        else perform kk_refresh_project_document(NEW.project_id); end if;
      elsif TG_TABLE_NAME = 'theme' then
        perform kk_refresh_project_document(pt.project_id) from project_theme pt
          where pt.theme_id = NEW.id;
      end if;
      return null;
    end $$`.execute(db);

  for (const table of ['municipality', 'organisation', 'project', 'project_theme']) {
    await sql`create trigger site_document_changed after insert or update or delete
      on ${sql.table(table)} for each row execute function kk_site_document_changed()`.execute(db);
  }
  // A county's name is in its municipalities' rows, a theme's slug in its projects' rows.
  for (const table of ['county', 'theme']) {
    await sql`create trigger site_document_changed after update
      on ${sql.table(table)} for each row execute function kk_site_document_changed()`.execute(db);
  }

  // A filter that is rare where the words are common (a kind, an owner, a project) is answered by
  // combining these with the GIN index (a BitmapAnd) instead of testing every matching document.
  for (const column of ['organisation', 'kind', 'project']) {
    await sql`create index ${sql.raw(`search_document_${column}_idx`)}
      on search_document (${sql.ref(column)})`.execute(db);
  }

  await sql`select kk_refresh_municipality_document(number) from municipality`.execute(db);
  await sql`select kk_refresh_organisation_document(id) from organisation`.execute(db);
  await sql`select kk_refresh_project_document(id) from project`.execute(db);
}
