import { isUuid, normaliseEmail, type Role } from '@klimakommuner/domain';
import type { Kysely, Selectable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { AppUserTable, Database } from '../schema.ts';

// Reads of users; writes are in user-edit.ts.

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

type UserRoleJson = { readonly role: UserRole['role']; readonly organisation: string | null };

/**
 * Users with their roles (a JSON array) and when their latest session began, in one statement;
 * the user aliased `u`.
 */
export const selectUsers = (db: Kysely<Database>) =>
  db
    .selectFrom('app_user as u')
    .selectAll('u')
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('user_role as r')
          .leftJoin('organisation as o', 'o.id', 'r.organisation_id')
          .select(['r.role', 'o.slug as organisation'])
          .whereRef('r.user_id', '=', 'u.id'),
      ).as('roles'),
      eb
        .selectFrom('session as s')
        .select((inner) => inner.fn.max('s.created_at').as('at'))
        .whereRef('s.user_id', '=', 'u.id')
        .as('last_sign_in_at'),
    ]);

type Row = Selectable<AppUserTable> & {
  readonly roles: readonly UserRoleJson[];
  readonly last_sign_in_at: Date | string | null;
};

const roleOrder = (r: UserRole) => (r.role === 'admin' ? '' : `${r.organisation}\u0000${r.role}`);

const rolesOf = (roles: readonly UserRoleJson[]): UserRole[] =>
  roles
    .map(
      (row): UserRole =>
        row.role === 'admin'
          ? { role: 'admin' }
          : { role: row.role, organisation: row.organisation ?? '' },
    )
    .sort((a, b) => roleOrder(a).localeCompare(roleOrder(b)));

/** A user row as read by selectUsers, with its password hash. */
export const userOf = (r: Row): UserWithPassword => ({
  id: r.id,
  email: r.email,
  name: r.name,
  active: r.active,
  roles: rolesOf(r.roles),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  lastSignInAt: r.last_sign_in_at === null ? null : new Date(r.last_sign_in_at),
  version: r.version,
  passwordHash: r.password_hash,
});

const withoutPassword = ({ passwordHash: _p, ...user }: UserWithPassword): UserRecord => user;

/** The user with this email (normalised here too) and their password hash, or null. */
export const findUserByEmail = async (
  db: Kysely<Database>,
  email: string,
): Promise<UserWithPassword | null> => {
  const rows = await selectUsers(db).where('u.email', '=', normaliseEmail(email)).execute();
  return rows.map(userOf)[0] ?? null;
};

export const findUserById = async (
  db: Kysely<Database>,
  id: string,
): Promise<UserRecord | null> => {
  if (!isUuid(id)) return null;
  const rows = await selectUsers(db).where('u.id', '=', id).execute();
  const [user] = rows.map(userOf);
  return user ? withoutPassword(user) : null;
};

/** Every user, sorted by name then email. */
export const listUsers = async (db: Kysely<Database>): Promise<UserRecord[]> => {
  const rows = await selectUsers(db).orderBy('u.name').orderBy('u.email').execute();
  return rows.map(userOf).map(withoutPassword);
};

/** One user without the hash, optionally locked `for update`. */
export const loadUser = async (trx: Kysely<Database>, id: string, lock: boolean) => {
  let query = selectUsers(trx).where('u.id', '=', id);
  if (lock) query = query.forUpdate();
  const rows = await query.execute();
  const [user] = rows.map(userOf);
  return user ? withoutPassword(user) : null;
};
