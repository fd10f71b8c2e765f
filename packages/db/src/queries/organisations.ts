import {
  type IsoDate,
  isActiveOn,
  isPublic,
  type MemberView,
  type OrganisationDetail,
  type OrganisationSummary,
  type RegionMembershipView,
} from '@klimakommuner/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import {
  byName,
  collator,
  currentMembers,
  loadMembershipWorld,
  loadMunicipalityRefs,
  type MembershipWorld,
  type OrganisationRecord,
  regionRef,
} from './world.ts';

const summary = (o: OrganisationRecord, memberCount: number): OrganisationSummary => ({
  slug: o.slug,
  name: o.name,
  shortName: o.shortName,
  kind: o.kind,
  established: o.established,
  county: o.county,
  memberCount,
});

/** Every organisation, sorted by name, with how many municipalities are members today. */
export const listOrganisations = async (
  db: Kysely<Database>,
  today: IsoDate,
): Promise<OrganisationSummary[]> => {
  const world = await loadMembershipWorld(db);
  const members = currentMembers(world, today);
  return world.organisations.map((o) => summary(o, members.get(o.slug)?.length ?? 0)).sort(byName);
};

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

/** The public detail and the stored profile behind it; shared with the editors' view. */
export const loadOrganisationDetail = async (
  db: Kysely<Database>,
  slug: string,
  today: IsoDate,
  now: Date,
): Promise<{ detail: OrganisationDetail; record: OrganisationRecord } | null> => {
  const world = await loadMembershipWorld(db);
  const organisation = world.organisations.find((o) => o.slug === slug);
  if (!organisation) return null;
  const members = currentMembers(world, today).get(slug) ?? [];
  const regions = currentRegions(world, slug, today);
  const refs = await loadMunicipalityRefs(db, [
    ...new Set([
      ...members.map((m) => m.municipality),
      ...regions.flatMap((r) => r.municipalities),
    ]),
  ]);
  const ref = (number: string) => {
    const found = refs.get(number);
    if (!found) throw new Error(`Membership refers to unknown municipality ${number}`);
    return found;
  };
  const memberViews: MemberView[] = members
    .map((m) => ({
      municipality: ref(m.municipality),
      from: m.from,
      to: m.to,
      via: regionRef(world, m.via),
    }))
    .sort((a, b) => collator.compare(a.municipality.name, b.municipality.name));
  const regionViews: RegionMembershipView[] = regions.map((r) => ({
    region: r.region,
    from: r.from,
    to: r.to,
    municipalities: r.municipalities.map(ref).sort(byName),
  }));
  const detail: OrganisationDetail = {
    ...summary(organisation, memberViews.length),
    members: memberViews,
    regions: regionViews,
    profile: isPublic(organisation.profile, now)
      ? {
          descriptionHtml: organisation.profile.descriptionHtml,
          website: organisation.profile.website,
          contactEmail: organisation.profile.contactEmail,
        }
      : null,
  };
  return { detail, record: organisation };
};

/** The regions that are members of the organisation today, sorted by name. */
const currentRegions = (world: MembershipWorld, organisation: string, today: IsoDate) =>
  world.memberships
    .filter((m) => m.organisation === organisation && isActiveOn(m, today))
    .flatMap((m) => {
      if (m.member.kind !== 'region') return [];
      const slug = m.member.slug;
      const region = world.regions.find((r) => r.slug === slug);
      if (!region) return [];
      return [
        {
          region: { slug, name: region.name },
          from: m.from,
          to: m.to,
          municipalities: region.municipalities,
        },
      ];
    })
    .sort((a, b) => collator.compare(a.region.name, b.region.name));
