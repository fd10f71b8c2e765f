import { type DbHandle, releaseAttempts, reserveAttempts, writeAudit } from '@klimakommuner/db';
import { type AuditActor, type ThrottleRule, TooManyAttempts } from '@klimakommuner/domain';

type Db = DbHandle['db'];

/** Checks a password against a stored hash; injectable so tests can count the checks. */
export type VerifyPassword = (passwordHash: string, password: string) => Promise<boolean>;

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const THROTTLE_LOCK_MS = 15 * 60 * 1000;
/** Failed password checks within the window that lock an account (normalised email)… */
export const EMAIL_FAILURE_LIMIT = 5;
/** …and a client address, for THROTTLE_LOCK_MS. */
export const ADDRESS_FAILURE_LIMIT = 20;

const rule = (limit: number): ThrottleRule => ({
  limit,
  windowMs: THROTTLE_WINDOW_MS,
  lockMs: THROTTLE_LOCK_MS,
});

export interface Attempt {
  /** The account's normalised email: sign-in and password change share its count. */
  readonly email: string;
  readonly clientAddress: string;
  readonly now: Date;
  /** What the audit trail records: `<action>-failed` and `<action>-throttled` rows. */
  readonly audit: {
    readonly actor: AuditActor | null;
    readonly action: 'auth.sign-in' | 'auth.change-password';
    readonly recordType: string;
    readonly recordId: string | null;
    /** Never the password. */
    readonly after: Readonly<Record<string, unknown>>;
  };
}

/**
 * Runs one password check under the throttle, the one way every password is checked. The
 * attempt is reserved (counted as a failure) in the database before `check` runs and given back
 * only when it succeeds, so however many attempts arrive at once — a batch, parallel requests,
 * several API processes — no more than the limit of checks fail per window; the rest are
 * refused with TooManyAttempts without checking anything. Refusals and failures are audited.
 */
export const throttledCheck = async (
  db: Db,
  attempt: Attempt,
  check: () => Promise<boolean>,
): Promise<boolean> => {
  const keys = [
    { key: `email:${attempt.email}`, rule: rule(EMAIL_FAILURE_LIMIT) },
    { key: `address:${attempt.clientAddress}`, rule: rule(ADDRESS_FAILURE_LIMIT) },
  ];
  const { audit, now } = attempt;
  const row = (suffix: 'failed' | 'throttled', extra: Record<string, unknown> = {}) =>
    writeAudit(db, {
      actor: audit.actor,
      action: `${audit.action}-${suffix}` as const,
      recordType: audit.recordType,
      recordId: audit.recordId,
      after: { ...audit.after, ...extra },
    });
  const reservation = await reserveAttempts(db, keys, now);
  if (!reservation.granted) {
    const { lockedUntil } = reservation;
    await row('throttled', { lockedUntil: lockedUntil.toISOString() });
    throw new TooManyAttempts({
      retryAfterSeconds: Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000)),
    });
  }
  if (await check()) {
    await releaseAttempts(db, keys, reservation.reservedAt);
    return true;
  }
  await row('failed');
  return false;
};
