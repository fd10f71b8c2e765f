import type { RoleName } from '@klimakommuner/domain';
import { beforeAll, expect, it } from 'vitest';
import {
  auditHistory,
  createApiToken,
  createSession,
  createUser,
  type DbHandle,
  endSession,
  endSessionsOfUser,
  findApiTokenByHash,
  findSessionByTokenHash,
  findUserByEmail,
  findUserById,
  listApiTokens,
  listSessionsOfUser,
  listUsers,
  revokeApiToken,
  setUserActive,
  setUserPassword,
  setUserRoles,
  touchApiToken,
  touchSession,
  type UserRecord,
} from '../../src/index.ts';
import { onEachEngine } from '../engines.ts';
import { ADMIN, asAdmin, auditCount, outcome } from '../fixtures.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Tests on a database of their own; each uses its own emails, hashes and keys. */
const accountSuite = (db: () => DbHandle): void => {
  let handle: DbHandle;
  const admin = {
    createUser: asAdmin(createUser, db),
    setUserActive: asAdmin(setUserActive, db),
    setUserRoles: asAdmin(setUserRoles, db),
  };
  beforeAll(() => {
    handle = db();
  });

  const newUser = async (email: string, roles: Parameters<typeof createUser>[1]['roles'] = []) => {
    const created = await admin.createUser({
      email,
      name: `Navn ${email}`,
      passwordHash: `argon2-of-${email}`,
      roles,
    });
    if (created.kind !== 'ok') throw new Error(`createUser: ${created.kind}`);
    return created.value;
  };

  it('creates a user with a normalised email and roles, audited without the password hash', async () => {
    const before = await auditCount(handle);
    const user = await newUser('  Kari.Nordmann@Example.NO ', [
      { role: 'editor', organisation: 'ken' },
      { role: 'contributor', organisation: 'ken' },
    ]);
    expect(user).toMatchObject({
      email: 'kari.nordmann@example.no',
      active: true,
      version: 1,
      lastSignInAt: null,
      roles: [
        { role: 'contributor', organisation: 'ken' },
        { role: 'editor', organisation: 'ken' },
      ],
    });
    expect(user).not.toHaveProperty('passwordHash');
    expect(user.createdAt).toBeInstanceOf(Date);
    const found = await findUserByEmail(handle.db, 'KARI.nordmann@example.no');
    expect(found?.passwordHash).toBe('argon2-of-  Kari.Nordmann@Example.NO ');
    expect(found?.id).toBe(user.id);
    expect(await findUserById(handle.db, user.id)).toEqual(user);
    expect(await findUserById(handle.db, 'not-a-uuid')).toBeNull();
    expect(await findUserByEmail(handle.db, 'ingen@example.no')).toBeNull();

    const [entry] = await auditHistory(handle.db, 'user', user.id);
    expect(entry).toMatchObject({ action: 'user.create', actor: ADMIN, before: null });
    expect(entry?.after).toMatchObject({ email: 'kari.nordmann@example.no' });
    expect(JSON.stringify(entry)).not.toMatch(/argon2|password/i);
    expect(await auditCount(handle)).toBe(before + 1);
  });

  it('refuses a taken email and an unknown organisation, creating nothing', async () => {
    await newUser('taken@example.no');
    const before = await auditCount(handle);
    expect(
      await admin.createUser({ email: 'TAKEN@example.no', name: 'Andre', passwordHash: 'x' }),
    ).toMatchObject({ kind: 'refused', error: { _tag: 'EmailTaken' } });
    const unknown = await admin.createUser({
      email: 'new@example.no',
      name: 'Ny',
      passwordHash: 'x',
      roles: [{ role: 'editor', organisation: 'finnes-ikke' }],
    });
    expect(unknown).toMatchObject({ kind: 'not-found', error: { _tag: 'NotFound' } });
    expect(await findUserByEmail(handle.db, 'new@example.no')).toBeNull();
    expect(await auditCount(handle)).toBe(before);
  });

  it('sets roles at a version; a stale version returns the stored user and changes nothing', async () => {
    const user = await newUser('roller@example.no', [{ role: 'editor', organisation: 'ken' }]);
    const set = await admin.setUserRoles({ id: user.id, version: 1, roles: [{ role: 'admin' }] });
    expect(set).toMatchObject({ kind: 'ok', value: { roles: [{ role: 'admin' }], version: 2 } });
    const before = await auditCount(handle);
    const again = await admin.setUserRoles({ id: user.id, version: 1, roles: [] });
    expect(again.kind).toBe('stale');
    if (again.kind !== 'stale') return;
    expect(again.current).toMatchObject({ version: 2, roles: [{ role: 'admin' }] });
    expect(again.error).toMatchObject({ _tag: 'StaleVersion', currentVersion: 2 });
    expect(again.error.message).toMatch(/^Noen andre har endret dette/);
    expect((await findUserById(handle.db, user.id))?.roles).toEqual([{ role: 'admin' }]);
    expect(await auditCount(handle)).toBe(before);
    const unknown = await admin.setUserRoles({
      id: user.id,
      version: 2,
      roles: [{ role: 'editor', organisation: 'finnes-ikke' }],
    });
    expect(unknown.kind).toBe('not-found');
    expect(await findUserById(handle.db, user.id)).toMatchObject({
      version: 2,
      roles: [{ role: 'admin' }],
    });
    expect(
      (await admin.setUserRoles({ id: crypto.randomUUID(), version: 1, roles: [] })).kind,
    ).toBe('not-found');
    const [entry] = await auditHistory(handle.db, 'user', user.id);
    expect(entry).toMatchObject({
      action: 'user.set-roles',
      before: { roles: [{ role: 'editor', organisation: 'ken' }], version: 1 },
      after: { roles: [{ role: 'admin' }], version: 2 },
    });
  });

  it('rejects an unnormalised email, an admin role with an organisation and a duplicate role', async () => {
    await expect(
      handle.db
        .insertInto('app_user')
        .values({ email: 'Stor@Example.no', name: 'x', password_hash: 'x' })
        .execute(),
    ).rejects.toThrow(/app_user_email_check|check constraint/);
    const user = await newUser('begrensning@example.no', [{ role: 'admin' }]);
    const ken = await handle.db
      .selectFrom('organisation')
      .select('id')
      .where('slug', '=', 'ken')
      .executeTakeFirstOrThrow();
    const role = (role: RoleName, organisation_id: string | null) =>
      handle.db
        .insertInto('user_role')
        .values({ user_id: user.id, role, organisation_id })
        .execute();
    await expect(role('admin', ken.id)).rejects.toThrow(/user_role_scope/);
    await expect(role('editor', null)).rejects.toThrow(/user_role_scope/);
    // Admin has no organisation: the unique index treats the nulls as equal.
    await expect(role('admin', null)).rejects.toThrow(/user_role_unique/);
  });

  it('stores sessions by token hash; touches, lists and ends them', async () => {
    const user = await newUser('okt@example.no');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + 12 * HOUR);
    const a = await createSession(handle.db, {
      tokenHash: 'hash-a',
      userId: user.id,
      expiresAt,
      userAgent: 'Firefox',
      clientAddress: '192.0.2.1',
      now,
    });
    const b = await createSession(handle.db, { tokenHash: 'hash-b', userId: user.id, expiresAt });
    const c = await createSession(handle.db, { tokenHash: 'hash-c', userId: user.id, expiresAt });
    expect(a).toMatchObject({ userAgent: 'Firefox', clientAddress: '192.0.2.1', endedAt: null });
    expect(a.createdAt).toEqual(now);
    expect(a.expiresAt).toEqual(expiresAt);

    const found = await findSessionByTokenHash(handle.db, 'hash-a');
    expect(found?.session.id).toBe(a.id);
    expect(found?.user).toMatchObject({ id: user.id, email: 'okt@example.no', active: true });
    expect(found?.user.lastSignInAt).toBeInstanceOf(Date);
    expect(await findSessionByTokenHash(handle.db, 'hash-unknown')).toBeNull();

    const later = new Date(now.getTime() + 5 * MINUTE);
    await touchSession(handle.db, a.id, later);
    expect((await findSessionByTokenHash(handle.db, 'hash-a'))?.session.lastSeenAt).toEqual(later);
    expect((await listSessionsOfUser(handle.db, user.id, now)).map((s) => s.id)[0]).toBe(a.id);
    expect(await listSessionsOfUser(handle.db, user.id, new Date(expiresAt.getTime() + 1))).toEqual(
      [],
    );

    // Only the owner ends a session through userId; an ended one is gone for good.
    const other = await newUser('annen@example.no');
    expect(await endSession(handle.db, { id: b.id, userId: other.id })).toBe(false);
    expect(await endSession(handle.db, { id: b.id, userId: user.id })).toBe(true);
    expect(await endSession(handle.db, { id: b.id })).toBe(false);
    expect(await endSession(handle.db, { id: 'not-a-uuid' })).toBe(false);
    expect(await findSessionByTokenHash(handle.db, 'hash-b')).toBeNull();

    expect(await endSessionsOfUser(handle.db, user.id, a.id)).toBe(1);
    expect(await findSessionByTokenHash(handle.db, 'hash-c')).toBeNull();
    expect((await listSessionsOfUser(handle.db, user.id, now)).map((s) => s.id)).toEqual([a.id]);
    expect(c.id).not.toBe(a.id);
    expect(await endSessionsOfUser(handle.db, user.id)).toBe(1);
    expect(await listSessionsOfUser(handle.db, user.id, now)).toEqual([]);
  });

  it('deactivates a user, ending their sessions; activates again', async () => {
    const user = await newUser('deaktiver@example.no');
    const expiresAt = new Date(Date.now() + HOUR);
    await createSession(handle.db, { tokenHash: 'hash-d1', userId: user.id, expiresAt });
    const off = await admin.setUserActive({ id: user.id, active: false, version: 1 });
    expect(off).toMatchObject({ kind: 'ok', value: { active: false, version: 2 } });
    expect(await findSessionByTokenHash(handle.db, 'hash-d1')).toBeNull();
    const [entry] = await auditHistory(handle.db, 'user', user.id);
    expect(entry).toMatchObject({
      action: 'user.deactivate',
      before: { active: true },
      after: { active: false },
    });
    const on = await admin.setUserActive({ id: user.id, active: true, version: 2 });
    expect(on).toMatchObject({ kind: 'ok', value: { active: true, version: 3 } });
    const users = await listUsers(handle.db);
    expect(users.find((u: UserRecord) => u.id === user.id)?.active).toBe(true);
    expect(users.every((u) => !('passwordHash' in u))).toBe(true);
  });

  it('changes a password, ending the other sessions and keeping the current one', async () => {
    const user = await newUser('passord@example.no');
    const expiresAt = new Date(Date.now() + HOUR);
    const current = await createSession(handle.db, {
      tokenHash: 'hash-p1',
      userId: user.id,
      expiresAt,
    });
    await createSession(handle.db, { tokenHash: 'hash-p2', userId: user.id, expiresAt });
    const changed = outcome(
      await setUserPassword(
        handle.db,
        { id: user.id, passwordHash: 'argon2-new', keepSessionId: current.id },
        { kind: 'user', id: user.id, name: user.name },
      ),
    );
    expect(changed).toMatchObject({ kind: 'ok', value: { version: 2 } });
    expect((await findUserByEmail(handle.db, user.email))?.passwordHash).toBe('argon2-new');
    expect(await findSessionByTokenHash(handle.db, 'hash-p1')).not.toBeNull();
    expect(await findSessionByTokenHash(handle.db, 'hash-p2')).toBeNull();
    const [entry] = await auditHistory(handle.db, 'user', user.id);
    expect(entry?.action).toBe('user.change-password');
    expect(JSON.stringify(entry)).not.toMatch(/argon2/);
  });

  it('creates, finds by hash, uses, lists and revokes API tokens', async () => {
    const admin = await newUser('tokenadmin@example.no', [{ role: 'admin' }]);
    const actor = { kind: 'user' as const, id: admin.id, name: admin.name };
    const created = outcome(
      await createApiToken(
        handle.db,
        { name: ' Nettside ', tokenHash: 'sha-token-1', organisation: 'ken', scope: 'write' },
        actor,
      ),
    );
    expect(created).toMatchObject({
      kind: 'ok',
      value: {
        name: 'Nettside',
        scope: 'write',
        organisation: { slug: 'ken', name: 'Klima- og energinettverk i Folloregionen' },
        createdBy: { id: admin.id },
        lastUsedAt: null,
        revokedAt: null,
      },
    });
    if (created.kind !== 'ok') return;
    const token = created.value;
    expect(await findApiTokenByHash(handle.db, 'sha-token-1')).toEqual(token);
    const used = new Date();
    await touchApiToken(handle.db, token.id, used);
    expect((await findApiTokenByHash(handle.db, 'sha-token-1'))?.lastUsedAt).toEqual(used);
    expect(
      outcome(
        await createApiToken(
          handle.db,
          { name: 'x', tokenHash: 'sha-token-2', organisation: 'finnes-ikke', scope: 'read' },
          actor,
        ),
      ).kind,
    ).toBe('not-found');

    const revoked = outcome(await revokeApiToken(handle.db, token.id, actor));
    expect(revoked.kind === 'ok' && revoked.value.revokedAt).toBeInstanceOf(Date);
    expect(await findApiTokenByHash(handle.db, 'sha-token-1')).toBeNull();
    const count = await auditCount(handle);
    expect(outcome(await revokeApiToken(handle.db, token.id, actor)).kind).toBe('ok');
    expect(await auditCount(handle)).toBe(count);
    expect(outcome(await revokeApiToken(handle.db, crypto.randomUUID(), actor)).kind).toBe(
      'not-found',
    );
    expect((await listApiTokens(handle.db)).map((t) => t.id)).toContain(token.id);

    const history = await auditHistory(handle.db, 'token', token.id);
    expect(history.map((e) => [e.action, e.organisation])).toEqual([
      ['token.revoke', 'ken'],
      ['token.create', 'ken'],
    ]);
    expect(JSON.stringify(history)).not.toMatch(/sha-token|hash/i);
  });
};

onEachEngine('accounts, sessions and tokens', accountSuite);
