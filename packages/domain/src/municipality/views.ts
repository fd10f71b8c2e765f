import type { MembershipStartPrecision } from '../network/membership-start.ts';
import type { OrganisationRef, RegionRef } from '../network/refs.ts';
import type { MunicipalityProjectView } from '../project/views.ts';
import type { CountyRef, MunicipalityRef } from './refs.ts';

/** Read models of counties and municipalities (see ../content/views.ts). */

export interface CountyView extends CountyRef {
  /** How many municipalities of this county belong to at least one organisation today. */
  readonly memberMunicipalityCount: number;
  readonly municipalityCount: number;
}

/** One organisation a municipality belongs to today. */
export interface MunicipalityOrganisation extends OrganisationRef {
  readonly via: RegionRef | null;
}

/**
 * How many of a municipality's organisations a list item names (`MunicipalityListItem`): a list
 * stays the same size per item however many networks a municipality joins; the municipality's own
 * page names them all.
 */
export const LISTED_ORGANISATIONS = 3;

export interface MunicipalityListItem extends MunicipalityRef {
  readonly population: number | null;
  readonly populationYear: number | null;
  /**
   * The organisations it belongs to today, in Norwegian order: in a list the first
   * LISTED_ORGANISATIONS of them, in MunicipalityDetail all of them.
   */
  readonly organisations: readonly MunicipalityOrganisation[];
  /** How many organisations it belongs to today, named or not. */
  readonly organisationCount: number;
}

/** A membership of a municipality, past, present or future, direct or through a region. */
export interface MunicipalityMembershipView {
  readonly organisation: OrganisationRef;
  readonly from: string;
  readonly fromPrecision: MembershipStartPrecision;
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
