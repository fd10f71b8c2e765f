import {
  type ApiTokenRecord,
  createApiToken,
  createUser,
  type DbHandle,
  endSession,
  findUserByEmail,
  findUserById,
  listApiTokens,
  listOrganisations,
  listSessionsOfUser,
  listUsers,
  revokeApiToken,
  setUserActive,
  setUserPassword,
  setUserRoles,
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
  type TokenView,
  type UserView,
} from '@klimakommuner/domain';
import { Cause, Effect, Exit } from 'effect';
import { DomainError, fieldError, notFound } from '../errors.ts';
import { unwrap } from '../outcome.ts';
import type { Auth } from '../trpc.ts';
import { isCommonPassword } from './common-passwords.ts';
import { API_TOKEN_PREFIX, hashPassword, hashToken, newToken, verifyPassword } from './secrets.ts';

type Db = DbHandle['db'];

/** Runs a synchronous domain effect; its failure is thrown as the tagged error it is. */
export const runSync = <A, E>(effect: Effect.Effect<A, E>): A => {
  const exit = Effect.runSyncExit(effect);
  if (Exit.isSuccess(exit)) return exit.value;
  throw Cause.squash(exit.cause);
};

/** The domain's password policy with the common-password list; throws about `field`. */
export const checkPassword = (password: string, field: string): string => {
  try {
    return runSync(checkPasswordPolicy(password, isCommonPassword));
  } catch (error) {
    throw fieldError(error, field);
  }
};

const ref = (o: OrganisationRef): OrganisationRef => ({
  slug: o.slug,
  name: o.name,
  shortName: o.shortName,
  kind: o.kind,
});

/** The organisations the actor may edit something in (every one for an admin), sorted by name. */
export const organisationsFor = async (
  db: Db,
  auth: Auth,
  today: string,
): Promise<OrganisationRef[]> =>
  editableOrganisations(auth.actor, await listOrganisations(db, today)).map(ref);

export const meOf = async (db: Db, user: UserRecord, today: string): Promise<Me> => ({
  id: user.id,
  email: user.email,
  name: user.name,
  roles: user.roles,
  organisations: await organisationsFor(
    db,
    {
      actor: { kind: 'user', userId: user.id, roles: user.roles },
      user,
      sessionId: null,
      auditActor: { kind: 'user', id: user.id, name: user.name },
    },
    today,
  ),
});

/** The signed-in user of a request that passed the 'signed-in' check. */
const signedIn = (auth: Auth): NonNullable<Auth['user']> => {
  if (auth.user === null) throw new InvalidCredentials();
  return auth.user;
};

export const me = async (db: Db, auth: Auth, today: string): Promise<Me> => {
  const user = await findUserById(db, signedIn(auth).id);
  if (user === null) throw notFound('Fant ikke brukeren.');
  return meOf(db, user, today);
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

/** Checks the current password, stores the new one, ends every other session of the user. */
export const changePassword = async (
  db: Db,
  auth: Auth,
  input: { currentPassword: string; newPassword: string },
): Promise<void> => {
  const user = signedIn(auth);
  const stored = await findUserByEmail(db, user.email);
  if (stored === null || !(await verifyPassword(stored.passwordHash, input.currentPassword))) {
    throw fieldError(new InvalidCredentials(), 'currentPassword');
  }
  checkPassword(input.newPassword, 'newPassword');
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

export const userView = (user: UserRecord): UserView => ({
  id: user.id,
  email: user.email,
  name: user.name,
  roles: user.roles,
  active: user.active,
  createdAt: user.createdAt.toISOString(),
  lastSignInAt: null,
  version: user.version,
});

export const listUserViews = async (db: Db): Promise<{ items: UserView[] }> => ({
  items: (await listUsers(db)).map(userView),
});

const emailTaken = () =>
  new DomainError(
    'CONFLICT',
    'EmailTaken',
    'Det finnes allerede en bruker med den e-posten.',
    null,
    {
      field: 'email',
    },
  );

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
  if (outcome.kind === 'duplicate') throw emailTaken();
  return unwrap(outcome, userView);
};

export const setRoles = async (
  db: Db,
  input: { id: string; roles: readonly Role[]; version: number },
  actor: AuditActor | null,
): Promise<UserView> => unwrap(await setUserRoles(db, input, actor), userView);

export const setActive = async (
  db: Db,
  input: { id: string; version: number },
  active: boolean,
  actor: AuditActor | null,
): Promise<UserView> => unwrap(await setUserActive(db, { ...input, active }, actor), userView);

// ——— API tokens (admin) ———

export const tokenView = (token: ApiTokenRecord): TokenView => ({
  id: token.id,
  name: token.name,
  organisation: token.organisation,
  scope: token.scope,
  createdAt: token.createdAt.toISOString(),
  lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  revokedAt: token.revokedAt?.toISOString() ?? null,
});

export const listTokenViews = async (db: Db): Promise<{ items: TokenView[] }> => ({
  items: (await listApiTokens(db)).map(tokenView),
});

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

export const revokeToken = async (
  db: Db,
  id: string,
  actor: AuditActor | null,
): Promise<TokenView> => unwrap(await revokeApiToken(db, id, actor), tokenView);
