import type { OrganisationRef } from '@klimakommuner/domain';

/** The publishers of the site in the order it presents them; any others follow. */
const PUBLISHERS = ['kommunenettverk-for-klimaomstilling', 'ken', 'akershus-fylkeskommune'];

const rank = (slug: string): number => {
  const index = PUBLISHERS.indexOf(slug);
  return index === -1 ? PUBLISHERS.length : index;
};

/** The organisations in the site's order: the two networks, then the county authority. */
export const inPublisherOrder = <T extends OrganisationRef>(organisations: readonly T[]): T[] =>
  [...organisations].sort((a, b) => rank(a.slug) - rank(b.slug));

/** «KEN – Klima- og energinettverk i Folloregionen», or the name alone. */
export const fullName = (organisation: OrganisationRef): string =>
  organisation.shortName ? `${organisation.shortName} – ${organisation.name}` : organisation.name;
