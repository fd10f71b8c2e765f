import type { SITE_SEARCH_TYPES } from '@klimakommuner/domain';
import { Result } from 'effect';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { collator } from '../../src/content/order.ts';
import { createResource, searchSite, sitemapEntries, transitionResource } from '../../src/index.ts';
import { onEachEngine } from '../engines.ts';
import { ADMIN } from '../fixtures.ts';
import { draft } from '../resource/support.ts';

const NOW = new Date('2026-11-27T12:00:00Z');

onEachEngine('site search (/sok)', (db) => {
  const hits = async (q: string, type?: (typeof SITE_SEARCH_TYPES)[number]) =>
    (await searchSite(db().db, { q, limit: 50, ...(type ? { type } : {}) }, NOW)).items.map(
      (i) => `${i.type}:${i.slug}`,
    );

  beforeAll(async () => {
    const created = await createResource(
      db().db,
      draft({
        title: 'Sykkelparkering ved rådhuset',
        summary: 'Erfaringer fra Asker med felles anskaffelser.',
      }),
      ADMIN,
    );
    if (Result.isFailure(created)) throw created.failure;
    const published = await transitionResource(
      db().db,
      { slug: created.success.slug, version: 1, transition: 'publish' },
      ADMIN,
    );
    if (Result.isFailure(published)) throw published.failure;
  });

  it('finds a municipality by its name first, with its county in the summary', async () => {
    const result = await searchSite(db().db, { q: 'Asker' }, NOW);
    expect(result.items[0]).toMatchObject({ type: 'municipality', slug: 'asker', title: 'Asker' });
    expect(result.items[0]?.summary).toContain('3203');
    // The resource that mentions Asker comes too, below the municipality.
    expect(result.items.map((i) => i.type)).toContain('resource');
  });

  it('lists items of the same rank and date in Norwegian order, æ, ø and å after z', async () => {
    const { items, total } = await searchSite(
      db().db,
      { q: 'Trøndelag', type: 'municipality', limit: 50 },
      NOW,
    );
    // Every municipality's summary names its county once: one rank, and no date.
    expect(items).toHaveLength(total);
    expect(new Set(items.map((i) => i.rank)).size).toBe(1);
    const titles = items.map((i) => i.title);
    expect(titles).toEqual([...titles].sort(collator.compare));
    expect(titles.indexOf('Namsos')).toBeLessThan(titles.indexOf('Nærøysund'));
    expect(titles.at(-1)).toBe('Åfjord');
  });

  it('does not mix «Ås» and «as», and finds an old kommunenummer', async () => {
    expect(await hits('Ås')).toContain('municipality:as');
    expect(await hits('Ås')).not.toContain('municipality:asker');
    expect(await hits('Asker')).not.toContain('municipality:as');
    expect(await hits('3021')).toEqual(['municipality:as']);
  });

  it('finds networks and projects by Norwegian word forms, with their owner', async () => {
    expect(await hits('klimaomstillingen')).toContain(
      'organisation:kommunenettverk-for-klimaomstilling',
    );
    const result = await searchSite(db().db, { q: 'måltidstjenestene' }, NOW);
    expect(result.items[0]).toMatchObject({
      type: 'project',
      slug: 'klimavennlige-maltidstjenester-i-offentlig-sektor',
    });
    expect(result.items[0]?.organisation?.slug).toBeTruthy();
    expect(result.items[0]?.snippet.length).toBeGreaterThan(0);
  });

  it('matches the word being typed as a prefix', async () => {
    expect(await hits('sykkelpark')).toContain('resource:sykkelparkering-ved-radhuset');
    // And marks it in the snippet, though its stem («anskaff») is shorter than what is typed.
    const { items } = await searchSite(db().db, { q: 'anskaffel', limit: 50 }, NOW);
    const resource = items.find((i) => i.slug === 'sykkelparkering-ved-radhuset');
    expect(resource?.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(['anskaffelser']);
  });

  it('counts every kind in the facet and keeps them offered under a kind filter', async () => {
    const all = await searchSite(db().db, { q: 'kommune' }, NOW);
    expect(all.types.reduce((n, t) => n + t.count, 0)).toBe(all.total);
    expect(all.types.map((t) => t.value)).toContain('municipality');
    const projects = await searchSite(db().db, { q: 'kommune', type: 'project' }, NOW);
    expect(projects.items.every((i) => i.type === 'project')).toBe(true);
    expect(projects.total).toBe(all.types.find((t) => t.value === 'project')?.count);
    expect(projects.types).toEqual(all.types);
  });

  it('finds nothing for no words', async () => {
    expect(await searchSite(db().db, { q: '  ' }, NOW)).toMatchObject({ items: [], total: 0 });
  });

  it('follows every write, also one that is not the API: a project taken back to draft is not found', async () => {
    const slug = 'project:gronn-mobilitet';
    expect(await hits('Grønn mobilitet')).toContain(slug);
    await sql`update project set workflow_status = 'draft' where slug = 'gronn-mobilitet'`.execute(
      db().db,
    );
    expect(await hits('Grønn mobilitet')).not.toContain(slug);
    await sql`update project set workflow_status = 'published' where slug = 'gronn-mobilitet'`.execute(
      db().db,
    );
    expect(await hits('Grønn mobilitet')).toContain(slug);
  });

  it('finds an organisation by name always, by its profile text only once that is published', async () => {
    await sql`update organisation set description_html = '<p>Vi samarbeider om «fjernvarmeplaner» &amp; mer.</p>',
      status = 'published', publish_at = null where slug = 'ken'`.execute(db().db);
    expect(await hits('fjernvarmeplaner')).toEqual(['organisation:ken']);
    await sql`update organisation set publish_at = '2099-01-01T00:00:00Z' where slug = 'ken'`.execute(
      db().db,
    );
    expect(await hits('fjernvarmeplaner')).toEqual([]);
    expect(await hits('KEN', 'organisation')).toContain('organisation:ken');
    await sql`update organisation set status = 'draft', publish_at = null where slug = 'ken'`.execute(
      db().db,
    );
    expect(await hits('fjernvarmeplaner')).toEqual([]);
  });

  it('follows a renamed theme into its projects', async () => {
    await sql`update theme set slug = 'sirkularitet-ny' where slug = 'sirkularitet'`.execute(
      db().db,
    );
    const { rows } = await sql<{ themes: string[] }>`select themes from search_document
      where type = 'project' and slug = 'ombruk-i-egen-kommuneorganisasjon'`.execute(db().db);
    expect(rows[0]?.themes).toContain('sirkularitet-ny');
    await sql`update theme set slug = 'sirkularitet' where slug = 'sirkularitet-ny'`.execute(
      db().db,
    );
  });

  it('lists for the sitemap every item with a public page, and no draft', async () => {
    const listed = async () =>
      (await sitemapEntries(db().db, NOW)).map((e) => `${e.type}:${e.slug}`);
    const entries = await listed();
    expect(entries.filter((e) => e.startsWith('municipality:'))).toHaveLength(357);
    expect(entries).toContain('organisation:ken');
    expect(entries).toContain('project:gronn-mobilitet');
    expect(entries).toContain('resource:sykkelparkering-ved-radhuset');
    await sql`update project set workflow_status = 'draft' where slug = 'gronn-mobilitet'`.execute(
      db().db,
    );
    expect(await listed()).not.toContain('project:gronn-mobilitet');
    await sql`update project set workflow_status = 'published' where slug = 'gronn-mobilitet'`.execute(
      db().db,
    );
  });
});
