import {
  type AuditAction,
  type AuditActor,
  EmailTaken,
  isUuid,
  type NotFound,
  normaliseEmail,
  type Role,
  type StaleVersion,
} from '@klimakommuner/domain';
import { Result } from 'effect';
import { type Kysely, sql, type Transaction } from 'kysely';
import { writeAudit } from '../audit/write.ts';
import { notFound } from '../content/results.ts';
import { changeAtVersion, mustUpdateOne } from '../content/versioned.ts';
import type { Database } from '../schema.ts';
import { loadUser, type UserRecord } from './users.ts';

// Writes of users and their roles: each in one transaction with its audit row, never a hash in it.

type RoleRow = Omit<Database['user_role'], 'user_id'>;

/** The roles as rows, organisation slugs resolved; null when a slug is unknown. */
const roleRows = async (
  trx: Kysely<Database>,
  roles: readonly Role[],
): Promise<RoleRow[] | null> => {
  const slugs = [...new Set(roles.flatMap((r) => (r.role === 'admin' ? [] : [r.organisation])))];
  const ids = new Map(
    slugs.length === 0
      ? []
      : (
          await trx
            .selectFrom('organisation')
            .select(['id', 'slug'])
            .where('slug', 'in', slugs)
            .execute()
        ).map((o) => [o.slug, o.id]),
  );
  if (ids.size !== slugs.length) return null;
  const unique = new Map<string, RoleRow>();
  for (const r of roles) {
    const organisation_id = r.role === 'admin' ? null : (ids.get(r.organisation) ?? null);
    unique.set(`${r.role}|${organisation_id}`, { role: r.role, organisation_id });
  }
  return [...unique.values()];
};

const replaceRoles = async (
  trx: Transaction<Database>,
  userId: string,
  rows: readonly RoleRow[],
) => {
  await trx.deleteFrom('user_role').where('user_id', '=', userId).execute();
  if (rows.length > 0) {
    await trx
      .insertInto('user_role')
      .values(rows.map((r) => ({ ...r, user_id: userId })))
      .execute();
  }
};

export interface NewUser {
  readonly email: string;
  readonly name: string;
  /** Computed by the API (argon2); stored as given, never audited. */
  readonly passwordHash: string;
  readonly roles?: readonly Role[];
}

/**
 * Creates a user with their roles; EmailTaken when the (normalised) email is taken, NotFound
 * when a role names an unknown organisation.
 */
export const createUser = (
  db: Kysely<Database>,
  input: NewUser,
  actor: AuditActor | null,
): Promise<Result.Result<UserRecord, EmailTaken | NotFound>> =>
  db.transaction().execute(async (trx) => {
    const roles = await roleRows(trx, input.roles ?? []);
    if (roles === null) return notFound('organisation');
    const inserted = await trx
      .insertInto('app_user')
      .values({
        email: normaliseEmail(input.email),
        name: input.name.trim(),
        password_hash: input.passwordHash,
      })
      .onConflict((oc) => oc.column('email').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return Result.fail(new EmailTaken());
    await replaceRoles(trx, inserted.id, roles);
    const user = await loadUser(trx, inserted.id, false);
    if (!user) throw new Error('The created user vanished');
    await writeAudit(trx, {
      actor,
      action: 'user.create',
      recordType: 'user',
      recordId: user.id,
      before: null,
      after: user,
    });
    return Result.succeed(user);
  });

/**
 * Runs `change` on the user locked at `version` (changeAtVersion); NotFound ('organisation')
 * when it names an unknown organisation. Bumps version and updated_at, writes the audit row.
 */
const changeUser = (
  db: Kysely<Database>,
  id: string,
  version: number,
  action: AuditAction,
  actor: AuditActor | null,
  change: (trx: Transaction<Database>) => Promise<'not-found' | undefined>,
): Promise<Result.Result<UserRecord, NotFound | StaleVersion>> =>
  changeAtVersion(db, {
    recordType: 'user',
    recordId: id,
    version,
    actor,
    lock: async (trx) => (isUuid(id) ? ((await loadUser(trx, id, true)) ?? undefined) : undefined),
    view: async (trx) => {
      const user = await loadUser(trx, id, false);
      if (!user) throw new Error('The user vanished');
      return user;
    },
    snapshot: (user) => user,
    write: async (trx) => {
      if ((await change(trx)) === 'not-found') return notFound('organisation');
      mustUpdateOne(
        await trx
          .updateTable('app_user')
          .set({ version: sql`version + 1`, updated_at: sql`now()` })
          .where('id', '=', id)
          .where('version', '=', version)
          .executeTakeFirst(),
        'user',
      );
      return Result.succeed({ action, organisationId: null });
    },
  });

/** Replaces a user's roles. Unknown organisation slug → not-found (nothing changes). */
export const setUserRoles = (
  db: Kysely<Database>,
  input: { readonly id: string; readonly roles: readonly Role[]; readonly version: number },
  actor: AuditActor | null,
): Promise<Result.Result<UserRecord, NotFound | StaleVersion>> =>
  changeUser(db, input.id, input.version, 'user.set-roles', actor, async (trx) => {
    const rows = await roleRows(trx, input.roles);
    if (rows === null) return 'not-found';
    await replaceRoles(trx, input.id, rows);
    return undefined;
  });

/** Activates or deactivates a user; deactivating ends every session of theirs in the same transaction. */
export const setUserActive = (
  db: Kysely<Database>,
  input: { readonly id: string; readonly active: boolean; readonly version: number },
  actor: AuditActor | null,
): Promise<Result.Result<UserRecord, NotFound | StaleVersion>> =>
  changeUser(
    db,
    input.id,
    input.version,
    input.active ? 'user.activate' : 'user.deactivate',
    actor,
    async (trx) => {
      await trx
        .updateTable('app_user')
        .set({ active: input.active })
        .where('id', '=', input.id)
        .execute();
      if (!input.active) {
        await trx
          .updateTable('session')
          .set({ ended_at: sql`now()`, ended_reason: 'deactivated' })
          .where('user_id', '=', input.id)
          .where('ended_at', 'is', null)
          .execute();
      }
      return undefined;
    },
  );

/**
 * Stores a new password hash (the caller verified the current password) and ends the user's
 * other sessions, all in one transaction. Audited as 'user.change-password' without any hash.
 */
export const setUserPassword = (
  db: Kysely<Database>,
  input: {
    readonly id: string;
    readonly passwordHash: string;
    readonly keepSessionId?: string | null;
  },
  actor: AuditActor | null,
): Promise<Result.Result<UserRecord, NotFound>> =>
  db.transaction().execute(async (trx) => {
    if (!isUuid(input.id)) return notFound('user', input.id);
    const before = await loadUser(trx, input.id, true);
    if (!before) return notFound('user', input.id);
    await trx
      .updateTable('app_user')
      .set({
        password_hash: input.passwordHash,
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('id', '=', input.id)
      .execute();
    let sessions = trx
      .updateTable('session')
      .set({ ended_at: sql`now()`, ended_reason: 'password-changed' })
      .where('user_id', '=', input.id)
      .where('ended_at', 'is', null);
    if (input.keepSessionId) sessions = sessions.where('id', '<>', input.keepSessionId);
    await sessions.execute();
    const after = await loadUser(trx, input.id, false);
    if (!after) throw new Error('The user vanished');
    await writeAudit(trx, {
      actor,
      action: 'user.change-password',
      recordType: 'user',
      recordId: input.id,
      before,
      after,
    });
    return Result.succeed(after);
  });
