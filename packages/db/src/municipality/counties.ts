import type { CountyView, IsoDate } from '@klimakommuner/domain';
import { type Kysely, sql } from 'kysely';
import { membersOnSql } from '../network/members.ts';
import type { Database } from '../schema.ts';

/**
 * Every county by number, with how many of its municipalities are members of anything today;
 * one statement.
 */
export const listCounties = async (db: Kysely<Database>, today: IsoDate): Promise<CountyView[]> =>
  (
    await db
      .selectFrom('county as c')
      .leftJoin('municipality as m', 'm.county_number', 'c.number')
      .leftJoin(
        db
          .selectFrom(membersOnSql(db, today).as('cm'))
          .select('cm.municipality_number')
          .distinct()
          .as('member'),
        'member.municipality_number',
        'm.number',
      )
      .select([
        'c.number',
        'c.name',
        sql<number>`count(m.number)`.as('municipalityCount'),
        sql<number>`count(member.municipality_number)`.as('memberMunicipalityCount'),
      ])
      .groupBy(['c.number', 'c.name'])
      .orderBy('c.number')
      .execute()
  ).map((c) => ({
    number: c.number,
    name: c.name,
    municipalityCount: Number(c.municipalityCount),
    memberMunicipalityCount: Number(c.memberMunicipalityCount),
  }));

/** Whether the database answers; throws when it does not. */
export const ping = async (db: Kysely<Database>): Promise<void> => {
  await sql`select 1`.execute(db);
};
