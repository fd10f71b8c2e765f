import { isUuid, LAST_SEEN_INTERVAL_MS } from '@klimakommuner/domain';
import { type Kysely, sql } from 'kysely';
import { jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Database } from '../schema.ts';
import { selectUsers, type UserRecord, userOf } from './users.ts';

export interface SessionRecord {
  readonly id: string;
  readonly userId: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  /** Absolute end of life; the idle timeout is the API's rule, measured from lastSeenAt. */
  readonly expiresAt: Date;
  readonly endedAt: Date | null;
  readonly endedReason: string | null;
  readonly userAgent: string | null;
  readonly clientAddress: string | null;
}

const columns = [
  'id',
  'user_id',
  'created_at',
  'last_seen_at',
  'expires_at',
  'ended_at',
  'ended_reason',
  'user_agent',
  'client_address',
] as const;

const record = (r: {
  id: string;
  user_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  ended_at: Date | null;
  ended_reason: string | null;
  user_agent: string | null;
  client_address: string | null;
}): SessionRecord => ({
  id: r.id,
  userId: r.user_id,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  expiresAt: r.expires_at,
  endedAt: r.ended_at,
  endedReason: r.ended_reason,
  userAgent: r.user_agent,
  clientAddress: r.client_address,
});

export interface NewSession {
  /** SHA-256 of the bearer token, computed by the API. */
  readonly tokenHash: string;
  readonly userId: string;
  readonly expiresAt: Date;
  readonly userAgent?: string | null;
  readonly clientAddress?: string | null;
  /** created_at and last_seen_at; the database's clock when omitted. */
  readonly now?: Date;
}

export const createSession = async (
  db: Kysely<Database>,
  input: NewSession,
): Promise<SessionRecord> =>
  record(
    await db
      .insertInto('session')
      .values({
        token_hash: input.tokenHash,
        user_id: input.userId,
        expires_at: input.expiresAt,
        user_agent: input.userAgent ?? null,
        client_address: input.clientAddress ?? null,
        ...(input.now ? { created_at: input.now, last_seen_at: input.now } : {}),
      })
      .returning(columns)
      .executeTakeFirstOrThrow(),
  );

/**
 * The session with this token hash unless it was ended, with its user (roles included, and
 * `active`). Whether it is still valid — absolute expiry, idle timeout, active user — the API decides.
 */
export const findSessionByTokenHash = async (
  db: Kysely<Database>,
  tokenHash: string,
): Promise<{ session: SessionRecord; user: UserRecord } | null> => {
  const row = await db
    .selectFrom('session')
    .select(columns)
    .select(jsonObjectFrom(selectUsers(db).where(sql<boolean>`u.id = session.user_id`)).as('user'))
    .where('token_hash', '=', tokenHash)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  if (!row?.user) return null;
  // The user arrives as JSON: its timestamps as strings.
  const user = userOf({
    ...row.user,
    created_at: new Date(row.user.created_at),
    updated_at: new Date(row.user.updated_at),
  });
  const { passwordHash: _p, ...withoutPassword } = user;
  return { session: record(row), user: withoutPassword };
};

/**
 * Records activity on a live session (for the idle timeout), at most once per
 * LAST_SEEN_INTERVAL_MS: a session seen less than that before `now` is left as it is, here and
 * in the statement itself (another process may have written it meanwhile).
 */
export const touchSession = async (
  db: Kysely<Database>,
  id: string,
  now: Date = new Date(),
): Promise<void> => {
  await db
    .updateTable('session')
    .set({ last_seen_at: now })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .where('last_seen_at', '<=', new Date(now.getTime() - LAST_SEEN_INTERVAL_MS))
    .execute();
};

/**
 * Ends one live session; with `userId`, only if it is theirs (a user ends their own sessions).
 * True when a session was ended.
 */
export const endSession = async (
  db: Kysely<Database>,
  input: { readonly id: string; readonly userId?: string; readonly reason?: string },
  now: Date = new Date(),
): Promise<boolean> => {
  if (!isUuid(input.id)) return false;
  let query = db
    .updateTable('session')
    .set({ ended_at: now, ended_reason: input.reason ?? 'signed-out' })
    .where('id', '=', input.id)
    .where('ended_at', 'is', null);
  if (input.userId !== undefined) query = query.where('user_id', '=', input.userId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
};

/** Ends every live session of a user, except `exceptSessionId` (the current one); returns how many. */
export const endSessionsOfUser = async (
  db: Kysely<Database>,
  userId: string,
  exceptSessionId?: string | null,
  reason = 'ended',
  now: Date = new Date(),
): Promise<number> => {
  let query = db
    .updateTable('session')
    .set({ ended_at: now, ended_reason: reason })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null);
  if (exceptSessionId) query = query.where('id', '<>', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
};

/** A user's live sessions (not ended, not past their absolute expiry), most recently seen first. */
export const listSessionsOfUser = async (
  db: Kysely<Database>,
  userId: string,
  now: Date = new Date(),
): Promise<SessionRecord[]> =>
  (
    await db
      .selectFrom('session')
      .select(columns)
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('last_seen_at', 'desc')
      .orderBy('id')
      .execute()
  ).map(record);
