import { MAX_SEARCH_DEPTH, type SearchQuery } from '@klimakommuner/domain';
import { Result } from 'effect';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createResource,
  InvalidCursorError,
  type NewResource,
  search,
  seedSyntheticResources,
  transitionResource,
} from '../../src/index.ts';
import { onEachEngine, plainPostgres } from '../engines.ts';
import { ADMIN } from '../fixtures.ts';
import { draft, KEN, KKO, uploaded } from './support.ts';

const NOW = new Date('2026-11-27T12:00:00Z');

onEachEngine('search', (db, fresh) => {
  const add = async (overrides: Partial<NewResource>, publish = true) => {
    const created = await createResource(db().db, draft(overrides), ADMIN);
    if (Result.isFailure(created)) throw created.failure;
    if (!publish) return created.success.slug;
    const published = await transitionResource(
      db().db,
      { slug: created.success.slug, version: 1, transition: 'publish' },
      ADMIN,
    );
    if (Result.isFailure(published)) throw published.failure;
    return created.success.slug;
  };
  const slugsFor = async (q: string) =>
    (await search(db().db, { q, limit: 50 }, NOW)).items.map((i) => i.slug).sort();

  beforeAll(async () => {
    const pdf = await uploaded(db(), KEN, {
      text: 'Vedlegget forklarer varmepumper og fjernvarme i kommunale bygg.',
    });
    const neutral = { summary: 'En ressurs.', body: 'Tekst.', municipalities: [] };
    await add({ ...neutral, title: 'Erfaringer fra én kommune', kind: 'case' });
    await add({
      ...neutral,
      title: 'Grønne anskaffelser i praksis',
      summary: 'Krav og kriterier i anskaffelser.',
      themes: ['anskaffelser'],
    });
    await add({ ...neutral, title: 'Klimatiltak i Ås', municipalities: ['3218'], kind: 'report' });
    await add({ ...neutral, title: 'Avtalen med Klimapartner AS', kind: 'template' });
    await add({
      ...neutral,
      title: 'Energi i bygg',
      attachments: [{ file: pdf, title: 'Energirapport', altText: null }],
      links: [],
      themes: ['utslippskutt', 'sirkularitet'],
    });
    await add({
      ...neutral,
      title: 'Ombruk av møbler',
      summary: 'Fjernvarme nevnes bare her i sammendraget.',
      owner: KKO,
      project: 'ombruk-i-egen-kommuneorganisasjon',
      themes: ['sirkularitet'],
      municipalities: ['3207', '3218'],
      kind: 'tool',
    });
    await add({ ...neutral, title: 'Hemmelig utkast om anskaffelser' }, false);
  });

  describe('Norwegian words', () => {
    it('finds «kommune» with «kommunene» and «anskaffelser» with «anskaffelse»', async () => {
      expect(await slugsFor('kommunene ')).toEqual(['erfaringer-fra-en-kommune']);
      expect(await slugsFor('anskaffelse ')).toEqual(['gronne-anskaffelser-i-praksis']);
    });

    it('matches the word being typed as a prefix, stemmed or as typed', async () => {
      expect(await slugsFor('anskaffel')).toEqual(['gronne-anskaffelser-i-praksis']);
      expect(await slugsFor('grønne anskaf')).toEqual(['gronne-anskaffelser-i-praksis']);
      expect(await slugsFor('varmepum')).toEqual(['energi-i-bygg']);
    });

    it('marks in the snippet the word being typed, also where its stem is shorter', async () => {
      const marked = async (q: string) =>
        (await search(db().db, { q }, NOW)).items.map((i) =>
          i.snippet.filter((p) => p.match).map((p) => p.text),
        );
      // «anskaffelser» is stemmed «anskaff», which does not start with «anskaffel».
      expect(await marked('anskaffel')).toEqual([['anskaffelser']]);
      expect(await marked('kriterier anskaffel')).toEqual([['kriterier', 'anskaffelser']]);
      // A finished word is marked by its stem, as before.
      expect(await marked('anskaffelse ')).toEqual([['anskaffelser']]);
      expect(await marked('varmepum')).toEqual([['varmepumper']]);
    });

    // PostgreSQL only: PGlite keeps notices to itself. A notice for each empty tsquery went to the
    // client three times a search while a first word was typed.
    it.runIf(fresh.engine === 'postgres')(
      'sends no notice while the first word is typed',
      async () => {
        const notices: string[] = [];
        const direct = plainPostgres(fresh.url(), (message) => notices.push(message));
        try {
          const found = await search(direct, { q: 'anskaffel' }, NOW);
          expect(found.items.map((i) => i.slug)).toEqual(['gronne-anskaffelser-i-praksis']);
          await search(direct, { q: 'grønne anskaf', kind: 'guide' }, NOW);
          expect(notices).toEqual([]);
        } finally {
          await direct.destroy();
        }
      },
    );

    it('keeps «Ås» and «as» apart', async () => {
      expect(await slugsFor('Ås')).toEqual(['klimatiltak-i-as']);
      expect(await slugsFor('ås ')).toEqual(['klimatiltak-i-as']);
      expect(await slugsFor('AS')).toEqual(['avtalen-med-klimapartner-as']);
      expect(await slugsFor('as ')).toEqual(['avtalen-med-klimapartner-as']);
    });

    it('never finds a draft', async () => {
      expect(await slugsFor('hemmelig')).toEqual([]);
      expect(await slugsFor('utkast')).toEqual([]);
      const all = await search(db().db, { limit: 50 }, NOW);
      expect(all.items.map((i) => i.slug)).not.toContain('hemmelig-utkast-om-anskaffelser');
      expect(all.total).toBe(6);
    });
  });

  it('ranks a title above a summary above file text, with snippets as plain parts', async () => {
    const result = await search(db().db, { q: 'fjernvarme ' }, NOW);
    expect(result.items.map((i) => i.slug)).toEqual(['ombruk-av-mobler', 'energi-i-bygg']);
    const [first, second] = result.items;
    expect(first?.rank).toBeGreaterThan(second?.rank ?? 1);
    expect(first?.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase())).toContain(
      'fjernvarme',
    );
    expect(second?.snippet.map((p) => p.text).join('')).toContain('varmepumper og fjernvarme');
    expect(second?.fileKinds).toEqual(['PDF']);
    const withProject = result.items[0];
    expect(withProject?.project).toMatchObject({ slug: 'ombruk-i-egen-kommuneorganisasjon' });
    expect(withProject?.owner.slug).toBe(KKO);
  });

  it('counts facets over the whole result, and each count is the total its filter gives', async () => {
    for (const q of [undefined, 'klima', 'ombruk energi or anskaffelser']) {
      const result = await search(db().db, { q, limit: 1 }, NOW);
      const sum = (values: readonly { count: number }[]) => values.reduce((a, v) => a + v.count, 0);
      for (const single of ['kind', 'organisation', 'project'] as const)
        expect(sum(result.facets[single])).toBe(result.total);
      const filters = [
        ...result.facets.kind.map((v) => ({ kind: v.value as 'guide', count: v.count })),
        ...result.facets.theme.map((v) => ({ theme: v.value, count: v.count })),
        ...result.facets.organisation.map((v) => ({ organisation: v.value, count: v.count })),
        ...result.facets.municipality.map((v) => ({ municipality: v.value, count: v.count })),
        ...result.facets.project
          .filter((v) => v.value !== '')
          .map((v) => ({ project: v.value, count: v.count })),
      ];
      expect(filters.length).toBeGreaterThan(0);
      for (const { count, ...filter } of filters)
        expect((await search(db().db, { q, ...filter, limit: 1 }, NOW)).total).toBe(count);
    }
    const all = await search(db().db, {}, NOW);
    expect(all.facets.kind.find((v) => v.value === 'case')?.label).toBe('Eksempel fra en kommune');
    expect(all.facets.municipality.find((v) => v.value === '3218')).toEqual({
      value: '3218',
      label: 'Ås',
      count: 2,
    });
    expect(all.facets.project.find((v) => v.value === '')?.label).toBe('Uten prosjekt');
  });

  it('combines filters: an item must hold every one of them', async () => {
    const titles = async (query: SearchQuery) =>
      (await search(db().db, { ...query, limit: 50 }, NOW)).items.map((i) => i.title).sort();
    const theme = await titles({ theme: 'sirkularitet' });
    const municipality = await titles({ municipality: '3218' });
    expect(theme).toEqual(['Energi i bygg', 'Ombruk av møbler']);
    expect(municipality).toEqual(['Klimatiltak i Ås', 'Ombruk av møbler']);
    expect(await titles({ theme: 'sirkularitet', municipality: '3218' })).toEqual([
      'Ombruk av møbler',
    ]);
    // With words, and the kind, the owner and the project.
    expect(await titles({ q: 'fjernvarme' })).toEqual(['Energi i bygg', 'Ombruk av møbler']);
    const ombruk = { project: 'ombruk-i-egen-kommuneorganisasjon', organisation: KKO };
    expect(await titles({ q: 'fjernvarme', ...ombruk, kind: 'tool' })).toEqual([
      'Ombruk av møbler',
    ]);
    expect(await titles({ q: 'fjernvarme', ...ombruk, kind: 'guide' })).toEqual([]);
    expect(await titles({ q: 'fjernvarme', organisation: KEN })).toEqual(['Energi i bygg']);
  });

  it('pages through every result once, newest first (then by slug) without a query', async () => {
    const seen: { slug: string; publishedOn: string | null }[] = [];
    let cursor: string | undefined;
    do {
      const page = await search(db().db, { limit: 2, cursor }, NOW);
      expect(page.total).toBe(6);
      expect(page.more).toBe(false);
      seen.push(...page.items.map(({ slug, publishedOn }) => ({ slug, publishedOn })));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const newestFirst = [...seen].sort(
      (a, b) =>
        (b.publishedOn ?? '').localeCompare(a.publishedOn ?? '') || a.slug.localeCompare(b.slug),
    );
    expect(seen).toEqual(newestFirst);
    expect(new Set(seen.map((s) => s.slug)).size).toBe(6);
    await expect(search(db().db, { cursor: 'nonsense' }, NOW)).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
  });

  it('looks at the newest 1000 matches, says there are more, and pages no deeper', async () => {
    await seedSyntheticResources(db().db, 1001);
    const all = await search(db().db, { limit: 50 }, NOW);
    expect(all.total).toBe(MAX_SEARCH_DEPTH);
    expect(all.more).toBe(true);
    const sum = all.facets.kind.reduce((a, v) => a + v.count, 0);
    expect(sum).toBe(MAX_SEARCH_DEPTH);
    // A word only the earlier items have is still found among all of them, exactly.
    const few = await search(db().db, { q: 'avtalen ' }, NOW);
    expect(few).toMatchObject({ total: 1, more: false });
    let cursor: string | null = all.nextCursor;
    let pages = 1;
    while (cursor !== null) {
      cursor = (await search(db().db, { limit: 50, cursor }, NOW)).nextCursor;
      pages++;
    }
    expect(pages).toBe(MAX_SEARCH_DEPTH / 50);
  });

  it('answers any text typed without failing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.constantFrom('"', "'", '!', '&|', ':*', '-', 'or', '"ås', '\\', 'ø:*a', '()'),
        ),
        async (q) => {
          const result = await search(db().db, { q: q.replaceAll('\u0000', '') }, NOW);
          expect(result.total).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 40 },
    );
  });
});
