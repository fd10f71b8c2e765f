import {
  latestLock,
  releaseAttempt,
  reserveAttempt,
  type ThrottleRule,
  type ThrottleState,
} from '@klimakommuner/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

/** A throttled key ('email:ola@example.no', 'address:192.0.2.1') and the rule it follows. */
export interface ThrottledKey {
  readonly key: string;
  readonly rule: ThrottleRule;
}

export type AttemptReservation =
  /** Counted on every key; give it back with `releaseAttempts` if the attempt succeeds. */
  | { readonly granted: true; readonly reservedAt: Date }
  /** Refused: a key is locked until `lockedUntil`; nothing was counted. */
  | { readonly granted: false; readonly lockedUntil: Date };

/**
 * Creates the keys' rows when missing, then locks them in key order (one order everywhere, so
 * two attempts sharing keys never deadlock) for the rest of the transaction. Another process
 * reserving the same key waits here until this transaction ends: that row lock is what makes
 * the count hold across connections and processes. PGlite runs one transaction at a time anyway.
 */
const lockKeys = async (
  trx: Transaction<Database>,
  keys: readonly string[],
  now: Date,
): Promise<Map<string, ThrottleState>> => {
  const sorted = [...new Set(keys)].sort();
  await trx
    .insertInto('sign_in_throttle')
    .values(sorted.map((key) => ({ key, failures: 0, window_start: now, locked_until: null })))
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const rows = await trx
    .selectFrom('sign_in_throttle')
    .selectAll()
    .where('key', 'in', sorted)
    .orderBy('key')
    .forUpdate()
    .execute();
  return new Map(
    rows.map((r) => [
      r.key,
      { failures: r.failures, windowStart: r.window_start, lockedUntil: r.locked_until },
    ]),
  );
};

const store = async (trx: Transaction<Database>, key: string, state: ThrottleState) => {
  await trx
    .updateTable('sign_in_throttle')
    .set({
      failures: state.failures,
      window_start: state.windowStart,
      locked_until: state.lockedUntil,
    })
    .where('key', '=', key)
    .execute();
};

/** Runs `use` in a transaction that holds the keys' rows locked (lockKeys), with their states. */
const withLockedKeys = <T>(
  db: Kysely<Database>,
  keys: readonly ThrottledKey[],
  at: Date,
  use: (trx: Transaction<Database>, states: Map<string, ThrottleState>) => Promise<T>,
): Promise<T> =>
  db.transaction().execute(async (trx) =>
    use(
      trx,
      await lockKeys(
        trx,
        keys.map((k) => k.key),
        at,
      ),
    ),
  );

/**
 * Reserves one attempt on every key at once, before the password is checked: the attempt
 * counts as a failure from now on. Refused (and nothing counted) when any key is locked.
 */
export const reserveAttempts = (
  db: Kysely<Database>,
  keys: readonly ThrottledKey[],
  now: Date,
): Promise<AttemptReservation> =>
  withLockedKeys(db, keys, now, async (trx, states) => {
    const next: [string, ThrottleState][] = [];
    const locks: Date[] = [];
    for (const { key, rule } of keys) {
      const reservation = reserveAttempt(states.get(key) ?? null, rule, now);
      if (reservation.granted) next.push([key, reservation.next]);
      else locks.push(reservation.lockedUntil);
    }
    const lockedUntil = latestLock(locks);
    if (lockedUntil !== null) return { granted: false, lockedUntil };
    for (const [key, state] of next) await store(trx, key, state);
    return { granted: true, reservedAt: now };
  });

/** Gives back an attempt reserved at `reservedAt` that succeeded (see `releaseAttempt`). */
export const releaseAttempts = (
  db: Kysely<Database>,
  keys: readonly ThrottledKey[],
  reservedAt: Date,
): Promise<void> =>
  withLockedKeys(db, keys, reservedAt, async (trx, states) => {
    for (const { key, rule } of keys) {
      const state = states.get(key);
      if (state !== undefined) await store(trx, key, releaseAttempt(state, rule, reservedAt));
    }
  });
