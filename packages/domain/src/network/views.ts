import type { Status } from '../content/status.ts';
import type { CountyRef, MunicipalityRef } from '../municipality/refs.ts';
import type { MunicipalityListItem } from '../municipality/views.ts';
import type { PersonView } from '../project/views.ts';
import type { OrganisationLogo } from './logo.ts';
import type { MembershipStartPrecision } from './membership-start.ts';
import type { OrganisationRef, RegionRef } from './refs.ts';

/** Read models of organisations, regions and memberships (see ../content/views.ts). */

export interface OrganisationSummary extends OrganisationRef {
  readonly established: number | null;
  /** The county an authority belongs to; null for networks. */
  readonly county: CountyRef | null;
  /** Municipalities that are members today, directly or through a region, counted once. */
  readonly memberCount: number;
  /** The publisher's logo, or null. */
  readonly logo: OrganisationLogo | null;
}

/** A municipality that is a member of an organisation today; `via` is the region it joined through. */
export interface MemberView {
  readonly municipality: MunicipalityRef;
  /** The day the rules count from; what is known of it is `fromPrecision` (membership-start.ts). */
  readonly from: string;
  readonly fromPrecision: MembershipStartPrecision;
  readonly to: string | null;
  readonly via: RegionRef | null;
}

export interface RegionMembershipView {
  readonly region: RegionRef;
  readonly from: string;
  readonly fromPrecision: MembershipStartPrecision;
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
  /**
   * The organisation's people (project leaders and contacts), sorted by role title, then name;
   * email and phone only with consent (publicContact).
   */
  readonly people: readonly PersonView[];
}

/** The public part of an organisation's editable profile. */
export interface OrganisationProfile {
  /** Sanitised HTML rendered from the Markdown description. */
  readonly descriptionHtml: string;
  readonly website: string | null;
  readonly contactEmail: string | null;
}

/** organisations.getForEdit: the detail plus the whole profile, whatever its status. */
export interface OrganisationEditView extends OrganisationDetail {
  /** Markdown. */
  readonly description: string;
  /** Sanitised HTML rendered from `description`. */
  readonly descriptionHtml: string;
  readonly website: string | null;
  readonly contactEmail: string | null;
  readonly status: Status;
  readonly publishAt: string | null;
  readonly version: number;
}

/** A region (e.g. Hallingdalsregionen): a group of municipalities that may join a network together. */
export interface RegionView extends RegionRef {
  readonly municipalityCount: number;
}

/** A region's membership of an organisation, past, present or future. */
export interface RegionOrganisationView {
  readonly organisation: OrganisationRef;
  readonly from: string;
  readonly to: string | null;
  /** Whether the membership holds today. */
  readonly current: boolean;
}

/** regions.get: the region, its municipalities (with their networks today) and its memberships. */
export interface RegionDetail extends RegionView {
  readonly municipalities: readonly MunicipalityListItem[];
  readonly memberships: readonly RegionOrganisationView[];
}

/** Who a membership is for, with the names the admin shows. */
export type MembershipMemberView =
  | { readonly kind: 'municipality'; readonly municipality: MunicipalityRef }
  | { readonly kind: 'region'; readonly region: RegionRef };

/** memberships.list: every membership of an organisation, past, present and future. */
export interface MembershipEditView {
  readonly id: string;
  readonly member: MembershipMemberView;
  /** The day the rules count from; show it as `fromPrecision` says (membership-start.ts). */
  readonly from: string;
  readonly fromPrecision: MembershipStartPrecision;
  readonly to: string | null;
  readonly version: number;
  /** Whether the membership holds today. */
  readonly current: boolean;
}
