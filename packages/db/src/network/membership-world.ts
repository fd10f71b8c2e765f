import type {
  CountyRef,
  Membership,
  MembershipStartPrecision,
  OrganisationRef,
  RegionRecord,
  Status,
} from '@klimakommuner/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

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
  memberships: StoredMembership[];
  regions: RegionRecord[];
}

/** A membership with what is known of its start (the rules need only the Membership). */
export interface StoredMembership extends Membership {
  readonly fromPrecision: MembershipStartPrecision;
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
        'm.from_precision',
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
      fromPrecision: m.from_precision,
      to: m.to_date,
    })),
    regions,
  };
};
