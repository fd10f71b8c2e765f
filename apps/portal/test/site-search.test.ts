import { describe, expect, it } from 'vitest';
import { parseSiteSearch, siteSearchHref, siteSearchQuery } from '../src/lib/site-search.ts';

const parse = (search: string) => parseSiteSearch(new URLSearchParams(search));

describe('the /sok address', () => {
  it('reads the words and the kind, and asks the API for exactly that', () => {
    const { filter, valid } = parse('q=grønne+anskaffelser&type=project');
    expect(valid).toBe(true);
    expect(siteSearchQuery(filter, 20)).toEqual({
      q: 'grønne anskaffelser',
      type: 'project',
      limit: 20,
    });
  });

  it('asks nothing without words', () => {
    expect(siteSearchQuery(parse('').filter, 20)).toBeNull();
    expect(siteSearchQuery(parse('q=+++&type=event').filter, 20)).toBeNull();
  });

  it('refuses an unknown kind, an overlong query or a forged cursor, keeping the words', () => {
    for (const bad of [
      'q=klima&type=person',
      `q=${'k'.repeat(201)}`,
      `q=klima&fra=${'x'.repeat(300)}`,
    ]) {
      const { filter, valid } = parse(bad);
      expect(valid, bad).toBe(false);
      expect(filter.q).toBeTruthy();
      expect(filter.fra).toBeNull();
    }
  });

  it('links to another kind from the first page, keeping the words', () => {
    const { filter } = parse('q=Ås&type=project&fra=bzoyMA');
    expect(siteSearchHref(filter, 'municipality')).toBe('/sok?q=%C3%85s&type=municipality');
    expect(siteSearchHref(filter, null)).toBe('/sok?q=%C3%85s');
  });
});
