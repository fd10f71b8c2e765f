import type { MunicipalityDetail, OrganisationDetail } from '@klimakommuner/domain';
import { describe, expect, it } from 'vitest';
import { jsonLdElement, municipalityJsonLd, organisationJsonLd } from '../src/lib/json-ld.ts';

const ORIGIN = 'https://klimakommuner.no';
const county = { number: '32', name: 'Akershus', slug: 'akershus' };
const asker = { number: '3203', name: 'Asker', slug: 'asker', county };

const parsed = (element: string): unknown =>
  JSON.parse(
    element.replace(/^<script type="application\/ld\+json">/, '').replace(/<\/script>$/, ''),
  );

describe('JSON-LD', () => {
  it('cannot be ended early by a value: every < is escaped, and the data survives', () => {
    const element = jsonLdElement({ name: 'A </script><script>alert(1)</script> & «B»' });
    expect(element.match(/<\/script>/g)).toHaveLength(1);
    expect(element.endsWith('</script>')).toBe(true);
    expect(parsed(element)).toEqual({ name: 'A </script><script>alert(1)</script> & «B»' });
  });

  it('describes a network as a GovernmentOrganization with its members and contact', () => {
    const network = {
      slug: 'ken',
      name: 'Klima- og energinettverk i Folloregionen',
      shortName: 'KEN',
      kind: 'network',
      established: 2010,
      county: null,
      memberCount: 1,
      logo: null,
      members: [
        { municipality: asker, from: '2016-01-01', fromPrecision: 'year', to: null, via: null },
      ],
      regions: [],
      profile: { descriptionHtml: '', website: 'https://ken.no', contactEmail: 'post@ken.no' },
      people: [],
    } as unknown as OrganisationDetail;
    expect(organisationJsonLd(network, ORIGIN)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'GovernmentOrganization',
      '@id': `${ORIGIN}/nettverk/ken`,
      name: 'Klima- og energinettverk i Folloregionen',
      alternateName: 'KEN',
      url: `${ORIGIN}/nettverk/ken`,
      foundingDate: '2010',
      sameAs: 'https://ken.no',
      email: 'post@ken.no',
      member: [
        {
          '@type': 'GovernmentOrganization',
          name: 'Asker kommune',
          url: `${ORIGIN}/kommuner/asker`,
        },
      ],
    });
  });

  it('describes a municipality with its kommunenummer, county and current networks only', () => {
    const ken = { slug: 'ken', name: 'KEN', shortName: null, kind: 'network' };
    const old = { slug: 'gammelt', name: 'Gammelt nettverk', shortName: null, kind: 'network' };
    const municipality = {
      ...asker,
      population: 1,
      populationYear: 2024,
      organisations: [],
      regions: [],
      projects: [],
      memberships: [
        {
          organisation: ken,
          from: '2016-01-01',
          fromPrecision: 'year',
          to: null,
          via: null,
          current: true,
        },
        {
          organisation: old,
          from: '2010-01-01',
          fromPrecision: 'year',
          to: '2012-01-01',
          via: null,
          current: false,
        },
      ],
    } as unknown as MunicipalityDetail;
    const data = municipalityJsonLd(municipality, ORIGIN);
    expect(data).toMatchObject({
      '@type': 'GovernmentOrganization',
      name: 'Asker kommune',
      identifier: { propertyID: 'kommunenummer', value: '3203' },
      areaServed: { containedInPlace: { name: 'Akershus' } },
      memberOf: [{ name: 'KEN', url: `${ORIGIN}/nettverk/ken` }],
    });
    expect(JSON.stringify(data)).not.toContain('Gammelt');
  });
});
