import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  latestLock,
  releaseAttempt,
  reserveAttempt,
  type ThrottleRule,
  type ThrottleState,
} from '../../src/index.ts';

const MINUTE = 60_000;
const RULE: ThrottleRule = { limit: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
const t0 = new Date('2026-11-27T10:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);

/** Reserves and expects it granted; returns the next state. */
const granted = (state: ThrottleState | null, now: Date): ThrottleState => {
  const reservation = reserveAttempt(state, RULE, now);
  if (!reservation.granted) throw new Error('expected the attempt to be granted');
  return reservation.next;
};

describe('reserveAttempt / releaseAttempt', () => {
  it('grants five attempts in a window; the fifth locks the key for 15 minutes', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 5; i++) state = granted(state, at(i));
    expect(state).toEqual({ failures: 5, windowStart: at(0), lockedUntil: at(19) });
    expect(reserveAttempt(state, RULE, at(10))).toEqual({ granted: false, lockedUntil: at(19) });
    // Once the lock has run out, a new window starts at 1.
    expect(granted(state, at(19))).toEqual({ failures: 1, windowStart: at(19), lockedUntil: null });
  });

  it('starts a new window when the failures are older than the window', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 4; i++) state = granted(state, at(i));
    expect(granted(state, at(15))).toEqual({ failures: 1, windowStart: at(15), lockedUntil: null });
  });

  it('a success gives its attempt back and lifts the lock it set', () => {
    let state: ThrottleState | null = null;
    for (let i = 0; i < 5; i++) state = granted(state, at(i));
    const released = releaseAttempt(state as ThrottleState, RULE, at(4));
    expect(released).toEqual({ failures: 4, windowStart: at(0), lockedUntil: null });
    // A window that began after the reservation is not touched.
    const fresh = { failures: 1, windowStart: at(20), lockedUntil: null };
    expect(releaseAttempt(fresh, RULE, at(4))).toEqual(fresh);
  });

  it('refuses a full key whose lock ended before its window did', () => {
    const full = { failures: 5, windowStart: at(0), lockedUntil: at(2) };
    expect(reserveAttempt(full, RULE, at(3))).toEqual({ granted: false, lockedUntil: at(15) });
  });

  it('latestLock picks the latest date', () => {
    expect(latestLock([])).toBeNull();
    expect(latestLock([at(3), at(9), at(1)])).toEqual(at(9));
  });

  it('never lets more than the limit of attempts fail within one window, whatever the order', () => {
    // Events at non-decreasing times: start an attempt, or finish a pending one (ok or failed).
    const event = fc.record({
      advance: fc.integer({ min: 0, max: 4 * MINUTE }),
      start: fc.boolean(),
      pick: fc.nat(),
      ok: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 200 }), (events) => {
        let state: ThrottleState | null = null;
        let now = t0.getTime();
        const pending: { reservedAt: Date; window: number }[] = [];
        const failedPerWindow = new Map<number, number>();
        for (const e of events) {
          now += e.advance;
          if (e.start || pending.length === 0) {
            const reservation = reserveAttempt(state, RULE, new Date(now));
            if (reservation.granted) {
              state = reservation.next;
              pending.push({ reservedAt: new Date(now), window: state.windowStart.getTime() });
            }
            continue;
          }
          const [done] = pending.splice(e.pick % pending.length, 1);
          if (done === undefined || state === null) continue;
          if (e.ok) state = releaseAttempt(state, RULE, done.reservedAt);
          else failedPerWindow.set(done.window, (failedPerWindow.get(done.window) ?? 0) + 1);
        }
        for (const count of failedPerWindow.values()) expect(count).toBeLessThanOrEqual(RULE.limit);
        // Pending and failed attempts together never exceed the limit either.
        expect(state === null || state.failures <= RULE.limit).toBe(true);
      }),
    );
  });
});
