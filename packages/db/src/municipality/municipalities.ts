import {
  type IsoDate,
  LISTED_ORGANISATIONS,
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
import { type Kysely, type RawBuilder, sql } from 'kysely';
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
 * Whether the municipality `m` belongs today to an organisation (to the one with slug
 * `organisation` when given): directly, or through a region it is in — membership_member's two
 * branches, each an indexed test, so that PostgreSQL need not gather every organisation's members
 * first.
 */
export const memberTodaySql = (today: IsoDate, organisation?: string | undefined) => {
  const day = sql<string>`cast(${today} as date)`;
  const current = sql<boolean>`ms.from_date <= ${day} and (ms.to_date is null or ms.to_date >= ${day})`;
  const of =
    organisation === undefined
      ? sql<boolean>`true`
      : sql<boolean>`ms.organisation_id = (select o.id from organisation o
          where o.slug = ${organisation})`;
  return sql<boolean>`(exists (select 1 from membership ms
      where ms.municipality_number = m.number and ${current} and ${of})
    or exists (select 1 from region_municipality rm join membership ms on ms.region_id = rm.region_id
      where rm.municipality_number = m.number and ${current} and ${of}))`;
};

/**
 * Whether the municipality_today row `s` holds on `today`: of that day, of the content version
 * the database is at, and naming as many organisations as a list does now.
 */
const holdsSql = (s: string, today: IsoDate) =>
  sql<boolean>`${sql.ref(`${s}.as_of`)} = cast(${today} as date)
    and ${sql.ref(`${s}.version`)} = (select cv.version from content_version cv)
    and ${sql.ref(`${s}.first_count`)} = ${sql.lit(LISTED_ORGANISATIONS)}`;

/**
 * Municipalities (`m`) with their county (`c`) and, as `known_count`, the count of their row of
 * municipality_today (`s`) while it holds (holdsSql, and not in a transaction that wrote
 * memberships; null otherwise): the rows `narrow` filters, orders and limits. The row's JSON is
 * joined after the limit (selectMunicipalities), so that only the page's is read.
 */
const municipalityRows = (db: Kysely<Database>, today: IsoDate) =>
  db
    .selectFrom('municipality as m')
    .innerJoin('county as c', 'c.number', 'm.county_number')
    .leftJoin('municipality_today as s', (join) =>
      join
        .onRef('s.municipality_number', '=', 'm.number')
        .on(holdsSql('s', today))
        .on(sql<boolean>`coalesce(current_setting('kk.memberships_changed', true), '') <> 'on'`),
    )
    .select([
      'm.number',
      'm.name',
      'm.slug',
      'm.population',
      'm.population_year',
      'm.sort_key',
      'c.number as county_number',
      'c.name as county_name',
      's.organisation_count as known_count',
    ]);

type MunicipalityRowsQuery = ReturnType<typeof municipalityRows>;

/**
 * Whether the municipality `m` of municipalityRows belongs to an organisation today: its
 * municipality_today row says so while it holds, memberTodaySql decides otherwise (COALESCE
 * evaluates it only then).
 */
const memberTodayKnownSql = (today: IsoDate) =>
  sql<boolean>`coalesce(s.organisation_count > 0, ${memberTodaySql(today)})`;

interface Listed {
  /** How many organisations to name (all when null). */
  readonly listed: number | null;
  /** The slug of the organisation named before the others (a list filtered by it). */
  readonly first?: string | undefined;
}

/**
 * For each municipality membersOnSql rows `among` keeps, the organisations it belongs to today
 * as MunicipalityOrganisation JSON in Norwegian order (`first` before the others, only the first
 * `listed`) and how many there are.
 */
const organisationsToday = (
  db: Kysely<Database>,
  today: IsoDate,
  { listed, first }: Listed,
  among: RawBuilder<boolean> | null,
) => {
  const firstOrder = first === undefined ? sql`` : sql`o.slug = ${first} desc, `;
  const named = listed === null ? sql`` : sql`filter (where x.rank <= ${listed})`;
  const members = membersOnSql(db, today);
  return db
    .selectFrom(
      db
        .selectFrom((among === null ? members : members.where(among)).as('cm'))
        .innerJoin('organisation as o', 'o.id', 'cm.organisation_id')
        .select([
          'cm.municipality_number',
          'cm.via',
          'o.slug',
          'o.name',
          'o.short_name',
          'o.kind',
          sql<number>`row_number() over (partition by cm.municipality_number
            order by ${firstOrder}${nbOrder('o')})`.as('rank'),
        ])
        .as('x'),
    )
    .leftJoin('region as r', 'r.slug', 'x.via')
    .select([
      'x.municipality_number',
      // Built only for the organisations named (`named` filters before json_agg's argument).
      sql<MunicipalityOrganisation[]>`json_agg(json_build_object('slug', x.slug,
        'name', x.name, 'shortName', x.short_name, 'kind', x.kind,
        'via', ${regionRefJson('r')}) order by x.rank) ${named}`.as('organisations'),
      sql<number>`cast(count(*) as integer)`.as('organisation_count'),
    ])
    .groupBy('x.municipality_number');
};

/**
 * The organisations of a municipality_today row (`known`, every one in Norwegian order) as
 * `organisationsToday` names them: `first` moved before the others, the first `listed` kept.
 */
const knownListed = (
  known: RawBuilder<unknown>,
  { listed, first }: Listed,
  knownFirst: RawBuilder<unknown> | null = null,
) => {
  if (listed === null && first === undefined) return known;
  if (knownFirst !== null && listed === LISTED_ORGANISATIONS && first === undefined)
    return knownFirst;
  const firstOrder = first === undefined ? sql`` : sql`(t.e ->> 'slug') = ${first} desc, `;
  const kept = listed === null ? sql`` : sql`where x.k <= ${listed}`;
  return sql`coalesce((select json_agg(x.e order by x.k) from (
      select t.e, row_number() over (order by ${firstOrder}t.i) as k
      from json_array_elements(${known}) with ordinality as t(e, i)) x ${kept}), '[]'::json)`;
};

/**
 * The municipalities `narrow` picks from `municipalityRows` (the CTE `ml`, built first), each with
 * the organisations it belongs to today as MunicipalityOrganisation JSON in Norwegian order — the
 * organisation with slug `first` before the others (the one a list is filtered by, so that it
 * is always named), and only the first `listed` of them (all when null) — and how many there
 * are; sorted by name in nbOrder. The organisations come from the municipality's
 * municipality_today row while it holds, and are computed (organisationsToday, for these
 * municipalities alone) where it does not. What a page costs depends on the page, not on how
 * many organisations and members there are in all.
 */
export const selectMunicipalities = (
  db: Kysely<Database>,
  today: IsoDate,
  listed: Listed,
  narrow: (rows: MunicipalityRowsQuery) => MunicipalityRowsQuery = (rows) => rows,
) =>
  db
    .with(
      (cte) => cte('ml').materialized(),
      () => narrow(municipalityRows(db, today)),
    )
    .with('mo', () =>
      organisationsToday(
        db,
        today,
        listed,
        sql<boolean>`mm.municipality_number in (select ml.number from ml
          where ml.known_count is null)`,
      ),
    )
    .selectFrom('ml')
    .leftJoin('mo', 'mo.municipality_number', 'ml.number')
    // The row ml found holding (the same snapshot: it still does).
    .leftJoin('municipality_today as k', (join) =>
      join
        .onRef('k.municipality_number', '=', 'ml.number')
        .on(sql<boolean>`ml.known_count is not null`),
    )
    .select([
      'ml.number',
      'ml.name',
      'ml.slug',
      'ml.population',
      'ml.population_year',
      'ml.county_number',
      'ml.county_name',
      sql<MunicipalityOrganisation[]>`case when ml.known_count is null
        then coalesce(mo.organisations, '[]'::json)
        else ${knownListed(sql.ref('k.organisations'), listed, sql.ref('k.first_organisations'))}
        end`.as('organisations'),
      sql<number>`coalesce(ml.known_count, mo.organisation_count, 0)`.as('organisation_count'),
    ])
    .orderBy(nbOrder('ml', 'name', 'number'));

/**
 * Brings municipality_today up to `today` and the current content version, in one statement:
 * every municipality's organisations (organisationsToday, all of them) and their count, as one
 * snapshot sees them and the version. Writes nothing when every row holds already; never puts
 * back an older version or day than a row has (another process's refresh may overtake this
 * one). Says how many rows it wrote.
 */
export const refreshMunicipalityToday = async (
  db: Kysely<Database>,
  today: IsoDate,
): Promise<number> => {
  const day = sql<string>`cast(${today} as date)`;
  const result = await db
    .insertInto('municipality_today')
    .columns([
      'municipality_number',
      'as_of',
      'version',
      'organisations',
      'organisation_count',
      'first_organisations',
      'first_count',
    ])
    .expression(
      db
        .selectFrom('municipality as m')
        .crossJoin('content_version as cv')
        .leftJoin(organisationsToday(db, today, { listed: null }, null).as('mo'), (join) =>
          join.onRef('mo.municipality_number', '=', 'm.number'),
        )
        .select([
          'm.number',
          day.as('as_of'),
          'cv.version',
          sql<string>`coalesce(mo.organisations, '[]'::json)`.as('organisations'),
          sql<number>`coalesce(mo.organisation_count, 0)`.as('organisation_count'),
          sql<string>`coalesce(${knownListed(sql.ref('mo.organisations'), {
            listed: LISTED_ORGANISATIONS,
          })}, '[]'::json)`.as('first_organisations'),
          sql.lit(LISTED_ORGANISATIONS).as('first_count'),
        ])
        .where(
          sql<boolean>`exists (select 1 from municipality m2
            left join municipality_today s2 on s2.municipality_number = m2.number
              and ${holdsSql('s2', today)}
            where s2.municipality_number is null)`,
        ),
    )
    .onConflict((oc) =>
      oc
        .column('municipality_number')
        .doUpdateSet((eb) => ({
          as_of: eb.ref('excluded.as_of'),
          version: eb.ref('excluded.version'),
          organisations: eb.ref('excluded.organisations'),
          organisation_count: eb.ref('excluded.organisation_count'),
          first_organisations: eb.ref('excluded.first_organisations'),
          first_count: eb.ref('excluded.first_count'),
        }))
        .where(
          sql<boolean>`(municipality_today.version, municipality_today.as_of)
            <= (excluded.version, excluded.as_of)`,
        ),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
};

export interface MunicipalityListRow {
  readonly number: string;
  readonly name: string;
  readonly slug: string;
  readonly population: number | null;
  readonly population_year: number | null;
  readonly county_number: string;
  readonly county_name: string;
  readonly organisations: readonly MunicipalityOrganisation[];
  readonly organisation_count: number | null;
}

export const listItem = (row: MunicipalityListRow): MunicipalityListItem => ({
  number: row.number,
  name: row.name,
  slug: row.slug,
  county: { number: row.county_number, name: row.county_name },
  population: row.population,
  populationYear: row.population_year,
  organisations: row.organisations,
  organisationCount: row.organisation_count ?? 0,
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
  const q = (filter.q ?? '').trim();
  // Typed without æ, ø, å ('baerum'): also compare with the slugs, which spell them that way.
  const slug = /^[\x20-\x7e]+$/.test(q) ? slugify(q) : '';
  const listed = { listed: LISTED_ORGANISATIONS, first: filter.organisation };
  const rows = await selectMunicipalities(db, today, listed, (query) =>
    query
      .$if(filter.county !== undefined, (qb) =>
        qb.where('m.county_number', '=', filter.county ?? ''),
      )
      .$if(filter.organisation !== undefined, (qb) =>
        qb.where(memberTodaySql(today, filter.organisation)),
      )
      .$if(filter.membersOnly === true && filter.organisation === undefined, (qb) =>
        qb.where(memberTodayKnownSql(today)),
      )
      .$if(/^[0-9]{4}$/.test(q), (qb) => qb.where('m.number', '=', q))
      .$if(q !== '' && !/^[0-9]{4}$/.test(q), (qb) =>
        qb.where((eb) =>
          eb.or([
            nbContains('m.name', q),
            ...(slug === '' ? [] : [sql<boolean>`strpos(m.slug, ${slug}) > 0`]),
          ]),
        ),
      )
      .$if(after !== null, (qb) =>
        qb.where(nbAfter('m', 'name', 'number', after ?? { name: '', number: '' })),
      )
      .orderBy(nbOrder('m', 'name', 'number'))
      .limit(limit + 1),
  ).execute();
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
  const row = await selectMunicipalities(db, today, { listed: null }, (rows) =>
    rows.where('m.slug', '=', slug),
  )
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('region_municipality as rm')
          .innerJoin('region as r', 'r.id', 'rm.region_id')
          .select(['r.slug', 'r.name'])
          .whereRef('rm.municipality_number', '=', 'ml.number')
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
          .whereRef('mm.municipality_number', '=', 'ml.number')
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
          .whereRef('pa.municipality_number', '=', 'ml.number')
          .where(publicProjectSql('p', now))
          .orderBy(nbOrder('p', 'title')),
      ).as('projects'),
    ])
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
