import {
  createApiToken,
  createUser,
  type DbHandle,
  endSession,
  findUserByEmail,
  listOrganisationRefs,
  listSessionsOfUser,
  setUserPassword,
  type UserRecord,
  writeAudit,
} from '@klimakommuner/db';
import {
  type AuditActor,
  type CreatedToken,
  checkPasswordPolicy,
  editableOrganisations,
  InvalidCredentials,
  type Me,
  type OrganisationRef,
  type Role,
  type SessionView,
  type TokenScope,
  type UserView,
} from '@klimakommuner/domain';
import { Result } from 'effect';
import { unwrap } from '../content/results.ts';
import { fieldError, notFound } from '../errors.ts';
import type { Auth } from '../trpc.ts';
import { throttledCheck, type VerifyPassword } from './attempts.ts';
import { isCommonPassword } from './common-passwords.ts';
import { API_TOKEN_PREFIX, hashPassword, hashToken, newToken } from './secrets.ts';
import { tokenView, userView } from './views.ts';

type Db = DbHandle['db'];

/** The domain's password policy with the common-password list; throws about `field`. */
export const checkPassword = (password: string, field: string): string => {
  const checked = checkPasswordPolicy(password, isCommonPassword);
  if (Result.isFailure(checked)) throw fieldError(checked.failure, field);
  return checked.success;
};

/**
 * The organisations the actor may edit something in (every one for an admin), sorted by name:
 * one statement, the domain's editableOrganisations decides. No memberships are computed.
 */
export const organisationsFor = async (db: Db, auth: Auth): Promise<OrganisationRef[]> => [
  ...editableOrganisations(auth.actor, await listOrganisationRefs(db)),
];

export const meOf = async (db: Db, user: UserRecord): Promise<Me> => ({
  id: user.id,
  email: user.email,
  name: user.name,
  roles: user.roles,
  organisations: await organisationsFor(db, {
    actor: { kind: 'user', userId: user.id, roles: user.roles },
    user,
    sessionId: null,
    auditActor: { kind: 'user', id: user.id, name: user.name },
  }),
});

/** The signed-in user of a request that passed the 'signed-in' check. */
const signedIn = (auth: Auth): NonNullable<Auth['user']> => {
  if (auth.user === null) throw new InvalidCredentials();
  return auth.user;
};

/**
 * The signed-in user as the session check read them (one statement) and the organisations they
 * may edit (one more): auth.me costs two statements.
 */
export const me = async (db: Db, auth: Auth): Promise<Me> => {
  const user = signedIn(auth);
  const roles = auth.actor.kind === 'user' ? auth.actor.roles : [];
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles,
    organisations: await organisationsFor(db, auth),
  };
};

export const signOut = async (db: Db, auth: Auth, now: Date): Promise<void> => {
  if (auth.sessionId === null) return;
  await endSession(db, { id: auth.sessionId, reason: 'signed-out' }, now);
  await writeAudit(db, {
    actor: auth.auditActor,
    action: 'auth.sign-out',
    recordType: 'session',
    recordId: auth.sessionId,
  });
};

export const sessions = async (
  db: Db,
  auth: Auth,
  now: Date,
): Promise<{ items: SessionView[] }> => ({
  items: (await listSessionsOfUser(db, signedIn(auth).id, now)).map((s) => ({
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    userAgent: s.userAgent,
    current: s.id === auth.sessionId,
  })),
});

/** Ends one of the user's own sessions; someone else's (or an unknown id) is NOT_FOUND. */
export const endOwnSession = async (db: Db, auth: Auth, id: string, now: Date): Promise<void> => {
  const user = signedIn(auth);
  const ended = await endSession(db, { id, userId: user.id, reason: 'ended-by-user' }, now);
  if (!ended) throw notFound('Fant ingen aktiv økt med den id-en.');
  await writeAudit(db, {
    actor: auth.auditActor,
    action: 'auth.end-session',
    recordType: 'session',
    recordId: id,
  });
};

/**
 * Checks the current password — under the same throttle as sign-in, counting against the
 * account's email and the client address — then stores the new one and ends every other session.
 */
export const changePassword = async (
  db: Db,
  auth: Auth,
  input: { currentPassword: string; newPassword: string },
  request: { clientAddress: string; now: Date; verify: VerifyPassword },
): Promise<void> => {
  const user = signedIn(auth);
  checkPassword(input.newPassword, 'newPassword');
  const verified = await throttledCheck(
    db,
    {
      email: user.email,
      clientAddress: request.clientAddress,
      now: request.now,
      audit: {
        actor: auth.auditActor,
        action: 'auth.change-password',
        recordType: 'user',
        recordId: user.id,
        after: { clientAddress: request.clientAddress },
      },
    },
    async () => {
      const stored = await findUserByEmail(db, user.email);
      return stored !== null && (await request.verify(stored.passwordHash, input.currentPassword));
    },
  );
  if (!verified) throw fieldError(new InvalidCredentials(), 'currentPassword');
  const outcome = await setUserPassword(
    db,
    {
      id: user.id,
      passwordHash: await hashPassword(input.newPassword),
      keepSessionId: auth.sessionId,
    },
    auth.auditActor,
  );
  unwrap(outcome, () => undefined);
};

// ——— Users (admin) ———

/** Creates a user after the password policy; used by users.create and the users:create CLI. */
export const createAccount = async (
  db: Db,
  input: { email: string; name: string; password: string; roles: readonly Role[] },
  actor: AuditActor | null,
): Promise<UserView> => {
  checkPassword(input.password, 'password');
  const outcome = await createUser(
    db,
    {
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
      roles: input.roles,
    },
    actor,
  );
  return unwrap(outcome, userView);
};

// ——— API tokens (admin) ———

/** A new token for one organisation; the token is in the answer once and stored only hashed. */
export const createToken = async (
  db: Db,
  input: { name: string; organisation: string; scope: TokenScope },
  actor: AuditActor | null,
): Promise<CreatedToken> => {
  const token = newToken(API_TOKEN_PREFIX);
  const outcome = await createApiToken(db, { ...input, tokenHash: hashToken(token) }, actor);
  return { token, item: unwrap(outcome, tokenView) };
};
