import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, statusOn, takesPartOn } from '../../src/index.ts';
import { DAYS, day, participationHistory, timelineOf } from '../arbitraries.ts';

/** A timeline as the rules build it: steps oldest first, never before the previous one. */
const timeline = participationHistory({ maxGap: 4, distinct: false });

describe('takesPartOn: status not withdrawn on the day', () => {
  it('is false before the first step and follows the last step on or before the day', () => {
    fc.assert(
      fc.property(timeline, day, (t, date) => {
        const before = [...t.history].reverse().find((step) => step.since <= date);
        expect(statusOn(t, date)).toBe(before?.status ?? null);
        expect(takesPartOn(t, date)).toBe(before !== undefined && before.status !== 'withdrawn');
      }),
    );
  });

  it('from the last step on, is the current status that is not withdrawn', () => {
    fc.assert(
      fc.property(timeline, fc.integer({ min: 0, max: DAYS }), (t, later) => {
        expect(takesPartOn(t, addDays(t.since, later))).toBe(t.status !== 'withdrawn');
      }),
    );
  });

  it('counts a withdrawal only from its day, and a participation only once it has begun', () => {
    const withdrawsLater = timelineOf(
      { status: 'participating', since: '2025-03-01' },
      { status: 'withdrawn', since: '2027-01-01' },
    );
    expect(takesPartOn(withdrawsLater, '2026-11-30')).toBe(true);
    expect(takesPartOn(withdrawsLater, '2027-01-01')).toBe(false);
    const startsLater = timelineOf({ status: 'interested', since: '2027-02-01' });
    expect(takesPartOn(startsLater, '2026-11-30')).toBe(false);
    expect(statusOn(startsLater, '2026-11-30')).toBeNull();
  });

  it('on a day with two steps, the one recorded last wins', () => {
    const sameDay = timelineOf(
      { status: 'interested', since: '2025-01-01' },
      { status: 'withdrawn', since: '2025-05-01' },
      { status: 'participating', since: '2025-05-01' },
    );
    expect(takesPartOn(sameDay, '2025-05-01')).toBe(true);
    expect(statusOn(sameDay, '2025-04-30')).toBe('interested');
  });

  it('uses the current status when no history was kept', () => {
    const bare = { status: 'withdrawn' as const, since: '2025-01-01', history: [] };
    expect(takesPartOn(bare, '2024-12-31')).toBe(false);
    expect(takesPartOn({ ...bare, status: 'completed' }, '2025-01-01')).toBe(true);
  });
});
