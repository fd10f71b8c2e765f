import { Result, Schema } from 'effect';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  County,
  checkMunicipalityNumber,
  formatPopulation,
  InvalidMunicipalityNumber,
  Municipality,
  MunicipalityCountyMismatch,
  UnknownMunicipalityNumber,
} from '../../src/index.ts';
import { failureOf } from '../run.ts';

describe('checkMunicipalityNumber', () => {
  it('accepts four digits that start with the county number', () => {
    expect(checkMunicipalityNumber('3301', '33')).toEqual(Result.succeed('3301'));
    expect(checkMunicipalityNumber('0301', '03')).toEqual(Result.succeed('0301'));
  });

  it.each(['330', '33011', '33a1', '', ' 3301', '３３０１'])(
    'rejects %j as not four digits',
    (number) => {
      const error = failureOf(checkMunicipalityNumber(number, '33'));
      expect(error).toBeInstanceOf(InvalidMunicipalityNumber);
      expect(error._tag).toBe('InvalidMunicipalityNumber');
      expect(error.message).toBe('Kommunenummeret må ha nøyaktig fire sifre.');
    },
  );

  it('rejects a number from another county with a Norwegian message', () => {
    const error = failureOf(checkMunicipalityNumber('3301', '32'));
    expect(error).toBeInstanceOf(MunicipalityCountyMismatch);
    expect(error._tag).toBe('MunicipalityCountyMismatch');
    expect(error.message).toBe(
      'Kommunenummer 3301 hører ikke til fylke 32 (de to første sifrene må være fylkesnummeret).',
    );
  });

  it('accepts exactly the numbers whose prefix is the county', () => {
    const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
    fc.assert(
      fc.property(digits(4), digits(2), (number, county) => {
        const accepted = Result.isSuccess(checkMunicipalityNumber(number, county));
        expect(accepted).toBe(number.slice(0, 2) === county);
      }),
    );
  });
});

describe('Municipality schema', () => {
  const drammen = {
    number: '3301',
    name: 'Drammen',
    slug: 'drammen',
    countyNumber: '33',
    population: 104_487,
    populationYear: 2025,
  };
  const decode = Schema.decodeUnknownExit(Municipality);

  it('accepts a valid municipality, also without population', () => {
    expect(decode(drammen)._tag).toBe('Success');
    expect(decode({ ...drammen, population: null, populationYear: null })._tag).toBe('Success');
  });

  it('rejects a number outside its county, a bad slug and a population without year', () => {
    expect(decode({ ...drammen, countyNumber: '32' })._tag).toBe('Failure');
    expect(decode({ ...drammen, number: '331' })._tag).toBe('Failure');
    expect(decode({ ...drammen, slug: 'Drammen' })._tag).toBe('Failure');
    expect(decode({ ...drammen, populationYear: null })._tag).toBe('Failure');
    expect(decode({ ...drammen, population: -1 })._tag).toBe('Failure');
  });
});

describe('County schema', () => {
  it('requires a two-digit number and a name', () => {
    expect(Schema.is(County)({ number: '33', name: 'Buskerud' })).toBe(true);
    expect(Schema.is(County)({ number: '3', name: 'Buskerud' })).toBe(false);
    expect(Schema.is(County)({ number: '33', name: '' })).toBe(false);
  });
});

describe('formatPopulation', () => {
  it('groups thousands with a non-breaking space', () => {
    expect(formatPopulation(98815)).toBe('98\u00a0815');
    expect(formatPopulation(1_234_567)).toBe('1\u00a0234\u00a0567');
    expect(formatPopulation(950)).toBe('950');
  });

  it('keeps every digit and never uses an ordinary space', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        const text = formatPopulation(n);
        expect(text).not.toMatch(/ /);
        expect(text.replaceAll('\u00a0', '')).toBe(String(n));
      }),
    );
  });
});

describe('UnknownMunicipalityNumber', () => {
  it('names the municipality an old number belonged to, and today’s number', () => {
    expect(
      new UnknownMunicipalityNumber({
        number: '3025',
        renumberedTo: { number: '3203', name: 'Asker' },
      }).message,
    ).toBe('3025 var kommunenummeret til Asker før 2024. Asker har nå kommunenummer 3203.');
    const unknown = new UnknownMunicipalityNumber({ number: '0220', renumberedTo: null });
    expect(unknown.message).toMatch(/^Ingen kommune har kommunenummer 0220 i dag\./);
    expect(unknown.message).toMatch(/velg den fra listen/);
  });
});
