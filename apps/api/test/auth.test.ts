import { writeFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { apiErrorCode, createApiClient, isApiError } from '../src/client.ts';
import { A, PASSWORD, TEST_USERS } from './global-setup.ts';
import { clientWith, freshAddress, rejection, signIn, useServer } from './harness.ts';

const t = useServer();
const code = async (call: () => Promise<unknown>) => apiErrorCode(await rejection(call));

/** A user of this file's own, created by the admin, so changes here touch nobody else. */
const newUser = async (email: string, password = PASSWORD) => {
  const admin = clientWith(t.url, await signIn(t.url, 'admin'));
  const user = await admin.users.create.mutate({
    email,
    name: email,
    password,
    roles: [{ role: 'contributor', organisation: A }],
  });
  return { admin, user };
};

describe('sign-in, me, sign-out', () => {
  it('signs in with any case and spaces in the email, a new token each time', async () => {
    const first = await clientWith(t.url, null, freshAddress()).auth.signIn.mutate({
      email: `  ${TEST_USERS.editorA?.email.toUpperCase()} `,
      password: PASSWORD,
    });
    expect(first.token).toMatch(/^kks_[A-Za-z0-9_-]{43}$/);
    expect(first.user).toMatchObject({
      email: 'redaktor-a@test.no',
      roles: [{ role: 'editor', organisation: A }],
    });
    expect(first.user.organisations.map((o) => o.slug)).toEqual([A]);
    const second = await signIn(t.url, 'editorA');
    expect(second).not.toBe(first.token);
    const me = await clientWith(t.url, first.token).auth.me.query();
    expect(me.email).toBe('redaktor-a@test.no');
  });

  it('tells the administrator when each user last signed in, and never for one who has not', async () => {
    const email = 'sist-innlogget@test.no';
    const { admin, user } = await newUser(email);
    const before = (await admin.users.list.query()).items.find((u) => u.id === user.id);
    expect(before?.lastSignInAt).toBeNull();
    const started = Date.now();
    await signIn(t.url, { email, password: PASSWORD });
    const after = (await admin.users.list.query()).items.find((u) => u.id === user.id);
    expect(Date.parse(after?.lastSignInAt ?? '')).toBeGreaterThanOrEqual(started - 1000);
  });

  it('ends the session on sign-out: the token is dead afterwards', async () => {
    const token = await signIn(t.url, 'contributorA');
    const api = clientWith(t.url, token);
    await api.auth.signOut.mutate();
    expect(await code(() => api.auth.me.query())).toBe('UNAUTHORIZED');
  });

  it('answers UNAUTHORIZED without a token, with a garbage one and for a cookie', async () => {
    expect(await code(() => t.api.auth.me.query())).toBe('UNAUTHORIZED');
    expect(await code(() => clientWith(t.url, 'kks_nonsense').auth.me.query())).toBe(
      'UNAUTHORIZED',
    );
    const token = await signIn(t.url, 'editorB');
    const withCookie = createApiClient(t.url, { headers: { Cookie: `session=${token}` } });
    expect(await code(() => withCookie.auth.me.query())).toBe('UNAUTHORIZED');
  });

  it('lists the active sessions and ends one of them', async () => {
    await newUser('okter@test.no');
    const one = await signIn(t.url, { email: 'okter@test.no', password: PASSWORD });
    const two = await signIn(t.url, { email: 'okter@test.no', password: PASSWORD });
    const api = clientWith(t.url, one);
    const { items } = await api.auth.sessions.query();
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    const other = items.find((s) => !s.current);
    await api.auth.endSession.mutate({ id: other?.id ?? '' });
    expect(await code(() => clientWith(t.url, two).auth.me.query())).toBe('UNAUTHORIZED');
    expect((await api.auth.sessions.query()).items).toHaveLength(1);
    expect(await code(() => api.auth.endSession.mutate({ id: other?.id ?? '' }))).toBe('NOT_FOUND');
  });

  it('changing the password ends the other sessions, keeps this one, refuses weak ones', async () => {
    await newUser('bytt@test.no');
    const keep = await signIn(t.url, { email: 'bytt@test.no', password: PASSWORD });
    const other = await signIn(t.url, { email: 'bytt@test.no', password: PASSWORD });
    const api = clientWith(t.url, keep);
    const weak = await rejection(() =>
      api.auth.changePassword.mutate({ currentPassword: PASSWORD, newPassword: 'passord12345' }),
    );
    expect(isApiError(weak) && weak.data?.issues).toEqual([
      { path: ['newPassword'], message: expect.stringMatching(/for vanlig/) },
    ]);
    expect(
      await code(() =>
        api.auth.changePassword.mutate({
          currentPassword: 'feil',
          newPassword: 'nytt langt passord her',
        }),
      ),
    ).toBe('UNAUTHORIZED');
    await api.auth.changePassword.mutate({
      currentPassword: PASSWORD,
      newPassword: 'nytt langt passord her',
    });
    expect((await api.auth.me.query()).email).toBe('bytt@test.no');
    expect(await code(() => clientWith(t.url, other).auth.me.query())).toBe('UNAUTHORIZED');
    await signIn(t.url, { email: 'bytt@test.no', password: 'nytt langt passord her' });
  });

  it('deactivating a user ends all their sessions and refuses sign-in', async () => {
    const { admin, user } = await newUser('deaktiver@test.no');
    const token = await signIn(t.url, { email: 'deaktiver@test.no', password: PASSWORD });
    await admin.users.deactivate.mutate({ id: user.id, version: user.version });
    expect(await code(() => clientWith(t.url, token).auth.me.query())).toBe('UNAUTHORIZED');
    expect(
      await code(() => signIn(t.url, { email: 'deaktiver@test.no', password: PASSWORD })),
    ).toBe('UNAUTHORIZED');
  });
});

describe('sign-in throttling', () => {
  it('locks an account after 5 failures, whatever case, spaces or extra fields', async () => {
    const email = 'laas@test.no';
    await newUser(email);
    const variants = [email, 'LAAS@test.no', ` ${email} `, 'Laas@Test.No', email];
    for (const [i, variant] of variants.entries()) {
      const api = clientWith(t.url, null, freshAddress());
      const input = { email: variant, password: 'feil passord', ...(i === 2 ? { extra: i } : {}) };
      const error = await rejection(() => api.auth.signIn.mutate(input));
      expect(isApiError(error) && error.message).toBe('Feil e-post eller passord.');
    }
    const locked = await rejection(() =>
      clientWith(t.url, null, freshAddress()).auth.signIn.mutate({ email, password: PASSWORD }),
    );
    expect(apiErrorCode(locked)).toBe('TOO_MANY_REQUESTS');
    const data = isApiError(locked) ? (locked.data as { retryAfterSeconds?: number }) : {};
    expect(data.retryAfterSeconds).toBeGreaterThan(800);
    expect(isApiError(locked) && locked.message).toMatch(/^For mange mislykkede/);
  });

  it('answers an unknown email exactly like a wrong password, and counts it', async () => {
    const address = freshAddress();
    const unknown = await rejection(() =>
      clientWith(t.url, null, address).auth.signIn.mutate({
        email: 'finnes-ikke@test.no',
        password: PASSWORD,
      }),
    );
    expect(isApiError(unknown) && [unknown.message, unknown.data?.code]).toEqual([
      'Feil e-post eller passord.',
      'UNAUTHORIZED',
    ]);
  });

  it('locks a client address after 20 failures', async () => {
    const address = freshAddress();
    const api = clientWith(t.url, null, address);
    for (let i = 0; i < 20; i++) {
      await rejection(() =>
        api.auth.signIn.mutate({ email: `ukjent-${i}@test.no`, password: 'x' }),
      );
    }
    expect(
      await code(() => api.auth.signIn.mutate({ email: 'admin@test.no', password: PASSWORD })),
    ).toBe('TOO_MANY_REQUESTS');
  });
});

describe('session expiry (injected clock)', () => {
  const clockUrl = inject('clockUrl');
  const setOffset = (ms: number) => writeFileSync(inject('clockFile'), String(ms));

  it('ends a session idle for more than 60 minutes and any session after 12 hours', async () => {
    setOffset(0);
    try {
      const idle = await signIn(clockUrl, 'contributorA');
      const busy = await signIn(clockUrl, 'contributorA');
      setOffset(59 * 60_000);
      await clientWith(clockUrl, busy).auth.me.query();
      setOffset(61 * 60_000);
      expect(await code(() => clientWith(clockUrl, idle).auth.me.query())).toBe('UNAUTHORIZED');
      // busy was seen at +59 min, so it is alive at +61; keep it busy until the 12 hours run out.
      for (let minutes = 100; minutes < 12 * 60; minutes += 50) {
        setOffset(minutes * 60_000);
        await clientWith(clockUrl, busy).auth.me.query();
      }
      setOffset(12 * 3_600_000 + 1000);
      expect(await code(() => clientWith(clockUrl, busy).auth.me.query())).toBe('UNAUTHORIZED');
    } finally {
      setOffset(0);
    }
  });
});

describe('API tokens', () => {
  it('are shown once, work as bearer with their scope, and stop working when revoked', async () => {
    const admin = clientWith(t.url, await signIn(t.url, 'admin'));
    const created = await admin.tokens.create.mutate({
      name: 'Nettside',
      organisation: A,
      scope: 'read',
    });
    expect(created.token).toMatch(/^kkt_[A-Za-z0-9_-]{43}$/);
    const listed = await admin.tokens.list.query();
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(listed.items.find((i) => i.id === created.item.id)?.scope).toBe('read');
    const api = clientWith(t.url, created.token);
    expect((await api.organisations.getForEdit.query({ slug: A })).slug).toBe(A);
    expect(await code(() => api.tokens.list.query())).toBe('FORBIDDEN');
    await admin.tokens.revoke.mutate({ id: created.item.id });
    expect(await code(() => api.organisations.getForEdit.query({ slug: A }))).toBe('UNAUTHORIZED');
  });
});
