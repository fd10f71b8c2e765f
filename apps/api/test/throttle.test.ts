import { type DbHandle, findUserByEmail, listAudit } from '@klimakommuner/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/access/accounts.ts';
import { verifyPassword } from '../src/access/secrets.ts';
import { createApiClient } from '../src/client.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { PASSWORD } from './global-setup.ts';
import { freshAddress } from './harness.ts';
import { ENGINES, openTestDatabase } from './support/databases.ts';
import { mutationBatch, tally } from './support/raw.ts';

const WRONG = 'et-helt-feil-passord';
const LOCK_MS = 15 * 60 * 1000;

// Each engine: a database and a server of the test's own, whose password checks are counted per
// stored hash (each user has their own; unknown emails are checked against one dummy hash).
describe.each(ENGINES)('attempt throttling on %s', (engine) => {
  let db: { handle: DbHandle; dispose(): Promise<void> };
  let server: RunningServer;
  let clockOffset = 0;
  const checks = new Map<string, number>();
  const checksOf = async (email: string) => {
    const user = await findUserByEmail(db.handle.db, email);
    return checks.get(user?.passwordHash ?? '') ?? 0;
  };

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      db: db.handle,
      now: () => new Date(Date.now() + clockOffset),
      verifyPassword: (hash, password) => {
        checks.set(hash, (checks.get(hash) ?? 0) + 1);
        return verifyPassword(hash, password);
      },
    });
  });
  afterAll(async () => {
    await server?.close();
    await db?.dispose();
  });

  const newUser = (email: string) =>
    createAccount(
      db.handle.db,
      { email, name: email, password: PASSWORD, roles: [{ role: 'admin' }] },
      null,
    );
  const signIn = (email: string, password: string, address = freshAddress()) =>
    mutationBatch(server.url, 'auth.signIn', [{ email, password }], {
      'X-Forwarded-For': address,
    }).then(([result]) => result ?? { code: 'NO ANSWER', data: null });
  const auditRows = async (action: string) =>
    (await listAudit(db.handle.db, { action }, 500)).items;

  it('checks at most 5 passwords of one batch of 50 sign-ins; the right one is refused until the lock ends', async () => {
    const email = 'batch@test.no';
    await newUser(email);
    const inputs = [
      ...Array.from({ length: 49 }, () => ({ email, password: WRONG })),
      { email, password: PASSWORD },
    ];
    const results = await mutationBatch(server.url, 'auth.signIn', inputs, {
      'X-Forwarded-For': freshAddress(),
    });
    expect(tally(results)).toEqual({ UNAUTHORIZED: 5, TOO_MANY_REQUESTS: 45 });
    expect(await checksOf(email)).toBe(5);
    expect((await signIn(email, PASSWORD)).code).toBe('TOO_MANY_REQUESTS');
    clockOffset = LOCK_MS - 60_000;
    expect((await signIn(email, PASSWORD)).code).toBe('TOO_MANY_REQUESTS');
    clockOffset = LOCK_MS + 1000;
    try {
      expect((await signIn(email, PASSWORD)).code).toBe('ok');
    } finally {
      clockOffset = 0;
    }
    expect(await checksOf(email)).toBe(6);
    // Failures and refusals are on the trail, never a password.
    const failed = (await auditRows('auth.sign-in-failed')).filter(
      (row) => (row.after as { email?: string }).email === email,
    );
    const throttled = (await auditRows('auth.sign-in-throttled')).filter(
      (row) => (row.after as { email?: string }).email === email,
    );
    expect([failed.length, throttled.length]).toEqual([5, 47]);
    expect(JSON.stringify([failed, throttled])).not.toMatch(/et-helt-feil|testpassord/);
  });

  it('checks at most 5 passwords of 20 parallel requests from different addresses', async () => {
    const email = 'parallell@test.no';
    await newUser(email);
    const results = await Promise.all(Array.from({ length: 20 }, () => signIn(email, WRONG)));
    expect(tally(results)).toEqual({
      UNAUTHORIZED: 5,
      TOO_MANY_REQUESTS: 15,
    });
    expect(await checksOf(email)).toBe(5);
    expect((await signIn(email, PASSWORD)).code).toBe('TOO_MANY_REQUESTS');
  });

  it('checks at most 20 passwords per client address, however the emails vary in a batch', async () => {
    const before = [...checks.values()].reduce((a, b) => a + b, 0);
    const inputs = Array.from({ length: 50 }, (_, i) => ({
      email: `ukjent-${i}@test.no`,
      password: WRONG,
    }));
    const results = await mutationBatch(server.url, 'auth.signIn', inputs, {
      'X-Forwarded-For': freshAddress(),
    });
    expect(tally(results)).toEqual({ UNAUTHORIZED: 20, TOO_MANY_REQUESTS: 30 });
    const after = [...checks.values()].reduce((a, b) => a + b, 0);
    expect(after - before).toBe(20);
  });

  it('throttles auth.changePassword like sign-in, on the same count, and audits it', async () => {
    const email = 'bytte@test.no';
    const user = await newUser(email);
    const first = await signIn(email, PASSWORD);
    const token = (first.data as { token: string }).token;
    const inputs = Array.from({ length: 10 }, () => ({
      currentPassword: WRONG,
      newPassword: 'et nytt og langt passord',
    }));
    const results = await mutationBatch(server.url, 'auth.changePassword', inputs, {
      Authorization: `Bearer ${token}`,
      'X-Forwarded-For': freshAddress(),
    });
    expect(tally(results)).toEqual({ UNAUTHORIZED: 5, TOO_MANY_REQUESTS: 5 });
    // The sign-in checked one password; the batch five more.
    expect(await checksOf(email)).toBe(6);
    expect((await signIn(email, PASSWORD)).code).toBe('TOO_MANY_REQUESTS');
    const api = createApiClient(server.url, { headers: { Authorization: `Bearer ${token}` } });
    await expect(
      api.auth.changePassword.mutate({
        currentPassword: PASSWORD,
        newPassword: 'annet passord her',
      }),
    ).rejects.toMatchObject({ data: { code: 'TOO_MANY_REQUESTS' } });
    const failed = (await auditRows('auth.change-password-failed')).filter(
      (row) => row.recordId === user.id,
    );
    const throttled = (await auditRows('auth.change-password-throttled')).filter(
      (row) => row.recordId === user.id,
    );
    expect([failed.length, throttled.length]).toEqual([5, 6]);
    expect(failed[0]?.actor).toMatchObject({ kind: 'user', id: user.id });
    expect(JSON.stringify([failed, throttled])).not.toMatch(/et-helt-feil|passord her|nytt og/);
  });
});
