import { Schema } from 'effect';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, formatDateNb, IsoDate, isIsoDate, todayIso } from '../../src/index.ts';

const anyDay = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2199-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe('isIsoDate', () => {
  it('accepts real days and rejects impossible or malformed ones', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-01', '2024-01-01T00:00', '', 20240101]) {
      expect(isIsoDate(bad)).toBe(false);
    }
  });

  it('agrees with the schema and accepts every day the calendar has', () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        expect(isIsoDate(day)).toBe(true);
        expect(Schema.is(IsoDate)(day)).toBe(true);
      }),
    );
  });

  it('orders days as strings the same way as in time', () => {
    fc.assert(
      fc.property(anyDay, anyDay, (a, b) => {
        expect(a < b).toBe(Date.parse(a) < Date.parse(b));
      }),
    );
  });
});

describe('formatDateNb', () => {
  it.each([
    ['2024-01-01', '1. januar 2024'],
    ['2023-05-17', '17. mai 2023'],
    ['1999-12-31', '31. desember 1999'],
  ])('%s → %s', (iso, text) => {
    expect(formatDateNb(iso)).toBe(text);
  });

  it('leaves a non-date untouched', () => {
    expect(formatDateNb('snart')).toBe('snart');
  });
});

describe('todayIso', () => {
  it('uses the calendar day in Oslo, not UTC', () => {
    // 23:30 UTC on 30 June is 01:30 on 1 July in Oslo (summer time, UTC+2).
    expect(todayIso(new Date('2024-06-30T23:30:00Z'))).toBe('2024-07-01');
    // 22:59 UTC on 31 December is 23:59 in Oslo (winter time, UTC+1).
    expect(todayIso(new Date('2024-12-31T22:59:00Z'))).toBe('2024-12-31');
    expect(todayIso(new Date('2024-12-31T23:00:00Z'))).toBe('2025-01-01');
  });

  it('returns a valid IsoDate for any instant in four-digit years', () => {
    const instant = fc.date({
      min: new Date('1000-01-02T00:00:00Z'),
      max: new Date('9999-12-30T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(fc.property(instant, (d) => isIsoDate(todayIso(d))));
  });
});

describe('addDays', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
  });
});
