import {
  createSession,
  type DbHandle,
  endSession,
  findApiTokenByHash,
  findSessionByTokenHash,
  findUserByEmail,
  touchApiToken,
  touchSession,
  type UserRecord,
  type UserWithPassword,
  writeAudit,
} from '@klimakommuner/db';
import {
  type AuditActor,
  InvalidCredentials,
  lastSeenDue,
  normaliseEmail,
} from '@klimakommuner/domain';
import { ANONYMOUS_AUTH, type Auth } from '../trpc.ts';
import { throttledCheck, type VerifyPassword } from './attempts.ts';
import { API_TOKEN_PREFIX, dummyHash, hashToken, newToken, SESSION_PREFIX } from './secrets.ts';

type Db = DbHandle['db'];

/** A session ends after 60 minutes without a request… */
export const SESSION_IDLE_MS = 60 * 60 * 1000;
/** …and 12 hours after sign-in, whatever happens. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

export const userActor = (user: { id: string; name: string }): AuditActor => ({
  kind: 'user',
  id: user.id,
  name: user.name,
});

const userAuth = (user: UserRecord, sessionId: string): Auth => ({
  actor: { kind: 'user', userId: user.id, roles: user.roles },
  user: { id: user.id, email: user.email, name: user.name },
  sessionId,
  auditActor: userActor(user),
});

/**
 * Who the bearer token stands for. Sessions past their idle or absolute limit, of an inactive
 * user, ended or unknown, and revoked tokens, are all anonymous; expired sessions are ended.
 */
export const resolveAuth = async (db: Db, bearer: string | null, now: Date): Promise<Auth> => {
  if (bearer === null || bearer.length > 200) return ANONYMOUS_AUTH;
  if (bearer.startsWith(SESSION_PREFIX)) {
    const found = await findSessionByTokenHash(db, hashToken(bearer));
    if (found === null) return ANONYMOUS_AUTH;
    const { session, user } = found;
    const reason = !user.active
      ? 'deactivated'
      : now.getTime() >= session.expiresAt.getTime()
        ? 'expired'
        : now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS
          ? 'idle'
          : null;
    if (reason !== null) {
      await endSession(db, { id: session.id, reason }, now);
      return ANONYMOUS_AUTH;
    }
    // Written at most once a minute (lastSeenDue), so a signed-in read stays a read.
    if (lastSeenDue(session.lastSeenAt, now)) await touchSession(db, session.id, now);
    return userAuth(user, session.id);
  }
  if (bearer.startsWith(API_TOKEN_PREFIX)) {
    const token = await findApiTokenByHash(db, hashToken(bearer));
    if (token === null) return ANONYMOUS_AUTH;
    await touchApiToken(db, token.id, now);
    return {
      actor: {
        kind: 'token',
        tokenId: token.id,
        organisation: token.organisation.slug,
        scope: token.scope,
      },
      user: null,
      sessionId: null,
      auditActor: { kind: 'token', id: token.id, name: token.name },
    };
  }
  return ANONYMOUS_AUTH;
};

export interface SignInRequest {
  readonly email: string;
  readonly password: string;
  readonly clientAddress: string;
  readonly userAgent: string | null;
  readonly now: Date;
}

/**
 * Checks the password (under the throttle, see attempts.ts) and opens a new session. Locked
 * account or address → TooManyAttempts; unknown email, inactive user or wrong password →
 * InvalidCredentials, all alike (the dummy hash makes an unknown email cost as much as a wrong
 * password) and all counted and audited.
 */
export const signIn = async (
  db: Db,
  request: SignInRequest,
  verify: VerifyPassword,
): Promise<{ token: string; expiresAt: Date; user: UserRecord; sessionId: string }> => {
  const { now, clientAddress } = request;
  const email = normaliseEmail(request.email);
  // The check finds the user; kept here for the session it opens.
  const found: { user: UserWithPassword | null } = { user: null };
  const verified = await throttledCheck(
    db,
    {
      email,
      clientAddress,
      now,
      audit: {
        actor: null,
        action: 'auth.sign-in',
        recordType: 'user',
        recordId: null,
        after: { email, clientAddress },
      },
    },
    async () => {
      const user = await findUserByEmail(db, email);
      found.user = user?.active === true ? user : null;
      const hash = found.user?.passwordHash ?? (await dummyHash());
      return (await verify(hash, request.password)) && found.user !== null;
    },
  );
  const usable = found.user;
  if (!verified || usable === null) throw new InvalidCredentials();

  const token = newToken(SESSION_PREFIX);
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  const session = await createSession(db, {
    tokenHash: hashToken(token),
    userId: usable.id,
    expiresAt,
    userAgent: request.userAgent?.slice(0, 500) ?? null,
    clientAddress,
    now,
  });
  await writeAudit(db, {
    actor: userActor(usable),
    action: 'auth.sign-in',
    recordType: 'session',
    recordId: session.id,
    after: { userAgent: session.userAgent, clientAddress },
  });
  const { passwordHash: _hash, ...record } = usable;
  return { token, expiresAt, user: record, sessionId: session.id };
};
