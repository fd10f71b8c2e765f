import {
  type DbHandle,
  createSession,
  endSession,
  findApiTokenByHash,
  findSessionByTokenHash,
  findUserByEmail,
  recordSignInFailure,
  throttleStatus,
  clearSignInFailures,
  touchApiToken,
  touchSession,
  type UserRecord,
  writeAudit,
} from '@klimakommuner/db';
import {
  type AuditActor,
  InvalidCredentials,
  normaliseEmail,
  TooManyAttempts,
} from '@klimakommuner/domain';
import { ANONYMOUS_AUTH, type Auth } from '../trpc.ts';
import {
  API_TOKEN_PREFIX,
  dummyHash,
  hashToken,
  newToken,
  SESSION_PREFIX,
  verifyPassword,
} from './secrets.ts';

type Db = DbHandle['db'];

/** A session ends after 60 minutes without a request… */
export const SESSION_IDLE_MS = 60 * 60 * 1000;
/** …and 12 hours after sign-in, whatever happens. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Failed sign-ins within THROTTLE_WINDOW_MS that lock an account (normalised email)… */
export const EMAIL_FAILURE_LIMIT = 5;
/** …and a client address, for THROTTLE_LOCK_MS. */
export const ADDRESS_FAILURE_LIMIT = 20;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const THROTTLE_LOCK_MS = 15 * 60 * 1000;

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
    await touchSession(db, session.id, now);
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

const retryAfter = (until: Date, now: Date): TooManyAttempts =>
  new TooManyAttempts({
    retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
  });

/**
 * Checks the password and opens a new session. Locked account or address → TooManyAttempts;
 * unknown email, inactive user or wrong password → InvalidCredentials, all alike (the dummy hash
 * makes an unknown email cost as much as a wrong password) and all counted and audited.
 */
export const signIn = async (
  db: Db,
  request: SignInRequest,
): Promise<{ token: string; expiresAt: Date; user: UserRecord; sessionId: string }> => {
  const { now } = request;
  const email = normaliseEmail(request.email);
  const emailKey = `email:${email}`;
  const addressKey = `address:${request.clientAddress}`;
  const locked = await throttleStatus(db, [emailKey, addressKey], now);
  if (locked.lockedUntil !== null) throw retryAfter(locked.lockedUntil, now);

  const user = await findUserByEmail(db, email);
  const usable = user?.active === true ? user : null;
  const verified = await verifyPassword(
    usable ? usable.passwordHash : await dummyHash(),
    request.password,
  );
  if (usable === null || !verified) {
    await recordSignInFailure(
      db,
      [
        { key: emailKey, limit: EMAIL_FAILURE_LIMIT },
        { key: addressKey, limit: ADDRESS_FAILURE_LIMIT },
      ],
      now,
      { windowMs: THROTTLE_WINDOW_MS, lockMs: THROTTLE_LOCK_MS },
    );
    await writeAudit(db, {
      actor: null,
      action: 'auth.sign-in-failed',
      recordType: 'user',
      recordId: null,
      after: { email, clientAddress: request.clientAddress },
    });
    throw new InvalidCredentials();
  }

  await clearSignInFailures(db, [emailKey]);
  const token = newToken(SESSION_PREFIX);
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  const session = await createSession(db, {
    tokenHash: hashToken(token),
    userId: usable.id,
    expiresAt,
    userAgent: request.userAgent?.slice(0, 500) ?? null,
    clientAddress: request.clientAddress,
    now,
  });
  await writeAudit(db, {
    actor: userActor(usable),
    action: 'auth.sign-in',
    recordType: 'session',
    recordId: session.id,
    after: { userAgent: session.userAgent, clientAddress: request.clientAddress },
  });
  const { passwordHash: _hash, ...record } = usable;
  return { token, expiresAt, user: record, sessionId: session.id };
};
