import {
  type CountyRef,
  type IsoDate,
  type Member,
  type Membership,
  type MunicipalityRef,
  membersOn,
  type OrganisationRef,
  type RegionRecord,
  type RegionRef,
  type Status,
} from '@klimakommuner/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/** Norwegian order: æ, ø, å after z. SQL collations differ between the engines, so sort in JS. */
export const collator = new Intl.Collator('nb', { sensitivity: 'variant' });
export const byName = <T extends { name: string }>(a: T, b: T): number =>
  collator.compare(a.name, b.name);

export interface OrganisationRecord extends OrganisationRef {
  id: string;
  established: number | null;
  county: CountyRef | null;
  /** The editable profile, whatever its status; only editors see it unless it is public. */
  profile: StoredProfile;
}

export interface StoredProfile {
  description: string;
  descriptionHtml: string;
  website: string | null;
  contactEmail: string | null;
  status: Status;
  /** ISO timestamp. */
  publishAt: string | null;
  version: number;
  updatedAt: Date;
}

/**
 * What the membership rules need, in three queries whatever the row count: organisations,
 * every membership, every region with its municipalities. The domain's `membersOn` then decides.
 */
export interface MembershipWorld {
  organisations: OrganisationRecord[];
  memberships: Membership[];
  regions: RegionRecord[];
}

// Kommunenummer of a region, sorted; an empty array (not [null]) for a region without any.
const regionMunicipalities = sql<string[]>`coalesce(
  array_agg(rm.municipality_number::text order by rm.municipality_number)
    filter (where rm.municipality_number is not null),
  '{}'::text[])`;

export const loadMembershipWorld = async (db: Kysely<Database>): Promise<MembershipWorld> => {
  const [orgs, memberships, regions] = await Promise.all([
    db
      .selectFrom('organisation as o')
      .leftJoin('county as c', 'c.number', 'o.county_number')
      .select([
        'o.id',
        'o.slug',
        'o.name',
        'o.short_name',
        'o.kind',
        'o.established',
        'c.number as county_number',
        'c.name as county_name',
        'o.description',
        'o.description_html',
        'o.website',
        'o.contact_email',
        'o.status',
        'o.publish_at',
        'o.version',
        'o.updated_at',
      ])
      .execute(),
    db
      .selectFrom('membership as m')
      .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
      .leftJoin('region as r', 'r.id', 'm.region_id')
      .select([
        'm.id',
        'o.slug as organisation',
        'm.municipality_number',
        'r.slug as region',
        'm.from_date',
        'm.to_date',
      ])
      .orderBy('m.from_date')
      .orderBy('m.id')
      .execute(),
    db
      .selectFrom('region as r')
      .leftJoin('region_municipality as rm', 'rm.region_id', 'r.id')
      .select(['r.slug', 'r.name', regionMunicipalities.as('municipalities')])
      .groupBy(['r.id', 'r.slug', 'r.name'])
      .execute(),
  ]);
  return {
    organisations: orgs.map((o) => ({
      id: o.id,
      slug: o.slug,
      name: o.name,
      shortName: o.short_name,
      kind: o.kind,
      established: o.established,
      county:
        o.county_number && o.county_name ? { number: o.county_number, name: o.county_name } : null,
      profile: {
        description: o.description,
        descriptionHtml: o.description_html,
        website: o.website,
        contactEmail: o.contact_email,
        status: o.status,
        publishAt: o.publish_at?.toISOString() ?? null,
        version: o.version,
        updatedAt: o.updated_at,
      },
    })),
    memberships: memberships.map((m) => ({
      id: m.id,
      organisation: m.organisation,
      member:
        m.municipality_number !== null
          ? { kind: 'municipality', number: m.municipality_number }
          : { kind: 'region', slug: m.region ?? '' },
      from: m.from_date,
      to: m.to_date,
    })),
    regions,
  };
};

export const organisationRef = (o: OrganisationRecord): OrganisationRef => ({
  slug: o.slug,
  name: o.name,
  shortName: o.shortName,
  kind: o.kind,
});

export const regionRef = (world: MembershipWorld, slug: string | null): RegionRef | null => {
  if (slug === null) return null;
  const region = world.regions.find((r) => r.slug === slug);
  return { slug, name: region?.name ?? slug };
};

/** Today's members of every organisation, by organisation slug. */
export const currentMembers = (
  world: MembershipWorld,
  today: IsoDate,
): Map<string, readonly Member[]> =>
  new Map(
    world.organisations.map((o) => [
      o.slug,
      membersOn(o.slug, today, world.memberships, world.regions),
    ]),
  );

/** Municipality refs with their county, for a set of numbers (or all when omitted). */
export const loadMunicipalityRefs = async (
  db: Kysely<Database>,
  numbers?: readonly string[],
): Promise<Map<string, MunicipalityRef>> => {
  if (numbers?.length === 0) return new Map();
  let query = db
    .selectFrom('municipality as m')
    .innerJoin('county as c', 'c.number', 'm.county_number')
    .select(['m.number', 'm.name', 'm.slug', 'c.number as county_number', 'c.name as county_name']);
  if (numbers) query = query.where('m.number', 'in', numbers);
  const rows = await query.execute();
  return new Map(
    rows.map((m) => [
      m.number,
      {
        number: m.number,
        name: m.name,
        slug: m.slug,
        county: { number: m.county_number, name: m.county_name },
      },
    ]),
  );
};
