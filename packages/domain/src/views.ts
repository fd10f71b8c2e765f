/**
 * Read models: the plain-JSON shapes the API returns and the apps render.
 * Dates are ISO 8601 calendar dates (`YYYY-MM-DD`); nothing here is a class instance,
 * so the shapes survive JSON, tRPC without a transformer, and SvelteKit's devalue.
 */

import type { MunicipalityProjectView } from './project-views.ts';

export type OrganisationKind = 'network' | 'county-authority';

export interface CountyRef {
  readonly number: string;
  readonly name: string;
}

export interface CountyView extends CountyRef {
  /** How many municipalities of this county belong to at least one organisation today. */
  readonly memberMunicipalityCount: number;
  readonly municipalityCount: number;
}

export interface OrganisationRef {
  readonly slug: string;
  readonly name: string;
  readonly shortName: string | null;
  readonly kind: OrganisationKind;
}

export interface RegionRef {
  readonly slug: string;
  readonly name: string;
}

export interface OrganisationSummary extends OrganisationRef {
  readonly established: number | null;
  /** The county an authority belongs to; null for networks. */
  readonly county: CountyRef | null;
  /** Municipalities that are members today, directly or through a region, counted once. */
  readonly memberCount: number;
}

export interface MunicipalityRef {
  readonly number: string;
  readonly name: string;
  readonly slug: string;
  readonly county: CountyRef;
}

/** A municipality that is a member of an organisation today; `via` is the region it joined through. */
export interface MemberView {
  readonly municipality: MunicipalityRef;
  readonly from: string;
  readonly to: string | null;
  readonly via: RegionRef | null;
}

export interface RegionMembershipView {
  readonly region: RegionRef;
  readonly from: string;
  readonly to: string | null;
  readonly municipalities: readonly MunicipalityRef[];
}

export interface OrganisationDetail extends OrganisationSummary {
  /** Every municipality that is a member today, sorted by name; through-region members marked by `via`. */
  readonly members: readonly MemberView[];
  /** The regions that are members today, with their municipalities. */
  readonly regions: readonly RegionMembershipView[];
  /** The editable profile, only while it is public (isPublic); null otherwise. */
  readonly profile: OrganisationProfile | null;
}

/** The public part of an organisation's editable profile. */
export interface OrganisationProfile {
  /** Sanitised HTML rendered from the Markdown description. */
  readonly descriptionHtml: string;
  readonly website: string | null;
  readonly contactEmail: string | null;
}

/** One organisation a municipality belongs to today. */
export interface MunicipalityOrganisation extends OrganisationRef {
  readonly via: RegionRef | null;
}

export interface MunicipalityListItem extends MunicipalityRef {
  readonly population: number | null;
  readonly populationYear: number | null;
  readonly organisations: readonly MunicipalityOrganisation[];
}

/** A membership of a municipality, past, present or future, direct or through a region. */
export interface MunicipalityMembershipView {
  readonly organisation: OrganisationRef;
  readonly from: string;
  readonly to: string | null;
  readonly via: RegionRef | null;
  /** Whether the membership holds today. */
  readonly current: boolean;
}

export interface MunicipalityDetail extends MunicipalityListItem {
  readonly regions: readonly RegionRef[];
  readonly memberships: readonly MunicipalityMembershipView[];
  /** The public projects the municipality has a participation in, with its current status. */
  readonly projects: readonly MunicipalityProjectView[];
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}
