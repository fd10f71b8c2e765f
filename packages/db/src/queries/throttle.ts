import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/** A throttled key ('email:ola@example.no', 'address:192.0.2.1') and its failure limit. */
export interface ThrottleKey {
  readonly key: string;
  /** Failures within the window that lock the key (5 for an email, 20 for an address). */
  readonly limit: number;
}

export interface ThrottleOptions {
  /** How long failures count (default 15 minutes). */
  readonly windowMs?: number;
  /** How long a key stays locked once its limit is reached (default 15 minutes). */
  readonly lockMs?: number;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

export interface ThrottleStatus {
  /** The latest lock still in force, or null when no key is locked. */
  readonly lockedUntil: Date | null;
}

const latest = (dates: readonly (Date | null)[], now: Date): Date | null =>
  dates.reduce<Date | null>(
    (max, d) => (d !== null && d > now && (max === null || d > max) ? d : max),
    null,
  );

/**
 * Counts one failed sign-in against every key. A failure inside the key's window adds to its
 * count, a later one starts a new window; reaching the limit locks the key for `lockMs`.
 * One `insert … on conflict do update` per key, so concurrent API processes count correctly.
 */
export const recordSignInFailure = async (
  db: Kysely<Database>,
  keys: readonly ThrottleKey[],
  now: Date,
  options: ThrottleOptions = {},
): Promise<ThrottleStatus> => {
  const windowStart = new Date(now.getTime() - (options.windowMs ?? FIFTEEN_MINUTES));
  const lockUntil = new Date(now.getTime() + (options.lockMs ?? FIFTEEN_MINUTES));
  const locks: (Date | null)[] = [];
  for (const { key, limit } of keys) {
    const inWindow = sql<boolean>`sign_in_throttle.window_start > ${windowStart}::timestamptz`;
    const failures = sql<number>`case when ${inWindow} then sign_in_throttle.failures + 1 else 1 end`;
    const row = await db
      .insertInto('sign_in_throttle')
      .values({
        key,
        failures: 1,
        window_start: now,
        locked_until: limit <= 1 ? lockUntil : null,
      })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures,
          window_start: sql`case when ${inWindow} then sign_in_throttle.window_start else ${now}::timestamptz end`,
          locked_until: sql`case when ${failures} >= ${limit}::int
            then greatest(sign_in_throttle.locked_until, ${lockUntil}::timestamptz)
            else sign_in_throttle.locked_until end`,
        }),
      )
      .returning('locked_until')
      .executeTakeFirstOrThrow();
    locks.push(row.locked_until);
  }
  return { lockedUntil: latest(locks, now) };
};

/** The latest lock in force on any of the keys. */
export const throttleStatus = async (
  db: Kysely<Database>,
  keys: readonly string[],
  now: Date,
): Promise<ThrottleStatus> => {
  if (keys.length === 0) return { lockedUntil: null };
  const rows = await db
    .selectFrom('sign_in_throttle')
    .select('locked_until')
    .where('key', 'in', keys)
    .where('locked_until', '>', now)
    .execute();
  return {
    lockedUntil: latest(
      rows.map((r) => r.locked_until),
      now,
    ),
  };
};

/** Forgets the failures of the keys (after a successful sign-in, typically the email's key). */
export const clearSignInFailures = async (
  db: Kysely<Database>,
  keys: readonly string[],
): Promise<void> => {
  if (keys.length === 0) return;
  await db.deleteFrom('sign_in_throttle').where('key', 'in', keys).execute();
};
