import type {
  MunicipalityDetail,
  OrganisationDetail,
  OrganisationRef,
} from '@klimakommuner/domain';

/**
 * Structured data (schema.org as JSON-LD) for search engines and link previews. Every builder
 * takes the site's public origin, so the URLs are the canonical ones.
 */

export type JsonLd = Readonly<Record<string, unknown>>;

/**
 * The text of a `<script type="application/ld+json">` element holding `data`: every `<` is
 * escaped, so no value (a title with «</script>» in it) can end the element early. A data block is
 * not run, so the Content-Security-Policy (no inline scripts) does not apply to it.
 */
export const jsonLdElement = (data: JsonLd): string =>
  `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</` +
  'script>';

/** An organisation as a reference inside another item (publisher, organiser, member of). */
export const organisationRefJsonLd = (organisation: OrganisationRef, origin: string): JsonLd => ({
  '@type': 'GovernmentOrganization',
  name: organisation.name,
  url: `${origin}/nettverk/${organisation.slug}`,
});

/** A network or the county authority, with its members (municipalities) and contact. */
export const organisationJsonLd = (organisation: OrganisationDetail, origin: string): JsonLd => ({
  '@context': 'https://schema.org',
  '@type': 'GovernmentOrganization',
  '@id': `${origin}/nettverk/${organisation.slug}`,
  name: organisation.name,
  ...(organisation.shortName ? { alternateName: organisation.shortName } : {}),
  url: `${origin}/nettverk/${organisation.slug}`,
  ...(organisation.established ? { foundingDate: String(organisation.established) } : {}),
  ...(organisation.logo ? { logo: `${origin}/filer/${organisation.logo.file}` } : {}),
  ...(organisation.profile?.website ? { sameAs: organisation.profile.website } : {}),
  ...(organisation.profile?.contactEmail ? { email: organisation.profile.contactEmail } : {}),
  ...(organisation.county
    ? { areaServed: { '@type': 'AdministrativeArea', name: organisation.county.name } }
    : {}),
  ...(organisation.members.length > 0
    ? {
        member: organisation.members.map((member) => ({
          '@type': 'GovernmentOrganization',
          name: `${member.municipality.name} kommune`,
          url: `${origin}/kommuner/${member.municipality.slug}`,
        })),
      }
    : {}),
});

/** A municipality: its kommunenummer, county and the networks it belongs to today. */
export const municipalityJsonLd = (municipality: MunicipalityDetail, origin: string): JsonLd => {
  const memberOf = municipality.memberships
    .filter((membership) => membership.current)
    .map((membership) => organisationRefJsonLd(membership.organisation, origin));
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentOrganization',
    '@id': `${origin}/kommuner/${municipality.slug}`,
    name: `${municipality.name} kommune`,
    url: `${origin}/kommuner/${municipality.slug}`,
    identifier: {
      '@type': 'PropertyValue',
      propertyID: 'kommunenummer',
      value: municipality.number,
    },
    areaServed: {
      '@type': 'AdministrativeArea',
      name: municipality.name,
      containedInPlace: { '@type': 'AdministrativeArea', name: municipality.county.name },
    },
    ...(memberOf.length > 0 ? { memberOf } : {}),
  };
};
