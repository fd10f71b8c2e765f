import { describe, expect, it } from 'vitest';
import { isFiltered, pageLinks } from '../src/lib/filters.ts';
import {
  chosenFacets,
  facetHref,
  libraryHref,
  parseResourceFilter,
  resourceQuery,
} from '../src/lib/resource-filter.ts';

const parse = (search: string) => parseResourceFilter(new URLSearchParams(search));

describe('parseResourceFilter', () => {
  it('reads an empty address as every resource, and blank values as absent', () => {
    for (const search of ['', 'q=%20&type=&tema=&prosjekt=&eier=&kommune=&fra=']) {
      const { filter, valid } = parse(search);
      expect(valid).toBe(true);
      expect(isFiltered(filter)).toBe(false);
      expect(resourceQuery(filter, 20)).toEqual({ limit: 20 });
    }
  });

  it('turns the Norwegian parameters into the search’s query', () => {
    const { filter, valid } = parse(
      'q=anskaffelser+i+kommunene&type=guide&tema=innkjop&prosjekt=gronn-mobilitet&eier=ken&kommune=3207&fra=abc',
    );
    expect(valid).toBe(true);
    expect(resourceQuery(filter, 20)).toEqual({
      limit: 20,
      q: 'anskaffelser i kommunene',
      kind: 'guide',
      theme: 'innkjop',
      project: 'gronn-mobilitet',
      organisation: 'ken',
      municipality: '3207',
      cursor: 'abc',
    });
  });

  it.each([
    'type=brosjyre',
    'tema=Ikke%20en%20slug',
    'kommune=32',
    'eier=-ken',
    `q=${'å'.repeat(201)}`,
    `fra=${'x'.repeat(300)}`,
  ])('refuses %s, which cannot match anything, and drops its cursor', (search) => {
    const { filter, valid } = parse(`${search}&fra=abc`);
    expect(valid).toBe(false);
    expect(filter.fra).toBeNull();
  });

  it('keeps words that are too long in the field, so they can be shortened', () => {
    const long = 'ø'.repeat(201);
    expect(parse(`q=${long}`).filter.q).toBe(long);
  });
});

describe('facet links', () => {
  const { filter } = parse('q=klima&tema=innkjop&fra=abc');

  it('adds a facet to what is chosen, from the first page, keeping the words', () => {
    expect(facetHref(filter, 'kind', 'template')).toBe(
      '/verktoy?q=klima&type=template&tema=innkjop',
    );
  });

  it('replaces a facet’s value and clears it with null', () => {
    expect(facetHref(filter, 'theme', 'mat')).toBe('/verktoy?q=klima&tema=mat');
    expect(facetHref(filter, 'theme', null)).toBe('/verktoy?q=klima');
  });

  it('keeps the chosen facets in the search form, and not the words or the page', () => {
    expect(chosenFacets(parse('q=klima&eier=ken&kommune=3207&fra=abc').filter)).toEqual([
      { name: 'eier', value: 'ken' },
      { name: 'kommune', value: '3207' },
    ]);
  });

  it('links another page’s short list to the library filtered the same way', () => {
    expect(libraryHref('project', 'gronn-mobilitet')).toBe('/verktoy?prosjekt=gronn-mobilitet');
    expect(libraryHref('municipality', '3207')).toBe('/verktoy?kommune=3207');
  });

  it('pages through the same search with the cursor', () => {
    expect(pageLinks('/verktoy', filter, 'def')).toEqual({
      nextHref: '/verktoy?q=klima&tema=innkjop&fra=def',
      firstHref: '/verktoy?q=klima&tema=innkjop',
    });
  });
});
