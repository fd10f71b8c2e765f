import { Schema } from 'effect';
import { describe, expect, it } from 'vitest';
import { Organisation, OrganisationKind, organisationKindLabel } from '../../src/index.ts';

const network = {
  kind: 'network',
  slug: 'klimanettverk-hallingdal',
  name: 'Klimanettverk Hallingdal',
  shortName: null,
  established: 2019,
  countyNumber: null,
} as const;

describe('Organisation schema', () => {
  const valid = Schema.is(Organisation);

  it('accepts a network without county and an authority with one', () => {
    expect(valid(network)).toBe(true);
    expect(valid({ ...network, shortName: 'KNH', established: null })).toBe(true);
    expect(
      valid({
        ...network,
        kind: 'county-authority',
        slug: 'buskerud-fylkeskommune',
        countyNumber: '33',
      }),
    ).toBe(true);
  });

  it('rejects an authority without county, a network with one and unknown kinds', () => {
    expect(valid({ ...network, kind: 'county-authority' })).toBe(false);
    expect(valid({ ...network, countyNumber: '33' })).toBe(false);
    expect(valid({ ...network, kind: 'club' })).toBe(false);
    expect(valid({ ...network, established: 19.5 })).toBe(false);
  });
});

describe('organisationKindLabel', () => {
  it('labels each kind in Norwegian', () => {
    expect(organisationKindLabel('network')).toBe('Nettverk');
    expect(organisationKindLabel('county-authority')).toBe('Fylkeskommune');
    expect(Schema.is(OrganisationKind)('network')).toBe(true);
  });
});
