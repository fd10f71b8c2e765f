import {
  type IsoDate,
  LISTED_ORGANISATIONS,
  type OrganisationRef,
  type RegionDetail,
  type RegionOrganisationView,
  type RegionView,
} from '@klimakommuner/domain';
import { type Kysely, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { nbOrder } from '../content/order.ts';
import {
  listItem,
  type MunicipalityListRow,
  selectMunicipalities,
} from '../municipality/municipalities.ts';
import type { Database } from '../schema.ts';
import { organisationRefJson } from './refs.ts';

/** Every region with how many municipalities it groups, sorted by name; one statement. */
export const listRegions = async (db: Kysely<Database>): Promise<RegionView[]> =>
  (
    await db
      .selectFrom('region as r')
      .select((eb) => [
        'r.slug',
        'r.name',
        eb
          .selectFrom('region_municipality as rm')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('rm.region_id', '=', 'r.id')
          .as('n'),
      ])
      .orderBy(nbOrder('r'))
      .execute()
  ).map((r) => ({ slug: r.slug, name: r.name, municipalityCount: Number(r.n ?? 0) }));

/**
 * A region with its municipalities (each with the organisations it belongs to `today`, sorted by
 * name) and the region's own memberships, past, present and future; null when there is no such
 * region. One statement.
 */
export const getRegion = async (
  db: Kysely<Database>,
  slug: string,
  today: IsoDate,
): Promise<RegionDetail | null> => {
  const day = sql<string>`cast(${today} as date)`;
  const row = await db
    .selectFrom('region as r')
    .select((eb) => [
      'r.slug',
      'r.name',
      jsonArrayFrom(
        selectMunicipalities(db, today, { listed: LISTED_ORGANISATIONS }, (rows) =>
          rows.where(
            sql<boolean>`m.number in (select rm.municipality_number from region_municipality rm
              where rm.region_id = r.id)`,
          ),
        ),
      ).as('municipalities'),
      jsonArrayFrom(
        eb
          .selectFrom('membership as ms')
          .innerJoin('organisation as o', 'o.id', 'ms.organisation_id')
          .select([
            sql<OrganisationRef>`${organisationRefJson('o')}`.as('organisation'),
            'ms.from_date as from',
            'ms.to_date as to',
            sql<boolean>`ms.from_date <= ${day} and (ms.to_date is null or ms.to_date >= ${day})`.as(
              'current',
            ),
          ])
          .whereRef('ms.region_id', '=', 'r.id')
          .orderBy(nbOrder('o'))
          .orderBy('ms.from_date'),
      ).as('memberships'),
    ])
    .where('r.slug', '=', slug)
    .executeTakeFirst();
  if (!row) return null;
  const municipalities = (row.municipalities as MunicipalityListRow[]).map(listItem);
  return {
    slug: row.slug,
    name: row.name,
    municipalityCount: municipalities.length,
    municipalities,
    memberships: row.memberships as RegionOrganisationView[],
  };
};
