import { describe, expect, it } from 'vitest';
import {
  articleQuery,
  articleSearch,
  parseArticleFilter,
} from '../src/lib/feeds/article-filter.ts';

const parse = (search: string) => parseArticleFilter(new URLSearchParams(search));

describe('the /aktuelt filter', () => {
  it('reads utgiver, tema, prosjekt and kommune into the API filter', () => {
    const { filter, valid } = parse('utgiver=ken&tema=klimatilpasning&prosjekt=p&kommune=3218');
    expect(valid).toBe(true);
    expect(articleQuery(filter)).toEqual({
      publisher: 'ken',
      theme: 'klimatilpasning',
      project: 'p',
      municipality: '3218',
    });
    expect(articleSearch(filter)).toBe('?utgiver=ken&tema=klimatilpasning&prosjekt=p&kommune=3218');
  });

  it('treats blank values as absent, and refuses malformed ones', () => {
    expect(parse('utgiver=&tema=').filter).toMatchObject({ utgiver: null, tema: null });
    expect(articleSearch(parse('').filter)).toBe('');
    expect(parse('kommune=32').valid).toBe(false);
    expect(parse('utgiver=Not%20a%20slug').valid).toBe(false);
    expect(parse(`fra=${'x'.repeat(201)}`).valid).toBe(false);
  });
});
