import { describe, expect, it } from 'vitest';
import {
  filterSearch,
  isFiltered,
  isKnown,
  isKnownProjectFilter,
  isProjectFiltered,
  PROJECT_STATUSES,
  parseFilter,
  parseProjectFilter,
  projectFilterSearch,
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

describe('parseProjectFilter', () => {
  const parseProjects = (search: string) => parseProjectFilter(new URLSearchParams(search));

  it('reads an empty query as no filter', () => {
    const { filter, valid } = parseProjects('');
    expect(valid).toBe(true);
    expect(filter).toEqual({ tema: null, status: null, kommune: null, fra: null });
    expect(isProjectFiltered(filter)).toBe(false);
  });

  it('treats empty and blank values as absent (what an untouched form sends)', () => {
    const { filter, valid } = parseProjects('tema=&status=&kommune=%20');
    expect(valid).toBe(true);
    expect(isProjectFiltered(filter)).toBe(false);
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
    expect(isProjectFiltered(filter)).toBe(true);
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
  ])('rejects %s', (search) => {
    expect(parseProjects(search).valid).toBe(false);
  });

  it('drops the malformed values from what the form shows, keeping the well-formed ones', () => {
    const { filter, valid } = parseProjects('tema=energi&status=bogus&kommune=12&fra=abc');
    expect(valid).toBe(false);
    expect(filter).toEqual({ tema: 'energi', status: null, kommune: null, fra: null });
  });
});

describe('isKnownProjectFilter', () => {
  const filterOf = (search: string) => parseProjectFilter(new URLSearchParams(search)).filter;

  it('accepts only themes and municipalities the selects offer', () => {
    expect(isKnownProjectFilter(filterOf(''), [], [])).toBe(true);
    expect(isKnownProjectFilter(filterOf('tema=energi&kommune=3407'), ['energi'], ['3407'])).toBe(
      true,
    );
    expect(isKnownProjectFilter(filterOf('tema=finnes-ikke'), ['energi'], ['3407'])).toBe(false);
    expect(isKnownProjectFilter(filterOf('kommune=9999'), ['energi'], ['3407'])).toBe(false);
    // The status is checked by the parser; it does not depend on the options.
    expect(isKnownProjectFilter(filterOf('status=completed'), [], [])).toBe(true);
  });
});

describe('projectFilterSearch', () => {
  it('keeps the filter and sets the cursor for the next page', () => {
    const { filter } = parseProjectFilter(
      new URLSearchParams('tema=energi&status=planned&kommune=3407&fra=old'),
    );
    expect(projectFilterSearch(filter, 'abc')).toBe(
      '?tema=energi&status=planned&kommune=3407&fra=abc',
    );
    expect(projectFilterSearch(filter, null)).toBe('?tema=energi&status=planned&kommune=3407');
    expect(projectFilterSearch(parseProjectFilter(new URLSearchParams('')).filter, null)).toBe('');
  });
});
