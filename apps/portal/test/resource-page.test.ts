import type { ResourceDetail } from '@klimakommuner/domain';
import ResourcePage from '@klimakommuner/ui/ResourcePage.svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';

// A resource's facts name its themes and municipalities as a list a person reads aloud:
// «Nordre Follo, Ås», with the space (Svelte trims the whitespace at the end of a block, so a
// literal «, » inside {#if} once came out as «Nordre Follo,Ås»).

const akershus = { number: '32', name: 'Akershus' };

const resource: ResourceDetail = {
  slug: 'veileder-for-klimabudsjett',
  title: 'Veileder for klimabudsjett',
  summary: 'Slik setter en kommune opp et klimabudsjett.',
  kind: 'guide',
  themes: [
    { slug: 'utslippskutt', name: 'Utslippskutt' },
    { slug: 'strategisk-klimaarbeid', name: 'Strategisk klimaarbeid' },
  ],
  owner: { slug: 'ken', name: 'KEN', shortName: null, kind: 'network' },
  project: null,
  fileKinds: [],
  publishedOn: '2026-03-01',
  lastReviewedOn: null,
  demo: false,
  bodyHtml: '',
  municipalities: [
    { number: '3207', name: 'Nordre Follo', slug: 'nordre-follo', county: akershus },
    { number: '3218', name: 'Ås', slug: 'as', county: akershus },
  ],
  audience: [],
  language: 'nb',
  attachments: [],
  links: [],
};

/** The text of the page's `<dd>` after the `<dt>` named `term`, without markup or comments. */
const fact = (html: string, term: string) => {
  const after = html.split(`<dt>${term}</dt>`)[1] ?? '';
  const dd = /<dd>([\s\S]*?)<\/dd>/.exec(after)?.[1] ?? '';
  return dd.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, '');
};

describe('a resource page’s facts', () => {
  it('separates the themes and the municipalities with a comma and a space', () => {
    const { body } = render(ResourcePage, { props: { resource } });
    expect(fact(body, 'Tema')).toBe('Utslippskutt, Strategisk klimaarbeid');
    expect(fact(body, 'Kommuner')).toBe('Nordre Follo, Ås');
  });
});
