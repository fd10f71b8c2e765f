import { describe, expect, it } from 'vitest';
import { filterSearch, isFiltered, isKnown, parseFilter } from '../src/lib/filters.ts';

const parse = (search: string) => parseFilter(new URLSearchParams(search));

describe('parseFilter', () => {
  it('reads an empty query as no filter', () => {
    const { filter, valid } = parse('');
    expect(valid).toBe(true);
    expect(filter).toEqual({ nettverk: null, fylke: null, q: null, fra: null });
    expect(isFiltered(filter)).toBe(false);
  });

  it('treats empty and blank values as absent (what an untouched form sends)', () => {
    const { filter, valid } = parse('nettverk=&fylke=&q=%20%20');
    expect(valid).toBe(true);
    expect(isFiltered(filter)).toBe(false);
  });

  it('accepts a well-formed network, county and search', () => {
    const { filter, valid } = parse('nettverk=ken&fylke=32&q=%C3%85l');
    expect(valid).toBe(true);
    expect(filter).toEqual({ nettverk: 'ken', fylke: '32', q: 'Ål', fra: null });
  });

  it.each([
    'fylke=abc',
    'fylke=3',
    'fylke=320',
    'nettverk=Not%20a%20slug',
    'nettverk=-ken',
    `q=${'a'.repeat(101)}`,
    `fra=${'x'.repeat(501)}`,
  ])('rejects %s', (search) => {
    expect(parse(search).valid).toBe(false);
  });
});

describe('isKnown', () => {
  it('accepts only networks and counties the selects offer', () => {
    const { filter } = parse('nettverk=finnes-ikke');
    expect(isKnown(filter, ['ken'], ['32'])).toBe(false);
    expect(isKnown(parse('nettverk=ken&fylke=32').filter, ['ken'], ['32'])).toBe(true);
    expect(isKnown(parse('fylke=99').filter, ['ken'], ['32'])).toBe(false);
  });
});

describe('filterSearch', () => {
  it('keeps the filter and sets the cursor for the next page', () => {
    const { filter } = parse('nettverk=ken&q=%C3%85s&fra=old');
    expect(filterSearch(filter, 'abc')).toBe('?nettverk=ken&q=%C3%85s&fra=abc');
    expect(filterSearch(parse('').filter, null)).toBe('');
  });
});
