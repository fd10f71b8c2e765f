import {
  type Membership,
  type MunicipalityListItem,
  membersOn,
  type RegionRecord,
} from '@klimakommuner/domain';
import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import {
  type DbHandle,
  listMunicipalities,
  membersOnSql,
  refreshMunicipalityToday,
} from '../../src/index.ts';
import { onEachEngine } from '../engines.ts';

// The SQL twin of the domain's membersOn, and the municipality list filtered by an organisation,
// must give the same members for any membership history: random organisations, regions (some
// empty, overlapping in their municipalities), memberships of municipalities and of regions with
// random starts (of any precision) and open or closed ends, and a random "today" inside, before
// or after them. Each history is written inside a
// transaction that is rolled back, so the suite's one database stays as it was.

const ORGANISATIONS = ['prop-a', 'prop-b', 'prop-c'] as const;
const REGIONS = ['region-a', 'region-b', 'region-c'] as const;

class Rollback extends Error {}

const DAY_MS = 86_400_000;
const START = Date.UTC(2015, 0, 1);
const dayOf = (offset: number) => new Date(START + offset * DAY_MS).toISOString().slice(0, 10);

const history = (numbers: readonly string[]) =>
  fc.record({
    regions: fc.tuple(
      ...REGIONS.map(() => fc.subarray([...numbers], { minLength: 0, maxLength: numbers.length })),
    ),
    memberships: fc.array(
      fc.record({
        organisation: fc.constantFrom(...ORGANISATIONS),
        member: fc.oneof(
          fc.record({
            kind: fc.constant('municipality' as const),
            number: fc.constantFrom(...numbers),
          }),
          fc.record({ kind: fc.constant('region' as const), slug: fc.constantFrom(...REGIONS) }),
        ),
        from: fc.integer({ min: 0, max: 4000 }),
        length: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null }),
        precision: fc.constantFrom('day', 'year', 'unknown'),
      }),
      { maxLength: 14 },
    ),
    today: fc.integer({ min: -100, max: 5700 }),
    // Half the time "today" is a day of some membership's start or end, or the day either side:
    // where a comparison that is off by one shows.
    pin: fc.option(
      fc.record({ index: fc.nat(), end: fc.boolean(), shift: fc.constantFrom(-1, 0, 1) }),
    ),
  });

const membersSuite = (db: () => DbHandle): void => {
  let handle: DbHandle;
  let numbers: string[];
  beforeAll(async () => {
    handle = db();
    numbers = (
      await handle.db
        .selectFrom('municipality')
        .select('number')
        .orderBy('number')
        .limit(6)
        .execute()
    ).map((m) => m.number);
  });

  it('agrees with membersOn on random membership histories', async () => {
    await fc.assert(
      fc.asyncProperty(history(numbers), async ({ regions, memberships, today, pin }) => {
        const pinned = pin === null ? undefined : memberships[pin.index % memberships.length];
        const day =
          pin === null || pinned === undefined
            ? dayOf(today)
            : dayOf(
                (pin.end && pinned.length !== null ? pinned.from + pinned.length : pinned.from) +
                  pin.shift,
              );
        const regionRecords: RegionRecord[] = REGIONS.map((slug, i) => ({
          slug,
          name: slug,
          municipalities: regions[i] ?? [],
        }));
        const stored: Membership[] = memberships.map((m, i) => {
          const from =
            m.precision === 'year' ? `${dayOf(m.from).slice(0, 4)}-01-01` : dayOf(m.from);
          const fromDay = Math.round((Date.parse(from) - START) / DAY_MS);
          return {
            id: String(i),
            organisation: m.organisation,
            member: m.member,
            from,
            to: m.length === null ? null : dayOf(fromDay + m.length),
          };
        });
        const fromSql = await handle.db
          .transaction()
          .execute(async (trx) => {
            const orgIds = new Map<string, string>();
            for (const slug of ORGANISATIONS) {
              const row = await trx
                .insertInto('organisation')
                .values({
                  slug,
                  name: slug,
                  short_name: null,
                  kind: 'network',
                  established: null,
                  county_number: null,
                })
                .returning('id')
                .executeTakeFirstOrThrow();
              orgIds.set(slug, row.id);
            }
            const regionIds = new Map<string, string>();
            for (const region of regionRecords) {
              const row = await trx
                .insertInto('region')
                .values({ slug: region.slug, name: region.name })
                .returning('id')
                .executeTakeFirstOrThrow();
              regionIds.set(region.slug, row.id);
              if (region.municipalities.length > 0) {
                await trx
                  .insertInto('region_municipality')
                  .values(
                    region.municipalities.map((n) => ({
                      region_id: row.id,
                      municipality_number: n,
                    })),
                  )
                  .execute();
              }
            }
            for (const [i, m] of stored.entries()) {
              await trx
                .insertInto('membership')
                .values({
                  organisation_id: orgIds.get(m.organisation) ?? '',
                  municipality_number: m.member.kind === 'municipality' ? m.member.number : null,
                  region_id:
                    m.member.kind === 'region' ? (regionIds.get(m.member.slug) ?? null) : null,
                  from_date: m.from,
                  from_precision: memberships[i]?.precision ?? 'day',
                  to_date: m.to,
                })
                .execute();
            }
            const rows = await trx
              .selectFrom(membersOnSql(trx, day).as('cm'))
              .innerJoin('organisation as o', 'o.id', 'cm.organisation_id')
              .select(['o.slug', 'cm.municipality_number', 'cm.via', 'cm.from_date', 'cm.to_date'])
              .where('o.slug', 'in', [...ORGANISATIONS])
              .orderBy('o.slug')
              .orderBy('cm.municipality_number')
              .execute();
            // The lists filtered by an organisation test membership their own way (an indexed
            // test per municipality); they must find the same municipalities.
            const lists = async () => {
              const pages: Record<string, MunicipalityListItem[]> = {};
              for (const slug of ORGANISATIONS) {
                const page = await listMunicipalities(trx, { organisation: slug, limit: 500 }, day);
                pages[slug] = [...page.items];
              }
              const members = await listMunicipalities(trx, { membersOnly: true, limit: 500 }, day);
              pages.members = [...members.items];
              return pages;
            };
            const computed = await lists();
            const listed = Object.fromEntries(
              ORGANISATIONS.map((slug) => [
                slug,
                (computed[slug] ?? []).map((m) => m.number).sort(),
              ]),
            );
            // municipality_today's rows for this history must read the same as the computed
            // ones (decision 0043). This transaction wrote memberships, so reads take no row
            // until the setting that says so is cleared.
            await sql`select set_config('kk.memberships_changed', '', true)`.execute(trx);
            const written = await refreshMunicipalityToday(trx, day);
            const municipalities = await trx
              .selectFrom('municipality')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow();
            expect(written).toBe(Number(municipalities.n));
            expect(await lists()).toEqual(computed);
            expect(await refreshMunicipalityToday(trx, day)).toBe(0);
            throw new Rollback(JSON.stringify({ rows, listed }));
          })
          .catch((error: unknown) => {
            if (error instanceof Rollback)
              return JSON.parse(error.message) as {
                rows: unknown[];
                listed: Record<string, string[]>;
              };
            throw error;
          });
        const fromDomain = ORGANISATIONS.flatMap((slug) =>
          membersOn(slug, day, stored, regionRecords).map((m) => ({
            slug,
            municipality_number: m.municipality,
            via: m.via,
            from_date: m.from,
            to_date: m.to,
          })),
        );
        expect(fromSql.rows).toEqual(fromDomain);
        for (const slug of ORGANISATIONS)
          expect(fromSql.listed[slug]).toEqual(
            membersOn(slug, day, stored, regionRecords)
              .map((m) => m.municipality)
              .sort(),
          );
      }),
      { numRuns: 60 },
    );
  });
};

onEachEngine('Today’s members in SQL', membersSuite);
