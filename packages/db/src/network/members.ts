import type { IsoDate } from '@klimakommuner/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * The domain's membersOn(organisation, today, …) for every organisation at once, in SQL: one row
 * per organisation and member municipality, from the view membership_member (direct memberships,
 * and each municipality of a member region). Where a municipality is a member twice, the row
 * membersOn prefers wins: direct before through a region, then the earlier start, then the
 * region slug, then the one without an end, then the later end. test/network/members.test.ts
 * checks it against membersOn on generated histories.
 *
 * A subquery: `db.selectFrom(membersOnSql(db, today).as('cm'))`.
 */
export const membersOnSql = (db: Kysely<Database>, today: IsoDate) => {
  const day = sql<string>`cast(${today} as date)`;
  return db
    .selectFrom('membership_member as mm')
    .distinctOn(['mm.organisation_id', 'mm.municipality_number'])
    .select([
      'mm.organisation_id',
      'mm.municipality_number',
      'mm.via',
      'mm.from_date',
      'mm.from_precision',
      'mm.to_date',
    ])
    .where((eb) =>
      eb.and([
        eb('mm.from_date', '<=', day),
        eb.or([eb('mm.to_date', 'is', null), eb('mm.to_date', '>=', day)]),
      ]),
    )
    .orderBy('mm.organisation_id')
    .orderBy('mm.municipality_number')
    .orderBy(sql`mm.via is not null`)
    .orderBy('mm.from_date')
    .orderBy(sql`coalesce(mm.via, '') collate "C"`)
    .orderBy(sql`mm.to_date is null`, 'desc')
    .orderBy('mm.to_date', 'desc');
};
