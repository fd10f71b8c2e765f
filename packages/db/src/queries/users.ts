import type { Role } from '@klimakommuner/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

// Reads of users; writes are in user-writes.ts.

type UserRole = Role;

export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly active: boolean;
  /** Sorted: admin first, then by organisation slug and role. */
  readonly roles: readonly UserRole[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** When their latest session began. */
  readonly lastSignInAt: Date | null;
  readonly version: number;
}

/** Only for verifying a password at sign-in; never returned to a client or audited. */
export interface UserWithPassword extends UserRecord {
  readonly passwordHash: string;
}

/** Trim, NFKC, lower case: the same normalisation as the domain's normaliseEmail. */
export const normaliseEmailForLookup = (email: string): string =>
  email.normalize('NFKC').trim().toLowerCase();

const selectUsers = (db: Kysely<Database>) =>
  db
    .selectFrom('app_user')
    .select([
      'id',
      'email',
      'name',
      'password_hash',
      'active',
      'created_at',
      'updated_at',
      'version',
    ]);

type Row = Awaited<ReturnType<ReturnType<typeof selectUsers>['execute']>>[number];

const roleOrder = (r: UserRole) => (r.role === 'admin' ? '' : `${r.organisation}\u0000${r.role}`);

const loadRoles = async (db: Kysely<Database>, userIds: readonly string[]) => {
  const result = new Map<string, UserRole[]>();
  if (userIds.length === 0) return result;
  const rows = await db
    .selectFrom('user_role as r')
    .leftJoin('organisation as o', 'o.id', 'r.organisation_id')
    .select(['r.user_id', 'r.role', 'o.slug'])
    .where('r.user_id', 'in', userIds)
    .execute();
  for (const row of rows) {
    const role: UserRole =
      row.role === 'admin' ? { role: 'admin' } : { role: row.role, organisation: row.slug ?? '' };
    const list = result.get(row.user_id) ?? [];
    list.push(role);
    result.set(row.user_id, list);
  }
  for (const list of result.values()) list.sort((a, b) => roleOrder(a).localeCompare(roleOrder(b)));
  return result;
};

const loadLastSignIns = async (db: Kysely<Database>, userIds: readonly string[]) => {
  if (userIds.length === 0) return new Map<string, Date>();
  const rows = await db
    .selectFrom('session')
    .select(['user_id', (eb) => eb.fn.max('created_at').as('at')])
    .where('user_id', 'in', userIds)
    .groupBy('user_id')
    .execute();
  return new Map(rows.map((r) => [r.user_id, r.at]));
};

/** Roles and last sign-in of the users, in two queries whatever their number. */
const withRoles = async (
  db: Kysely<Database>,
  rows: readonly Row[],
): Promise<UserWithPassword[]> => {
  const ids = rows.map((r) => r.id);
  const [roles, signIns] = await Promise.all([loadRoles(db, ids), loadLastSignIns(db, ids)]);
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    active: r.active,
    roles: roles.get(r.id) ?? [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastSignInAt: signIns.get(r.id) ?? null,
    version: r.version,
    passwordHash: r.password_hash,
  }));
};

const withoutPassword = ({ passwordHash: _p, ...user }: UserWithPassword): UserRecord => user;

/** The user with this email (normalised here too) and their password hash, or null. */
export const findUserByEmail = async (
  db: Kysely<Database>,
  email: string,
): Promise<UserWithPassword | null> => {
  const rows = await selectUsers(db).where('email', '=', normaliseEmailForLookup(email)).execute();
  return (await withRoles(db, rows))[0] ?? null;
};

export const findUserById = async (
  db: Kysely<Database>,
  id: string,
): Promise<UserRecord | null> => {
  if (!isUuid(id)) return null;
  const rows = await selectUsers(db).where('id', '=', id).execute();
  const [user] = await withRoles(db, rows);
  return user ? withoutPassword(user) : null;
};

/** Every user, sorted by name then email. */
export const listUsers = async (db: Kysely<Database>): Promise<UserRecord[]> => {
  const rows = await selectUsers(db).orderBy('name').orderBy('email').execute();
  return (await withRoles(db, rows)).map(withoutPassword);
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids come from clients: a malformed one is simply not found (not a database error). */
export const isUuid = (value: string): boolean => UUID.test(value);

/** One user without the hash, optionally locked `for update`. */
export const loadUser = async (trx: Kysely<Database>, id: string, lock: boolean) => {
  let query = selectUsers(trx).where('id', '=', id);
  if (lock) query = query.forUpdate();
  const rows = await query.execute();
  const [user] = await withRoles(trx, rows);
  return user ? withoutPassword(user) : null;
};
