import type { OrganisationKind } from './organisation.ts';

/** How every read model names an organisation and a region (see ../content/views.ts). */

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
