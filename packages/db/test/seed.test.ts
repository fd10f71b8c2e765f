import { sql } from 'kysely';
import pg from 'pg';
import { beforeAll, expect, it } from 'vitest';
import { type DbHandle, ping, seed } from '../src/index.ts';
import { type Fresh, onEachEngine } from './engines.ts';

const counts = async (handle: DbHandle) => {
  const row = await sql<Record<string, number>>`
    select (select count(*) from county) as county, (select count(*) from municipality) as municipality,
      (select count(*) from organisation) as organisation, (select count(*) from region) as region,
      (select count(*) from region_municipality) as region_municipality,
      (select count(*) from membership) as membership`.execute(handle.db);
  return row.rows[0];
};

/** Tests against a migrated, seeded database; they leave it as they found it. */
const seedSuite = (db: () => DbHandle, { engine }: Fresh): void => {
  let handle: DbHandle;
  beforeAll(() => {
    handle = db();
  });

  it('answers ping', async () => {
    await expect(ping(handle.db)).resolves.toBeUndefined();
    expect(handle.engine).toBe(engine);
  });

  it('loads every county and municipality, and the 30 populations', async () => {
    expect(await counts(handle)).toEqual({
      county: 15,
      municipality: 357,
      organisation: 3,
      region: 2,
      region_municipality: 12,
      membership: 25,
    });
    const withPopulation = await handle.db
      .selectFrom('municipality')
      .select(['number', 'population', 'population_year'])
      .where('population', 'is not', null)
      .execute();
    expect(withPopulation).toHaveLength(30);
    expect(withPopulation.find((m) => m.number === '3201')).toEqual({
      number: '3201',
      population: 130921,
      population_year: 2024,
    });
  });

  it('gives namesakes distinct slugs', async () => {
    const rows = await handle.db
      .selectFrom('municipality')
      .select('slug')
      .where('name', 'in', ['Våler', 'Herøy'])
      .orderBy('slug')
      .execute();
    expect(rows.map((r) => r.slug)).toEqual([
      'heroy-more-og-romsdal',
      'heroy-nordland',
      'valer-innlandet',
      'valer-ostfold',
    ]);
  });

  it('stores no join day the reference facts do not give, and the pre-2024 kommunenummer', async () => {
    const precisions = await handle.db
      .selectFrom('membership')
      .select('from_precision')
      .distinct()
      .execute();
    expect(precisions).toEqual([{ from_precision: 'unknown' }]);
    const previous = await handle.db
      .selectFrom('municipality')
      .select(['number', 'previous_number'])
      .where('number', 'in', ['3203', '3407', '0301'])
      .orderBy('number')
      .execute();
    expect(previous).toEqual([
      { number: '0301', previous_number: null },
      { number: '3203', previous_number: '3025' },
      // Gjøvik kept its number: no previous one.
      { number: '3407', previous_number: null },
    ]);
  });

  it('creates no user, session or token: there are no default credentials', async () => {
    const row = await sql<Record<string, number>>`
      select (select count(*) from app_user) as users, (select count(*) from session) as sessions,
        (select count(*) from api_token) as tokens`.execute(handle.db);
    expect(row.rows[0]).toEqual({ users: 0, sessions: 0, tokens: 0 });
  });

  it('changes nothing when seeded again', async () => {
    const before = await counts(handle);
    const versions = await handle.db
      .selectFrom('organisation')
      .select(['slug', 'version', 'updated_at'])
      .execute();
    expect(await seed(handle.db)).toEqual({ changed: false });
    expect(await counts(handle)).toEqual(before);
    expect(
      await handle.db
        .selectFrom('organisation')
        .select(['slug', 'version', 'updated_at'])
        .execute(),
    ).toEqual(versions);
  });

  it('returns dates as strings, counts as numbers and timestamps as Dates', async () => {
    const row = await handle.db
      .selectFrom('membership')
      .innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
      .select(['membership.from_date', 'membership.to_date', 'organisation.created_at'])
      .where('organisation.slug', '=', 'ken')
      .executeTakeFirstOrThrow();
    expect(row.from_date).toBe('2008-01-01');
    expect(row.to_date).toBeNull();
    expect(row.created_at).toBeInstanceOf(Date);
    const { n, big } = (
      await sql<{
        n: number;
        big: number;
      }>`select count(*) as n, 9007199254740991::int8 as big from county`.execute(handle.db)
    ).rows[0] ?? { n: 0, big: 0 };
    expect(n).toBe(15);
    expect(big).toBe(Number.MAX_SAFE_INTEGER);
    // The PostgreSQL parsers are the pool's own: node-postgres' global defaults are untouched.
    expect(pg.types.getTypeParser(20, 'text')('5')).toBe('5');
  });

  it('rejects a municipality whose number does not start with its county', async () => {
    await expect(
      handle.db
        .insertInto('municipality')
        .values({ number: '3399', name: 'Feil', slug: 'feil', county_number: '32' })
        .execute(),
    ).rejects.toThrow(/municipality_number_in_county/);
    await expect(
      handle.db
        .insertInto('municipality')
        .values({ number: '32AB', name: 'Feil', slug: 'feil', county_number: '32' })
        .execute(),
    ).rejects.toThrow(/municipality_number_format|municipality_number_in_county/);
  });

  it('rejects memberships with no member, two members or an end before the start', async () => {
    const org = await handle.db
      .selectFrom('organisation')
      .select('id')
      .where('slug', '=', 'ken')
      .executeTakeFirstOrThrow();
    const region = await handle.db
      .selectFrom('region')
      .select('id')
      .where('slug', '=', 'follo')
      .executeTakeFirstOrThrow();
    const base = { organisation_id: org.id, from_date: '2020-01-01' };
    await expect(
      handle.db
        .insertInto('membership')
        .values({ ...base, municipality_number: null, region_id: null })
        .execute(),
    ).rejects.toThrow(/membership_one_member/);
    await expect(
      handle.db
        .insertInto('membership')
        .values({ ...base, municipality_number: '3201', region_id: region.id })
        .execute(),
    ).rejects.toThrow(/membership_one_member/);
    await expect(
      handle.db
        .insertInto('membership')
        .values({ ...base, municipality_number: '3201', region_id: null, to_date: '2019-12-31' })
        .execute(),
    ).rejects.toThrow(/membership_period/);
  });
};

onEachEngine('schema and seed', seedSuite);
