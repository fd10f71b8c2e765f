import { PROJECT_STATUSES } from '@klimakommuner/domain';
import { describe, expect, it } from 'vitest';
import {
  filterSearch,
  isFiltered,
  isOffered,
  pageLinks,
  parseFilter,
  parseProjectFilter,
} from '../src/lib/filters.ts';

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
    // The API takes a cursor of at most 200 characters (the domain's Cursor).
    `fra=${'x'.repeat(201)}`,
    'q=a%00b',
  ])('rejects %s', (search) => {
    expect(parse(search).valid).toBe(false);
  });

  it('accepts a cursor of 200 characters, the longest the API takes', () => {
    expect(parse(`fra=${'x'.repeat(200)}`).valid).toBe(true);
  });
});

describe('isOffered', () => {
  const offered = { nettverk: ['ken'], fylke: ['32'] };

  it('accepts only networks and counties the selects offer', () => {
    const { filter } = parse('nettverk=finnes-ikke');
    expect(isOffered(filter, offered)).toBe(false);
    expect(isOffered(parse('nettverk=ken&fylke=32').filter, offered)).toBe(true);
    expect(isOffered(parse('fylke=99').filter, offered)).toBe(false);
  });
});

describe('filterSearch', () => {
  it('keeps the filter and sets the cursor for the next page', () => {
    const { filter } = parse('nettverk=ken&q=%C3%85s&fra=old');
    expect(filterSearch(filter, 'abc')).toBe('?nettverk=ken&q=%C3%85s&fra=abc');
    expect(filterSearch(parse('').filter, null)).toBe('');
  });

  it('links the next page and, from a later page, back to the first', () => {
    const { filter } = parse('nettverk=ken&fra=old');
    expect(pageLinks('/kommuner', filter, 'abc')).toEqual({
      nextHref: '/kommuner?nettverk=ken&fra=abc',
      firstHref: '/kommuner?nettverk=ken',
    });
    expect(pageLinks('/kommuner', parse('').filter, null)).toEqual({
      nextHref: null,
      firstHref: null,
    });
  });
});

describe('parseProjectFilter', () => {
  const parseProjects = (search: string) => parseProjectFilter(new URLSearchParams(search));

  it('reads an empty query as no filter', () => {
    const { filter, valid } = parseProjects('');
    expect(valid).toBe(true);
    expect(filter).toEqual({ tema: null, status: null, kommune: null, fra: null });
    expect(isFiltered(filter)).toBe(false);
  });

  it('treats empty and blank values as absent (what an untouched form sends)', () => {
    const { filter, valid } = parseProjects('tema=&status=&kommune=%20');
    expect(valid).toBe(true);
    expect(isFiltered(filter)).toBe(false);
  });

  it('accepts a well-formed theme, status and municipality number', () => {
    const { filter, valid } = parseProjects('tema=klimatilpasning&status=ongoing&kommune=3407');
    expect(valid).toBe(true);
    expect(filter).toEqual({
      tema: 'klimatilpasning',
      status: 'ongoing',
      kommune: '3407',
      fra: null,
    });
    expect(isFiltered(filter)).toBe(true);
  });

  it.each(PROJECT_STATUSES)('accepts the status %s', (status) => {
    expect(parseProjects(`status=${status}`).valid).toBe(true);
  });

  it.each([
    'status=Pågår',
    'status=pagar',
    'status=withdrawn',
    'status=ONGOING',
    'kommune=abc',
    'kommune=340',
    'kommune=34070',
    'kommune=gjovik',
    'tema=Ikke%20et%20tema',
    'tema=-energi',
    `tema=${'a'.repeat(101)}`,
    `fra=${'x'.repeat(501)}`,
    `fra=${'x'.repeat(201)}`,
  ])('rejects %s', (search) => {
    expect(parseProjects(search).valid).toBe(false);
  });

  it('drops the malformed values from what the form shows, keeping the well-formed ones', () => {
    const { filter, valid } = parseProjects('tema=energi&status=bogus&kommune=12&fra=abc');
    expect(valid).toBe(false);
    expect(filter).toEqual({ tema: 'energi', status: null, kommune: null, fra: null });
  });
});

describe('isOffered for projects', () => {
  const filterOf = (search: string) => parseProjectFilter(new URLSearchParams(search)).filter;
  const offered = (tema: string[], kommune: string[]) => ({ tema, kommune });

  it('accepts only themes and municipalities the selects offer', () => {
    expect(isOffered(filterOf(''), offered([], []))).toBe(true);
    expect(isOffered(filterOf('tema=energi&kommune=3407'), offered(['energi'], ['3407']))).toBe(
      true,
    );
    expect(isOffered(filterOf('tema=finnes-ikke'), offered(['energi'], ['3407']))).toBe(false);
    expect(isOffered(filterOf('kommune=9999'), offered(['energi'], ['3407']))).toBe(false);
    // The status is checked by the parser; it does not depend on the options.
    expect(isOffered(filterOf('status=completed'), offered([], []))).toBe(true);
  });
});

describe('filterSearch for projects', () => {
  it('keeps the filter and sets the cursor for the next page', () => {
    const { filter } = parseProjectFilter(
      new URLSearchParams('tema=energi&status=planned&kommune=3407&fra=old'),
    );
    expect(filterSearch(filter, 'abc')).toBe('?tema=energi&status=planned&kommune=3407&fra=abc');
    expect(filterSearch(filter, null)).toBe('?tema=energi&status=planned&kommune=3407');
    expect(filterSearch(parseProjectFilter(new URLSearchParams('')).filter, null)).toBe('');
  });
});
