import {
  type IsoDate,
  isActiveOn,
  type MunicipalityDetail,
  type MunicipalityListItem,
  type MunicipalityMembershipView,
  type MunicipalityOrganisation,
  type Page,
  slugify,
} from '@klimakommuner/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { municipalityProjects } from './projects.ts';
import {
  byName,
  collator,
  currentMembers,
  loadMembershipWorld,
  type MembershipWorld,
  organisationRef,
  regionRef,
} from './world.ts';

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

const selectMunicipalities = (db: Kysely<Database>) =>
  db
    .selectFrom('municipality as m')
    .innerJoin('county as c', 'c.number', 'm.county_number')
    .select([
      'm.number',
      'm.name',
      'm.slug',
      'm.population',
      'm.population_year',
      'c.number as county_number',
      'c.name as county_name',
    ]);

type Row = Awaited<ReturnType<ReturnType<typeof selectMunicipalities>['execute']>>[number];

/** Today's organisations of every member municipality, by kommunenummer, sorted by name. */
const organisationsByMunicipality = (world: MembershipWorld, today: IsoDate) => {
  const result = new Map<string, MunicipalityOrganisation[]>();
  const members = currentMembers(world, today);
  for (const o of [...world.organisations].sort(byName)) {
    for (const m of members.get(o.slug) ?? []) {
      const list = result.get(m.municipality) ?? [];
      list.push({ ...organisationRef(o), via: regionRef(world, m.via) });
      result.set(m.municipality, list);
    }
  }
  return result;
};

const listItem = (
  row: Row,
  organisations: readonly MunicipalityOrganisation[],
): MunicipalityListItem => ({
  number: row.number,
  name: row.name,
  slug: row.slug,
  county: { number: row.county_number, name: row.county_name },
  population: row.population,
  populationYear: row.population_year,
  organisations,
});

const matches = (q: string) => {
  const query = q.trim();
  if (query === '') return () => true;
  if (/^[0-9]{4}$/.test(query)) return (row: Row) => row.number === query;
  const needle = query.toLocaleLowerCase('nb');
  // Typed without æ, ø, å ('baerum'): also compare with the slugs, which spell them that way.
  const slug = /^[\x20-\x7e]+$/.test(query) ? slugify(query) : '';
  return (row: Row) =>
    row.name.toLocaleLowerCase('nb').includes(needle) || (slug !== '' && row.slug.includes(slug));
};

/** Sort key of the list: the name in Norwegian order, the number breaking ties. */
const compare = (a: { name: string; number: string }, b: { name: string; number: string }) =>
  collator.compare(a.name, b.name) || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);

/**
 * One page of municipalities sorted by name. Two queries plus the membership world, whatever
 * the filter: 357 rows are filtered and sorted in memory so both engines order alike.
 * Unknown organisation or county → an empty page. Throws InvalidCursorError on a bad cursor.
 */
export const listMunicipalities = async (
  db: Kysely<Database>,
  filter: MunicipalityFilter,
  today: IsoDate,
): Promise<Page<MunicipalityListItem>> => {
  const after = filter.cursor ? decodeCursor(filter.cursor) : null;
  let query = selectMunicipalities(db);
  if (filter.county !== undefined) query = query.where('m.county_number', '=', filter.county);
  const [rows, world] = await Promise.all([query.execute(), loadMembershipWorld(db)]);
  const organisations = organisationsByMunicipality(world, today);
  const inOrganisation =
    filter.organisation === undefined
      ? null
      : new Set(
          (currentMembers(world, today).get(filter.organisation) ?? []).map((m) => m.municipality),
        );
  const match = matches(filter.q ?? '');
  const selected = rows
    .filter((row) => inOrganisation === null || inOrganisation.has(row.number))
    .filter((row) => !filter.membersOnly || organisations.has(row.number))
    .filter(match)
    .sort(compare)
    .filter((row) => after === null || compare(row, after) > 0);
  const limit = Math.max(1, Math.floor(filter.limit));
  const page = selected.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => listItem(row, organisations.get(row.number) ?? [])),
    nextCursor: selected.length > limit && last ? encodeCursor(last) : null,
  };
};

/**
 * The municipality with its memberships and the public projects (at `now`) it takes part in.
 */
export const getMunicipality = async (
  db: Kysely<Database>,
  slug: string,
  today: IsoDate,
  now: Date = new Date(),
): Promise<MunicipalityDetail | null> => {
  const [row, world] = await Promise.all([
    selectMunicipalities(db).where('m.slug', '=', slug).executeTakeFirst(),
    loadMembershipWorld(db),
  ]);
  if (!row) return null;
  const regions = world.regions.filter((r) => r.municipalities.includes(row.number));
  const regionSlugs = new Set(regions.map((r) => r.slug));
  const memberships: MunicipalityMembershipView[] = world.memberships.flatMap((m) => {
    const direct = m.member.kind === 'municipality' && m.member.number === row.number;
    const via = m.member.kind === 'region' && regionSlugs.has(m.member.slug) ? m.member.slug : null;
    const organisation = world.organisations.find((o) => o.slug === m.organisation);
    if ((!direct && via === null) || !organisation) return [];
    return [
      {
        organisation: organisationRef(organisation),
        from: m.from,
        to: m.to,
        via: regionRef(world, via),
        current: isActiveOn(m, today),
      },
    ];
  });
  memberships.sort(
    (a, b) =>
      collator.compare(a.organisation.name, b.organisation.name) || a.from.localeCompare(b.from),
  );
  return {
    ...listItem(row, organisationsByMunicipality(world, today).get(row.number) ?? []),
    regions: regions.map((r) => ({ slug: r.slug, name: r.name })).sort(byName),
    memberships,
    projects: await municipalityProjects(db, row.number, now),
  };
};
