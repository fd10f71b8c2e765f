import type { CountyView, IsoDate } from '@klimakommuner/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { currentMembers, loadMembershipWorld } from './world.ts';

/** Every county by number, with how many of its municipalities are members of anything today. */
export const listCounties = async (db: Kysely<Database>, today: IsoDate): Promise<CountyView[]> => {
  const [counties, world] = await Promise.all([
    db
      .selectFrom('county as c')
      .leftJoin('municipality as m', 'm.county_number', 'c.number')
      .select(['c.number', 'c.name', sql<number>`count(m.number)`.as('municipalityCount')])
      .groupBy(['c.number', 'c.name'])
      .orderBy('c.number')
      .execute(),
    loadMembershipWorld(db),
  ]);
  const members = new Set<string>();
  for (const list of currentMembers(world, today).values()) {
    for (const m of list) members.add(m.municipality);
  }
  const memberCount = new Map<string, number>();
  for (const number of members) {
    const county = number.slice(0, 2);
    memberCount.set(county, (memberCount.get(county) ?? 0) + 1);
  }
  return counties.map((c) => ({
    number: c.number,
    name: c.name,
    municipalityCount: c.municipalityCount,
    memberMunicipalityCount: memberCount.get(c.number) ?? 0,
  }));
};

/** Whether the database answers; throws when it does not. */
export const ping = async (db: Kysely<Database>): Promise<void> => {
  await sql`select 1`.execute(db);
};
