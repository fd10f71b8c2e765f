import {
  LISTED_ORGANISATIONS,
  type MunicipalityDetail,
  type MunicipalityListItem,
  type MunicipalityOrganisation,
} from '@klimakommuner/domain';
import { beforeAll, expect, it } from 'vitest';
import {
  countStatements,
  type DbHandle,
  findRenumberedMunicipality,
  getMunicipality,
  getOrganisation,
  getRegion,
  InvalidCursorError,
  listCounties,
  listMunicipalities,
  listOrganisations,
  listRegions,
} from '../../src/index.ts';
import { onEachEngine, TODAY } from '../engines.ts';
import { countingQueries } from '../fixtures.ts';

const KKO = 'kommunenettverk-for-klimaomstilling';
const nb = new Intl.Collator('nb');

/** Tests against a migrated, seeded database; they leave it as they found it. */
const querySuite = (db: () => DbHandle): void => {
  let handle: DbHandle;
  beforeAll(() => {
    handle = db();
  });

  it('lists organisations with today’s member counts', async () => {
    const list = await listOrganisations(handle.db, TODAY);
    expect(list.map((o) => [o.slug, o.memberCount])).toEqual([
      ['akershus-fylkeskommune', 0],
      ['ken', 6],
      [KKO, 24],
    ]);
    expect(list[0]?.county).toEqual({ number: '32', name: 'Akershus' });
    expect(list[1]).toMatchObject({
      shortName: 'KEN',
      kind: 'network',
      established: 2008,
      county: null,
    });
  });

  it('gets an organisation with direct and through-region members', async () => {
    const kko = await getOrganisation(handle.db, KKO, TODAY);
    expect(kko?.memberCount).toBe(24);
    expect(kko?.members).toHaveLength(24);
    const viaHallingdal = kko?.members.filter((m) => m.via?.slug === 'hallingdal') ?? [];
    expect(viaHallingdal.map((m) => m.municipality.number).sort()).toEqual([
      '3320',
      '3322',
      '3324',
      '3326',
      '3328',
      '3330',
    ]);
    expect(kko?.members.filter((m) => m.via === null)).toHaveLength(18);
    // The reference facts give no join days: the rules count from the founding year, and the
    // view says the start is unknown rather than «1. januar 2016».
    expect(kko?.members[0]).toMatchObject({
      from: '2016-01-01',
      fromPrecision: 'unknown',
      to: null,
    });
    expect(kko?.regions[0]?.fromPrecision).toBe('unknown');
    const names = kko?.members.map((m) => m.municipality.name) ?? [];
    expect(names).toEqual([...names].sort(nb.compare));
    expect(kko?.regions.map((r) => [r.region.slug, r.municipalities.length])).toEqual([
      ['hallingdal', 6],
    ]);
    // Seeded profiles are drafts: nothing of them is public.
    expect(kko?.profile).toBeNull();
    expect((await getOrganisation(handle.db, 'ken', TODAY))?.members).toHaveLength(6);
    expect(await getOrganisation(handle.db, 'finnes-ikke', TODAY)).toBeNull();
  });

  it('counts no members before the organisations were founded', async () => {
    const list = await listOrganisations(handle.db, '2007-12-31');
    expect(list.every((o) => o.memberCount === 0)).toBe(true);
  });

  it('lists counties with member municipality counts', async () => {
    const counties = await listCounties(handle.db, TODAY);
    expect(counties).toHaveLength(15);
    expect(counties.reduce((sum, c) => sum + c.municipalityCount, 0)).toBe(357);
    expect(counties.reduce((sum, c) => sum + c.memberMunicipalityCount, 0)).toBe(30);
    expect(counties.find((c) => c.number === '32')).toMatchObject({
      name: 'Akershus',
      municipalityCount: 21,
    });
    expect(typeof counties[0]?.municipalityCount).toBe('number');
  });

  it('filters municipalities by organisation, county, text and membership', async () => {
    const list = (filter: Omit<Parameters<typeof listMunicipalities>[1], 'limit'>) =>
      listMunicipalities(handle.db, { limit: 500, ...filter }, TODAY).then((p) => p.items);
    expect(await list({ organisation: KKO })).toHaveLength(24);
    expect(await list({ organisation: 'ken' })).toHaveLength(6);
    expect(await list({ organisation: 'finnes-ikke' })).toEqual([]);
    expect(await list({ county: '32' })).toHaveLength(21);
    expect(await list({ county: '99' })).toEqual([]);
    expect(await list({ county: 'not a county' })).toEqual([]);
    expect(await list({ membersOnly: true })).toHaveLength(30);
    expect(await list({ membersOnly: true, county: '34' })).toHaveLength(1);
    expect((await list({ q: 'BÆR' })).map((m) => m.slug)).toEqual(['baerum']);
    expect((await list({ q: 'baerum' })).map((m) => m.slug)).toEqual(['baerum']);
    expect((await list({ q: '3201' })).map((m) => m.name)).toEqual(['Bærum']);
    expect((await list({ q: 'våler' })).map((m) => m.slug)).toEqual([
      'valer-ostfold',
      'valer-innlandet',
    ]);
    const al = (await list({ q: 'Ål' })).find((m) => m.slug === 'al');
    expect(al?.organisations).toEqual([
      expect.objectContaining({
        slug: KKO,
        via: { slug: 'hallingdal', name: 'Hallingdalsregionen' },
      }),
    ]);
    expect(al).toMatchObject({
      population: 4862,
      populationYear: 2023,
      county: { number: '33' },
      organisationCount: 1,
    });
  });

  it('sorts in Norwegian order and pages through every municipality exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listMunicipalities(
        handle.db,
        { limit: 40, ...(cursor ? { cursor } : {}) },
        TODAY,
      );
      seen.push(...page.items.map((m) => m.number));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(9);
    expect(new Set(seen).size).toBe(357);
    const all = (await listMunicipalities(handle.db, { limit: 500 }, TODAY)).items;
    expect(seen).toEqual(all.map((m) => m.number));
    const names = all.map((m) => m.name);
    expect(names).toEqual([...names].sort(nb.compare));
    expect(names.at(-1)).toBe('Åsnes');
    expect(names.indexOf('Ørland')).toBeGreaterThan(
      names.indexOf('Æra') === -1 ? 0 : names.indexOf('Æra'),
    );
  });

  it('pages a filtered list and rejects a forged cursor', async () => {
    const first = await listMunicipalities(handle.db, { organisation: 'ken', limit: 4 }, TODAY);
    expect(first.items).toHaveLength(4);
    const second = await listMunicipalities(
      handle.db,
      { organisation: 'ken', limit: 4, cursor: first.nextCursor ?? '' },
      TODAY,
    );
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    await expect(
      listMunicipalities(handle.db, { limit: 4, cursor: 'not-a-cursor' }, TODAY),
    ).rejects.toBeInstanceOf(InvalidCursorError);
    // A cursor's values become SQL parameters: text PostgreSQL cannot hold is refused first.
    const withNul = Buffer.from(JSON.stringify(['Bæ\u0000', '3201']), 'utf8').toString('base64url');
    await expect(
      listMunicipalities(handle.db, { limit: 4, cursor: withNul }, TODAY),
    ).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('names at most three organisations a municipality in a list, counts them all, and names all on its page', async () => {
    class Rollback extends Error {}
    const seen = await handle.db
      .transaction()
      .execute(async (trx) => {
        // Asker (3203) is in KKO; four more networks, one of them through a region of its own,
        // and one membership that has ended and does not count.
        const network = async (slug: string, name: string) =>
          (
            await trx
              .insertInto('organisation')
              .values({
                slug,
                name,
                short_name: null,
                kind: 'network',
                established: null,
                county_number: null,
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
        const [a, b, c, d, ended] = await Promise.all([
          network('test-a', 'Årnes-nettverket'),
          network('test-b', 'Asker og omegn'),
          network('test-c', 'Bærekraftnettverket'),
          network('test-d', 'Østlandsnettverket'),
          network('test-e', 'Avsluttet nettverk'),
        ]);
        const region = await trx
          .insertInto('region')
          .values({ slug: 'test-regionen', name: 'Testregionen' })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('region_municipality')
          .values({ region_id: region.id, municipality_number: '3203' })
          .execute();
        const since = { from_date: '2020-01-01', from_precision: 'day' as const };
        await trx
          .insertInto('membership')
          .values([
            {
              organisation_id: a,
              municipality_number: '3203',
              region_id: null,
              to_date: null,
              ...since,
            },
            {
              organisation_id: b,
              municipality_number: '3203',
              region_id: null,
              to_date: null,
              ...since,
            },
            {
              organisation_id: c,
              municipality_number: null,
              region_id: region.id,
              to_date: null,
              ...since,
            },
            {
              organisation_id: d,
              municipality_number: '3203',
              region_id: null,
              to_date: null,
              ...since,
            },
            {
              organisation_id: ended,
              municipality_number: '3203',
              region_id: null,
              to_date: '2021-01-01',
              ...since,
            },
          ])
          .execute();
        const [listed] = (await listMunicipalities(trx, { q: '3203', limit: 10 }, TODAY)).items;
        // Filtered by an organisation, that one is named first, whatever its place in the order.
        const [filtered] = (
          await listMunicipalities(trx, { organisation: 'test-d', q: '3203', limit: 10 }, TODAY)
        ).items;
        const page = await getMunicipality(trx, 'asker', TODAY, new Date());
        throw new Rollback(JSON.stringify({ listed, filtered, page }));
      })
      .catch((error: unknown) => {
        if (error instanceof Rollback)
          return JSON.parse(error.message) as {
            listed: MunicipalityListItem;
            filtered: MunicipalityListItem;
            page: MunicipalityDetail;
          };
        throw error;
      });
    const names = (items: readonly MunicipalityOrganisation[]) => items.map((o) => o.name);
    const all = [
      'Asker og omegn',
      'Bærekraftnettverket',
      'Kommunenettverk for klimaomstilling',
      'Østlandsnettverket',
      'Årnes-nettverket',
    ];
    expect(LISTED_ORGANISATIONS).toBe(3);
    expect(names(seen.listed.organisations)).toEqual(all.slice(0, 3));
    expect(seen.listed.organisations[1]?.via).toEqual({
      slug: 'test-regionen',
      name: 'Testregionen',
    });
    expect(seen.listed.organisationCount).toBe(5);
    expect(names(seen.filtered.organisations)).toEqual([
      'Østlandsnettverket',
      'Asker og omegn',
      'Bærekraftnettverket',
    ]);
    expect(seen.filtered.organisationCount).toBe(5);
    expect(names(seen.page.organisations)).toEqual(all);
    expect(seen.page.organisationCount).toBe(5);
    // The rollback left the seeded data as it was.
    const [asker] = (await listMunicipalities(handle.db, { q: '3203', limit: 10 }, TODAY)).items;
    expect(asker?.organisationCount).toBe(1);
  });

  it('gets a municipality with its regions and memberships', async () => {
    const al = await getMunicipality(handle.db, 'al', TODAY, new Date());
    expect(al).toMatchObject({
      number: '3328',
      name: 'Ål',
      regions: [{ slug: 'hallingdal', name: 'Hallingdalsregionen' }],
    });
    expect(al?.memberships).toEqual([
      {
        organisation: {
          slug: KKO,
          name: 'Kommunenettverk for klimaomstilling',
          shortName: null,
          kind: 'network',
        },
        from: '2016-01-01',
        fromPrecision: 'unknown',
        to: null,
        via: { slug: 'hallingdal', name: 'Hallingdalsregionen' },
        current: true,
      },
    ]);
    // Seeding adds no participation, so no municipality takes part in a project yet.
    expect(al?.projects).toEqual([]);
    const ski = await getMunicipality(handle.db, 'nordre-follo', TODAY, new Date());
    expect(ski?.organisations.map((o) => [o.slug, o.via])).toEqual([['ken', null]]);
    expect(await getMunicipality(handle.db, 'finnes-ikke', TODAY, new Date())).toBeNull();
    expect(await findRenumberedMunicipality(handle.db, '3025')).toEqual({
      number: '3203',
      name: 'Asker',
    });
    expect(await findRenumberedMunicipality(handle.db, '0220')).toBeNull();
    expect(await findRenumberedMunicipality(handle.db, '3203')).toBeNull();
  });

  it('shows an organisation’s people, the overall project leader first, contact only with consent', async () => {
    const kko = await getOrganisation(handle.db, KKO, TODAY);
    expect(kko?.people.map((p) => [p.name, p.title])).toEqual([
      ['Ragnhild Waagaard', 'Overordnet prosjektleder'],
      ['Annette Anker Flaten', 'Prosjektleder'],
      ['Per Kristian Elgseter Sundet', 'Prosjektleder'],
      ['Sandra Mauer', 'Prosjektleder'],
    ]);
    expect(kko?.people.every((p) => p.email === null && p.phone === null)).toBe(true);
    expect((await getOrganisation(handle.db, 'ken', TODAY))?.people).toEqual([]);
  });

  it('lists the regions and gets one with its municipalities and memberships', async () => {
    expect(await listRegions(handle.db)).toEqual([
      { slug: 'follo', name: 'Follo', municipalityCount: 6 },
      { slug: 'hallingdal', name: 'Hallingdalsregionen', municipalityCount: 6 },
    ]);
    const hallingdal = await getRegion(handle.db, 'hallingdal', TODAY);
    expect(hallingdal?.municipalities.map((m) => m.name)).toEqual([
      'Flå',
      'Gol',
      'Hemsedal',
      'Hol',
      'Nesbyen',
      'Ål',
    ]);
    expect(hallingdal?.municipalities[0]?.organisations.map((o) => [o.slug, o.via?.slug])).toEqual([
      [KKO, 'hallingdal'],
    ]);
    expect(hallingdal?.memberships).toEqual([
      {
        organisation: {
          slug: KKO,
          name: 'Kommunenettverk for klimaomstilling',
          shortName: null,
          kind: 'network',
        },
        from: expect.stringMatching(/^2016-/),
        to: null,
        current: true,
      },
    ]);
    const follo = await getRegion(handle.db, 'follo', TODAY);
    expect(follo?.municipalityCount).toBe(6);
    expect(follo?.memberships).toEqual([]);
    // Follo's municipalities are KEN members each on their own, not through the region.
    expect(
      follo?.municipalities.every((m) => m.organisations.some((o) => o.slug === 'ken' && !o.via)),
    ).toBe(true);
    expect(await getRegion(handle.db, 'finnes-ikke', TODAY)).toBeNull();
  });

  it('runs a fixed number of queries whatever the page size', async () => {
    const { db, count } = countingQueries(handle);
    // One statement at any page size (the statements sent, not the query nodes built for them).
    for (const limit of [5, 500]) {
      const { statements } = await countStatements(() =>
        listMunicipalities(handle.db, { limit }, TODAY),
      );
      expect(statements).toBe(1);
    }
    // The membership world (3), the organisation's people (1), the members' municipalities (1).
    expect(await count(() => getOrganisation(db, KKO, TODAY))).toBeLessThanOrEqual(5);
    expect(await count(() => listOrganisations(db, TODAY))).toBeLessThanOrEqual(3);
    expect(await count(() => listCounties(db, TODAY))).toBeLessThanOrEqual(4);
  });
};

onEachEngine('reads of organisations, municipalities, regions and counties', querySuite);
