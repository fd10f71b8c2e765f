import {
  type IsoDate,
  type MunicipalityDetail,
  type MunicipalityListItem,
  type MunicipalityMembershipView,
  type MunicipalityOrganisation,
  type MunicipalityProjectView,
  type OrganisationRef,
  type Page,
  type RegionRef,
  slugify,
} from '@klimakommuner/domain';
import { type Kysely, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { decodeCursor, encodeCursor } from '../content/cursor.ts';
import { nbAfter, nbContains, nbOrder } from '../content/order.ts';
import { membersOnSql } from '../network/members.ts';
import { organisationRefJson, regionRefJson } from '../network/refs.ts';
import { publicProjectSql } from '../project/rows.ts';
import { takesPartSql } from '../project/takes-part.ts';
import type { Database } from '../schema.ts';

export interface MunicipalityFilter {
  /** Organisation slug: only its members today, direct or through a region. */
  organisation?: string | undefined;
  /** County number, e.g. '32'. */
  county?: string | undefined;
  /** Part of the name (case-insensitive, 'baerum' finds Bærum) or an exact kommunenummer. */
  q?: string | undefined;
  /** Only municipalities that belong to at least one organisation today. */
  membersOnly?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * Municipalities (`m`) with their county (`c`) and today's organisations, sorted by name, as a
 * JSON array (MunicipalityOrganisation): the members (membersOnSql) are computed once per
 * statement (the CTE `cm`) and grouped by municipality (`mo`), not once per row.
 */
export const selectMunicipalities = (db: Kysely<Database>, today: IsoDate) =>
  db
    .with('cm', () => membersOnSql(db, today))
    .with('mo', (qc) =>
      qc
        .selectFrom('cm')
        .innerJoin('organisation as o', 'o.id', 'cm.organisation_id')
        .leftJoin('region as r', 'r.slug', 'cm.via')
        .select([
          'cm.municipality_number',
          sql<MunicipalityOrganisation[]>`json_agg(json_build_object('slug', o.slug, 'name', o.name,
            'shortName', o.short_name, 'kind', o.kind, 'via', ${regionRefJson('r')})
            order by o.sort_key, o.name collate "C", o.slug)`.as('organisations'),
        ])
        .groupBy('cm.municipality_number'),
    )
    .selectFrom('municipality as m')
    .innerJoin('county as c', 'c.number', 'm.county_number')
    .leftJoin('mo', 'mo.municipality_number', 'm.number')
    .select([
      'm.number',
      'm.name',
      'm.slug',
      'm.population',
      'm.population_year',
      'c.number as county_number',
      'c.name as county_name',
      sql<MunicipalityOrganisation[]>`coalesce(mo.organisations, '[]'::json)`.as('organisations'),
    ]);

export interface MunicipalityListRow {
  readonly number: string;
  readonly name: string;
  readonly slug: string;
  readonly population: number | null;
  readonly population_year: number | null;
  readonly county_number: string;
  readonly county_name: string;
  readonly organisations: readonly MunicipalityOrganisation[];
}

export const listItem = (row: MunicipalityListRow): MunicipalityListItem => ({
  number: row.number,
  name: row.name,
  slug: row.slug,
  county: { number: row.county_number, name: row.county_name },
  population: row.population,
  populationYear: row.population_year,
  organisations: row.organisations,
});

/**
 * One page of municipalities sorted by name in Norwegian order (the sort key), the number
 * breaking ties. One statement whatever the filter: matching, today's memberships, the keyset
 * cursor and the page's limit are all in SQL. Unknown organisation or county → an empty page.
 * Throws InvalidCursorError on a bad cursor.
 */
export const listMunicipalities = async (
  db: Kysely<Database>,
  filter: MunicipalityFilter,
  today: IsoDate,
): Promise<Page<MunicipalityListItem>> => {
  const after = filter.cursor ? decodeCursor(filter.cursor) : null;
  const limit = Math.max(1, Math.floor(filter.limit));
  let query = selectMunicipalities(db, today);
  if (filter.county !== undefined) query = query.where('m.county_number', '=', filter.county);
  if (filter.organisation !== undefined) {
    const organisation = filter.organisation;
    query = query.where((eb) =>
      eb(
        'm.number',
        'in',
        eb
          .selectFrom('cm')
          .innerJoin('organisation as o', 'o.id', 'cm.organisation_id')
          .select('cm.municipality_number')
          .where('o.slug', '=', organisation),
      ),
    );
  }
  if (filter.membersOnly) query = query.where('mo.municipality_number', 'is not', null);
  const q = (filter.q ?? '').trim();
  if (/^[0-9]{4}$/.test(q)) query = query.where('m.number', '=', q);
  else if (q !== '') {
    // Typed without æ, ø, å ('baerum'): also compare with the slugs, which spell them that way.
    const slug = /^[\x20-\x7e]+$/.test(q) ? slugify(q) : '';
    query = query.where((eb) =>
      eb.or([
        nbContains('m.name', q),
        ...(slug === '' ? [] : [sql<boolean>`strpos(m.slug, ${slug}) > 0`]),
      ]),
    );
  }
  if (after !== null) query = query.where(nbAfter('m', 'name', 'number', after));
  const rows = await query
    .orderBy(nbOrder('m', 'name', 'number'))
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(listItem),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
};

/**
 * The municipality with its regions, every membership that reaches it (direct or through a
 * region; past, present and future) and the public projects (at `now`) it has a participation in.
 * One statement.
 */
export const getMunicipality = async (
  db: Kysely<Database>,
  slug: string,
  today: IsoDate,
  now: Date,
): Promise<MunicipalityDetail | null> => {
  const day = sql<string>`cast(${today} as date)`;
  const row = await selectMunicipalities(db, today)
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('region_municipality as rm')
          .innerJoin('region as r', 'r.id', 'rm.region_id')
          .select(['r.slug', 'r.name'])
          .whereRef('rm.municipality_number', '=', 'm.number')
          .orderBy(nbOrder('r')),
      ).as('regions'),
      jsonArrayFrom(
        eb
          .selectFrom('membership_member as mm')
          .innerJoin('organisation as o', 'o.id', 'mm.organisation_id')
          .leftJoin('region as r', 'r.slug', 'mm.via')
          .select([
            sql<OrganisationRef>`${organisationRefJson('o')}`.as('organisation'),
            'mm.from_date as from',
            'mm.from_precision as fromPrecision',
            'mm.to_date as to',
            regionRefJson('r').as('via'),
            sql<boolean>`mm.from_date <= ${day} and (mm.to_date is null or mm.to_date >= ${day})`.as(
              'current',
            ),
          ])
          .whereRef('mm.municipality_number', '=', 'm.number')
          .orderBy(nbOrder('o'))
          .orderBy('mm.from_date'),
      ).as('memberships'),
      jsonArrayFrom(
        eb
          .selectFrom('participation as pa')
          .innerJoin('project as p', 'p.id', 'pa.project_id')
          .innerJoin('organisation as o', 'o.id', 'p.owner_organisation_id')
          .select([
            sql<{
              slug: string;
              title: string;
            }>`json_build_object('slug', p.slug, 'title', p.title)`.as('project'),
            sql<OrganisationRef>`${organisationRefJson('o')}`.as('owner'),
            'pa.status',
            'pa.since',
            takesPartSql(today, 'pa').as('takesPart'),
            'pa.demo',
          ])
          .whereRef('pa.municipality_number', '=', 'm.number')
          .where(publicProjectSql('p', now))
          .orderBy(nbOrder('p', 'title')),
      ).as('projects'),
    ])
    .where('m.slug', '=', slug)
    .executeTakeFirst();
  if (!row) return null;
  return {
    ...listItem(row),
    regions: row.regions as RegionRef[],
    memberships: row.memberships as MunicipalityMembershipView[],
    projects: row.projects as MunicipalityProjectView[],
  };
};

/**
 * The municipality that had `number` before the 2024 reform and has another number now, or null.
 * One indexed lookup, for the message an editor sees after typing an old kommunenummer.
 */
export const findRenumberedMunicipality = async (
  db: Kysely<Database>,
  number: string,
): Promise<{ number: string; name: string } | null> =>
  (await db
    .selectFrom('municipality')
    .select(['number', 'name'])
    .where('previous_number', '=', number)
    .where('number', '<>', number)
    .executeTakeFirst()) ?? null;
