import type { MunicipalityListItem } from '@klimakommuner/domain';
import MunicipalityTable from '@klimakommuner/ui/MunicipalityTable.svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';

// A list names at most LISTED_ORGANISATIONS of a municipality's organisations; the table says
// how many more there are and links to the municipality's page, which names them all.

const network = (slug: string, name: string) => ({
  slug,
  name,
  shortName: null,
  kind: 'network' as const,
  via: null,
});

const asker: MunicipalityListItem = {
  number: '3203',
  name: 'Asker',
  slug: 'asker',
  county: { number: '32', name: 'Akershus' },
  population: 98815,
  populationYear: 2024,
  organisations: [
    network('a', 'Asker og omegn'),
    network('b', 'Bærekraftnettverket'),
    network('c', 'Kommunenettverk for klimaomstilling'),
  ],
  organisationCount: 5,
};

const table = (municipalities: MunicipalityListItem[], withHref: boolean) =>
  render(MunicipalityTable, {
    props: {
      caption: 'Kommuner',
      municipalities,
      organisationsHeading: 'Nettverk',
      organisationHref: (o: { slug: string }) => `/nettverk/${o.slug}`,
      municipalityHref: withHref ? (m: { slug: string }) => `/kommuner/${m.slug}` : undefined,
    },
  }).body;

describe('MunicipalityTable', () => {
  it('names the listed organisations and links «og N til» to the municipality', () => {
    const html = table([asker], true);
    expect(html).toContain('Bærekraftnettverket');
    expect(html).toMatch(
      /<a class="ds-link" href="\/kommuner\/asker">og 2 til<span class="ds-sr-only">: alle organisasjonene til Asker<\/span><\/a>/,
    );
  });

  it('says nothing more when every organisation is named, and no link without a page', () => {
    expect(table([{ ...asker, organisationCount: 3 }], true)).not.toContain(' til<');
    const plain = table([asker], false);
    expect(plain).toContain('og 2 til');
    expect(plain).not.toContain('href="/kommuner/asker"');
  });
});
