/**
 * Attempt throttling (sign-in, password change): each attempt is reserved — counted as a
 * failure — before the password is checked, and released again when it succeeds. Because the
 * count goes up first, no more than `limit` failed checks happen per window however many
 * attempts arrive at once; attempts beyond it are refused without checking anything.
 */

/** How many failures a key (an email, a client address) may have, and for how long. */
export interface ThrottleRule {
  /** Failures within the window that lock the key. */
  readonly limit: number;
  /** How long a failure counts, from the first failure of the window. */
  readonly windowMs: number;
  /** How long the key stays locked once it reaches the limit. */
  readonly lockMs: number;
}

/** One key's counter as stored. */
export interface ThrottleState {
  /** Failed and pending attempts within the window. */
  readonly failures: number;
  readonly windowStart: Date;
  readonly lockedUntil: Date | null;
}

export type Reservation =
  | { readonly granted: true; readonly next: ThrottleState }
  | { readonly granted: false; readonly lockedUntil: Date };

const later = (a: Date, b: Date): Date => (a.getTime() >= b.getTime() ? a : b);

/**
 * Reserves one attempt on a key: refused while the key is locked (or full), else counted, and
 * the attempt that reaches the limit locks the key for `lockMs`. A failure older than the
 * window no longer counts: the next attempt starts a new window at 1.
 */
export const reserveAttempt = (
  state: ThrottleState | null,
  rule: ThrottleRule,
  now: Date,
): Reservation => {
  if (state?.lockedUntil && state.lockedUntil.getTime() > now.getTime()) {
    return { granted: false, lockedUntil: state.lockedUntil };
  }
  const inWindow = state !== null && now.getTime() - state.windowStart.getTime() < rule.windowMs;
  const failures = inWindow ? state.failures : 0;
  const windowStart = inWindow ? state.windowStart : now;
  if (failures >= rule.limit) {
    // Only reachable when the lock ended before the window did: wait for the window.
    return { granted: false, lockedUntil: new Date(windowStart.getTime() + rule.windowMs) };
  }
  const counted = failures + 1;
  return {
    granted: true,
    next: {
      failures: counted,
      windowStart,
      lockedUntil: counted >= rule.limit ? new Date(now.getTime() + rule.lockMs) : null,
    },
  };
};

/**
 * Gives back an attempt reserved at `reservedAt` that succeeded: one failure less, and no lock
 * once the count is under the limit again (a granted attempt found the key unlocked, so any lock
 * came from it or from attempts after it). A window started after the reservation is not the
 * one it was counted in, and is left alone.
 */
export const releaseAttempt = (
  state: ThrottleState,
  rule: ThrottleRule,
  reservedAt: Date,
): ThrottleState => {
  if (state.windowStart.getTime() > reservedAt.getTime() || state.failures === 0) return state;
  const failures = state.failures - 1;
  return {
    failures,
    windowStart: state.windowStart,
    lockedUntil: failures < rule.limit ? null : state.lockedUntil,
  };
};

/** The latest of the locks, or null for none. */
export const latestLock = (locks: readonly Date[]): Date | null =>
  locks.reduce<Date | null>((max, d) => (max === null ? d : later(max, d)), null);
