import { Result } from 'effect';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromOsloLocal, toOsloLocal } from '../../src/index.ts';

const read = (value: string) => {
  const result = fromOsloLocal(value);
  return Result.isSuccess(result) ? result.success : result.failure;
};

describe('Norwegian wall-clock time', () => {
  it('shows an instant as the clock in Oslo reads it, in winter and in summer', () => {
    expect(toOsloLocal('2026-01-15T11:30:00Z')).toBe('2026-01-15T12:30');
    expect(toOsloLocal('2026-07-15T11:30:00Z')).toBe('2026-07-15T13:30');
    expect(toOsloLocal(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01T00:30');
    expect(toOsloLocal(null)).toBe('');
    expect(toOsloLocal('ikke en tid')).toBe('');
  });

  it('reads a typed time back as the instant it stands for', () => {
    expect(read('2026-01-15T12:30')).toEqual({
      instant: '2026-01-15T11:30:00.000Z',
      repeated: false,
    });
    expect(read('2026-07-15T13:30')).toEqual({
      instant: '2026-07-15T11:30:00.000Z',
      repeated: false,
    });
  });

  it('refuses the half hour the clock skips when summer time begins, and says why', () => {
    const skipped = read('2026-03-29T02:30');
    expect(skipped).toMatchObject({ _tag: 'OsloTimeSkipped' });
    expect((skipped as Error).message).toBe(
      'Klokka 02.30 finnes ikke natt til 29.03.2026: da stilles klokka fram fra 02.00 til 03.00 (sommertid). Velg et annet klokkeslett.',
    );
    // Either side of the jump is fine.
    expect(read('2026-03-29T01:59')).toEqual({
      instant: '2026-03-29T00:59:00.000Z',
      repeated: false,
    });
    expect(read('2026-03-29T03:00')).toEqual({
      instant: '2026-03-29T01:00:00.000Z',
      repeated: false,
    });
  });

  it('reads the hour that comes twice when summer time ends as the second one, and says it came twice', () => {
    expect(read('2026-10-25T02:30')).toEqual({
      instant: '2026-10-25T01:30:00.000Z',
      repeated: true,
    });
    expect(read('2026-10-25T03:00')).toEqual({
      instant: '2026-10-25T02:00:00.000Z',
      repeated: false,
    });
  });

  it('refuses what is not a datetime-local value or not a real day', () => {
    for (const bad of [
      '',
      '2026-03-01',
      '01.03.2026 08:00',
      '2026-03-01 08:00',
      '2026-02-30T08:00',
      '2026-13-01T08:00',
      '0000-01-01T08:00',
      '2026-03-01T24:00',
      '2026-03-01T08:60',
    ]) {
      expect(read(bad), bad).toMatchObject({ _tag: 'OsloTimeInvalid' });
    }
  });

  it('round-trips every minute of every year: the instant shown reads back as itself', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2090-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const minute = new Date(Math.floor(date.getTime() / 60_000) * 60_000);
          const shown = toOsloLocal(minute);
          const back = read(shown) as { instant: string; repeated: boolean };
          // The repeated hour reads back as its winter-time instant; every other minute as itself.
          const expected = back.repeated
            ? new Date(Date.parse(`${shown}:00Z`) - 3_600_000)
            : minute;
          expect(back.instant).toBe(expected.toISOString());
        },
      ),
      { numRuns: 2000 },
    );
  });
});
