import { describe, expect, it } from 'vitest';
import { useServer } from './harness.ts';

const KKO = 'kommunenettverk-for-klimaomstilling';
const nb = new Intl.Collator('nb');
/** Hallingdalsregionen's six municipalities, by kommunenummer. */
const HALLINGDAL = ['3320', '3322', '3324', '3326', '3328', '3330'];
const isSortedByName = (items: readonly { name: string }[]) =>
  items.every((item, i) => i === 0 || nb.compare(items[i - 1]?.name ?? '', item.name) <= 0);

const t = useServer();

describe('organisations', () => {
  it('lists the three organisations sorted by name, one page', async () => {
    const page = await t.api.organisations.list.query();
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((o) => o.slug)).toEqual(['akershus-fylkeskommune', 'ken', KKO]);
    const ken = page.items.find((o) => o.slug === 'ken');
    expect(ken).toMatchObject({
      shortName: 'KEN',
      kind: 'network',
      established: 2008,
      memberCount: 6,
    });
    expect(page.items[0]).toMatchObject({
      kind: 'county-authority',
      county: { number: '32', name: 'Akershus' },
    });
  });

  it('gets KKO with 24 current members, the six from Hallingdal marked via the region', async () => {
    const kko = await t.api.organisations.get.query({ slug: KKO });
    expect(kko).toMatchObject({ name: 'Kommunenettverk for klimaomstilling', memberCount: 24 });
    expect(kko.members).toHaveLength(24);
    const viaHallingdal = kko.members.filter((m) => m.via?.slug === 'hallingdal');
    expect(viaHallingdal.map((m) => m.municipality.number).sort()).toEqual(HALLINGDAL);
    expect(isSortedByName(kko.members.map((m) => m.municipality))).toBe(true);
    expect(kko.members.find((m) => m.municipality.slug === 'asker')).toMatchObject({
      from: '2016-01-01',
      to: null,
      via: null,
      municipality: { number: '3203', county: { number: '32', name: 'Akershus' } },
    });
    expect(kko.regions).toHaveLength(1);
    expect(kko.regions[0]?.region).toEqual({ slug: 'hallingdal', name: 'Hallingdalsregionen' });
    expect(kko.regions[0]?.municipalities).toHaveLength(6);
  });
});

describe('regions', () => {
  it('lists Follo and Hallingdalsregionen, and gets one with its municipalities', async () => {
    const page = await t.api.regions.list.query();
    expect(page).toEqual({
      items: [
        { slug: 'follo', name: 'Follo', municipalityCount: 6 },
        { slug: 'hallingdal', name: 'Hallingdalsregionen', municipalityCount: 6 },
      ],
      nextCursor: null,
    });
    const hallingdal = await t.api.regions.get.query({ slug: 'hallingdal' });
    expect(hallingdal.municipalities.map((m) => m.number).sort()).toEqual(HALLINGDAL);
    expect(isSortedByName(hallingdal.municipalities)).toBe(true);
    // Other test files add memberships on the same server, so KKO's is looked for.
    expect(hallingdal.memberships).toContainEqual(
      expect.objectContaining({
        organisation: expect.objectContaining({ slug: KKO }),
        current: true,
      }),
    );
  });

  it('answers NOT_FOUND for an unknown region and BAD_REQUEST for a malformed slug', async () => {
    await expect(t.api.regions.get.query({ slug: 'finnes-ikke' })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
    await expect(t.api.regions.get.query({ slug: 'Ikke en slug!' })).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST' },
    });
  });
});

describe('organisations.get people', () => {
  it('names the four project leaders of KKO with their roles, no contact without consent', async () => {
    const kko = await t.api.organisations.get.query({ slug: KKO });
    // Other test files add people to KKO on the same server, so the four are picked by name.
    const four = [
      'Ragnhild Waagaard',
      'Annette Anker Flaten',
      'Per Kristian Elgseter Sundet',
      'Sandra Mauer',
    ];
    const seeded = kko.people.filter((p) => four.includes(p.name));
    expect(seeded.map((p) => `${p.name} (${p.title})`)).toEqual([
      'Ragnhild Waagaard (Overordnet prosjektleder)',
      'Annette Anker Flaten (Prosjektleder)',
      'Per Kristian Elgseter Sundet (Prosjektleder)',
      'Sandra Mauer (Prosjektleder)',
    ]);
    expect(seeded.every((p) => p.email === null && p.phone === null)).toBe(true);
  });
});

describe('municipalities.get', () => {
  it('gets Asker: county 32 Akershus, population 98 815 (2024), member of KKO', async () => {
    const asker = await t.api.municipalities.get.query({ slug: 'asker' });
    expect(asker).toMatchObject({
      number: '3203',
      name: 'Asker',
      county: { number: '32', name: 'Akershus' },
      population: 98815,
      populationYear: 2024,
    });
    expect(asker.organisations.map((o) => o.slug)).toEqual([KKO]);
    expect(asker.memberships).toContainEqual(
      expect.objectContaining({
        current: true,
        via: null,
        organisation: expect.objectContaining({ slug: KKO }),
      }),
    );
  });

  it('gets Ål by its ascii slug, a KKO member through Hallingdal', async () => {
    const al = await t.api.municipalities.get.query({ slug: 'al' });
    expect(al).toMatchObject({
      number: '3328',
      name: 'Ål',
      county: { number: '33', name: 'Buskerud' },
    });
    expect(al.regions).toEqual([{ slug: 'hallingdal', name: 'Hallingdalsregionen' }]);
    expect(al.organisations).toEqual([
      expect.objectContaining({
        slug: KKO,
        via: { slug: 'hallingdal', name: 'Hallingdalsregionen' },
      }),
    ]);
  });

  it('ignores unknown keys in the input', async () => {
    const input = { slug: 'asker', extra: true } as { slug: string };
    expect((await t.api.municipalities.get.query(input)).number).toBe('3203');
  });
});

describe('municipalities.list', () => {
  it('defaults to 50 items sorted by Norwegian collation, with a cursor', async () => {
    const page = await t.api.municipalities.list.query();
    expect(page.items).toHaveLength(50);
    expect(isSortedByName(page.items)).toBe(true);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('pages through all 357 municipalities with the cursor, each once', async () => {
    const numbers: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await t.api.municipalities.list.query({
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      numbers.push(...page.items.map((m) => m.number));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(numbers).toHaveLength(357);
    expect(new Set(numbers).size).toBe(357);
  });

  it('filters by organisation, county, membership and text', async () => {
    const ken = await t.api.municipalities.list.query({ organisation: 'ken' });
    expect(ken.items.map((m) => m.name)).toEqual([
      'Enebakk',
      'Frogn',
      'Nesodden',
      'Nordre Follo',
      'Vestby',
      'Ås',
    ]);
    expect(ken.nextCursor).toBeNull();

    const buskerud = await t.api.municipalities.list.query({ county: '33', limit: 500 });
    expect(buskerud.items).toHaveLength(18);
    expect(buskerud.items.every((m) => m.county.number === '33')).toBe(true);

    const members = await t.api.municipalities.list.query({ membersOnly: true, limit: 500 });
    expect(members.items).toHaveLength(30);
    expect(members.items.every((m) => m.organisations.length > 0)).toBe(true);

    const asker = await t.api.municipalities.list.query({ q: 'Asker' });
    expect(asker.items.map((m) => m.slug)).toContain('asker');

    const none = await t.api.municipalities.list.query({ organisation: 'finnes-ikke' });
    expect(none).toEqual({ items: [], nextCursor: null });
  });
});

describe('regions.list', () => {
  it('lists the regions by name with their municipality counts', async () => {
    expect(await t.api.regions.list.query()).toEqual({
      items: [
        { slug: 'follo', name: 'Follo', municipalityCount: 6 },
        { slug: 'hallingdal', name: 'Hallingdalsregionen', municipalityCount: 6 },
      ],
      nextCursor: null,
    });
  });
});

describe('counties.list', () => {
  it('lists all 15 counties with counts', async () => {
    const page = await t.api.counties.list.query();
    expect(page.nextCursor).toBeNull();
    expect(page.items).toHaveLength(15);
    expect(page.items.find((c) => c.number === '32')).toEqual({
      number: '32',
      name: 'Akershus',
      municipalityCount: 21,
      memberMunicipalityCount: 17,
    });
  });
});
