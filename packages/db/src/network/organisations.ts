import {
  type IsoDate,
  isPublic,
  type MembershipStartPrecision,
  type MemberView,
  type MunicipalityRef,
  type OrganisationDetail,
  type OrganisationLogo,
  type OrganisationRef,
  type OrganisationSummary,
  type RegionMembershipView,
  type RegionRef,
} from '@klimakommuner/domain';
import { type Kysely, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { nbOrder } from '../content/order.ts';
import { municipalityRefJson } from '../municipality/refs.ts';
import { type PersonRow, personView, selectPeople } from '../project/people.ts';
import type { Database } from '../schema.ts';
import { membersOnSql } from './members.ts';
import type { OrganisationRecord } from './membership-world.ts';
import { regionRefJson } from './refs.ts';

// Reads of organisations decide in SQL (decision 0021): today's members come from membersOnSql,
// the order from the sort keys, relations as JSON arrays in the same statement.

/** How many municipalities are members of each organisation today, as a subquery `mc`. */
const memberCounts = (db: Kysely<Database>, today: IsoDate) =>
  db
    .selectFrom(membersOnSql(db, today).as('cm'))
    .select(['cm.organisation_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('cm.organisation_id');

/** Every organisation, sorted by name, with how many municipalities are members today; one statement. */
export const listOrganisations = async (
  db: Kysely<Database>,
  today: IsoDate,
): Promise<OrganisationSummary[]> =>
  (
    await db
      .selectFrom('organisation as o')
      .leftJoin('county as c', 'c.number', 'o.county_number')
      .leftJoin(memberCounts(db, today).as('mc'), 'mc.organisation_id', 'o.id')
      .leftJoin('stored_file as lf', 'lf.id', 'o.logo_file_id')
      .select([
        'o.slug',
        'o.name',
        'o.short_name',
        'o.kind',
        'o.established',
        'c.number as county_number',
        'c.name as county_name',
        'mc.n',
        'o.logo_alt',
        'lf.id as logo_file',
        'lf.width as logo_width',
        'lf.height as logo_height',
      ])
      .orderBy(nbOrder('o'))
      .execute()
  ).map((o) => ({
    slug: o.slug,
    name: o.name,
    shortName: o.short_name,
    kind: o.kind,
    established: o.established,
    county:
      o.county_number && o.county_name ? { number: o.county_number, name: o.county_name } : null,
    memberCount: Number(o.n ?? 0),
    logo: logoOf(o.logo_file, o.logo_alt, o.logo_width, o.logo_height),
  }));

/** An organisation's logo from its stored file's columns, or null without one. */
const logoOf = (
  file: string | null,
  altText: string,
  width: number | null,
  height: number | null,
): OrganisationLogo | null =>
  file === null ? null : { file, url: `/files/${file}`, altText, width, height };

/** Every organisation as a ref, sorted by name; one statement. */
export const listOrganisationRefs = async (db: Kysely<Database>): Promise<OrganisationRef[]> =>
  await db
    .selectFrom('organisation as o')
    .select(['o.slug', 'o.name', 'o.short_name as shortName', 'o.kind'])
    .orderBy(nbOrder('o'))
    .execute();

/**
 * The public detail of an organisation. Its profile (description, website, contact) shows only
 * while the domain's isPublic holds at `now`: drafts, items in review, archived or scheduled
 * profiles come back as `profile: null`.
 */
export const getOrganisation = async (
  db: Kysely<Database>,
  slug: string,
  today: IsoDate,
  now: Date = new Date(),
): Promise<OrganisationDetail | null> =>
  (await loadOrganisationDetail(db, slug, today, now))?.detail ?? null;

/**
 * The public detail and the stored profile behind it; shared with the editors' view. One
 * statement: the organisation, today's members (membersOnSql) with their refs, today's member
 * regions with their municipalities, and its people, each list sorted in SQL.
 */
export const loadOrganisationDetail = async (
  db: Kysely<Database>,
  slug: string,
  today: IsoDate,
  now: Date,
): Promise<{ detail: OrganisationDetail; record: OrganisationRecord } | null> => {
  const day = sql<string>`cast(${today} as date)`;
  const o = await db
    .selectFrom('organisation as org')
    .leftJoin('county as c', 'c.number', 'org.county_number')
    .leftJoin('stored_file as lf', 'lf.id', 'org.logo_file_id')
    .selectAll('org')
    .select([
      'c.number as county_name_number',
      'c.name as county_name',
      'lf.width as logo_width',
      'lf.height as logo_height',
      (eb) =>
        jsonArrayFrom(
          eb
            .selectFrom(membersOnSql(db, today).as('cm'))
            .innerJoin('municipality as m', 'm.number', 'cm.municipality_number')
            .innerJoin('county as mc', 'mc.number', 'm.county_number')
            .leftJoin('region as r', 'r.slug', 'cm.via')
            .select([
              sql<MunicipalityRef>`${municipalityRefJson('m', 'mc')}`.as('municipality'),
              'cm.from_date as from',
              'cm.from_precision as fromPrecision',
              'cm.to_date as to',
              regionRefJson('r').as('via'),
            ])
            .whereRef('cm.organisation_id', '=', 'org.id')
            .orderBy(nbOrder('m', 'name', 'number')),
        ).as('members'),
      (eb) =>
        jsonArrayFrom(
          eb
            .selectFrom('membership as ms')
            .innerJoin('region as r', 'r.id', 'ms.region_id')
            .select((inner) => [
              sql<RegionRef>`json_build_object('slug', r.slug, 'name', r.name)`.as('region'),
              'ms.from_date as from',
              'ms.from_precision as fromPrecision',
              'ms.to_date as to',
              jsonArrayFrom(
                inner
                  .selectFrom('region_municipality as rm')
                  .innerJoin('municipality as m', 'm.number', 'rm.municipality_number')
                  .innerJoin('county as rc', 'rc.number', 'm.county_number')
                  .select([
                    'm.number',
                    'm.name',
                    'm.slug',
                    sql<{
                      number: string;
                      name: string;
                    }>`json_build_object('number', rc.number, 'name', rc.name)`.as('county'),
                  ])
                  .whereRef('rm.region_id', '=', 'r.id')
                  .orderBy(nbOrder('m', 'name', 'number')),
              ).as('municipalities'),
            ])
            .whereRef('ms.organisation_id', '=', 'org.id')
            .where('ms.from_date', '<=', day)
            .where((w) => w.or([w('ms.to_date', 'is', null), w('ms.to_date', '>=', day)]))
            .orderBy(nbOrder('r'))
            .orderBy('ms.from_date'),
        ).as('regions'),
      (_eb) =>
        jsonArrayFrom(
          selectPeople(db)
            .where(sql<boolean>`p.organisation_id = org.id`)
            .orderBy(sql`nb_sort_key(p.title), p.title collate "C"`)
            .orderBy(nbOrder('p', 'name', 'id')),
        ).as('people'),
    ])
    .where('org.slug', '=', slug)
    .executeTakeFirst();
  if (!o) return null;
  const record: OrganisationRecord = {
    id: o.id,
    slug: o.slug,
    name: o.name,
    shortName: o.short_name,
    kind: o.kind,
    established: o.established,
    county:
      o.county_name_number && o.county_name
        ? { number: o.county_name_number, name: o.county_name }
        : null,
    profile: {
      description: o.description,
      descriptionHtml: o.description_html,
      website: o.website,
      contactEmail: o.contact_email,
      status: o.status,
      publishAt: o.publish_at ? new Date(o.publish_at).toISOString() : null,
      version: o.version,
      updatedAt: o.updated_at,
    },
  };
  const members: MemberView[] = o.members.map((m) => ({
    municipality: m.municipality,
    from: m.from,
    fromPrecision: m.fromPrecision as MembershipStartPrecision,
    to: m.to,
    via: m.via,
  }));
  const regions: RegionMembershipView[] = o.regions.map((r) => ({
    region: r.region,
    from: r.from,
    fromPrecision: r.fromPrecision as MembershipStartPrecision,
    to: r.to,
    municipalities: r.municipalities,
  }));
  const detail: OrganisationDetail = {
    slug: record.slug,
    name: record.name,
    shortName: record.shortName,
    kind: record.kind,
    established: record.established,
    county: record.county,
    memberCount: members.length,
    logo: logoOf(o.logo_file_id, o.logo_alt, o.logo_width, o.logo_height),
    members,
    regions,
    profile: isPublic(record.profile, now)
      ? {
          descriptionHtml: record.profile.descriptionHtml,
          website: record.profile.website,
          contactEmail: record.profile.contactEmail,
        }
      : null,
    people: o.people.map((p) => personView(p as PersonRow)),
  };
  return { detail, record };
};
