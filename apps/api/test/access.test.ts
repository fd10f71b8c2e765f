import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, apiErrorCode } from '../src/client.ts';
import { appRouter } from '../src/router.ts';
import { A, B } from './global-setup.ts';
import { clientWith, signIn, useServer } from './harness.ts';

const t = useServer();

describe('every procedure declares its access', () => {
  it('walks the router: meta.access on each, and only the intended ones are public', () => {
    // At run time a flat record keyed by the dotted path.
    const procedures = appRouter._def.procedures as unknown as Record<
      string,
      { _def: { meta?: { access?: unknown } } }
    >;
    const missing = Object.entries(procedures)
      .filter(([, procedure]) => procedure._def.meta?.access === undefined)
      .map(([path]) => path);
    expect(missing).toEqual([]);
    const publicOnes = Object.entries(procedures)
      .filter(([, procedure]) => procedure._def.meta?.access === 'public')
      .map(([path]) => path)
      .sort();
    expect(publicOnes).toEqual([
      'auth.signIn',
      'counties.list',
      'municipalities.get',
      'municipalities.list',
      'organisations.get',
      'organisations.list',
      'participations.matrix',
      'projects.get',
      'projects.list',
      'themes.get',
      'themes.list',
    ]);
  });
});

type Who = 'anonymous' | 'contributorA' | 'editorA' | 'editorB' | 'admin' | 'readA' | 'writeA';
const EVERYONE: readonly Who[] = [
  'anonymous',
  'contributorA',
  'editorA',
  'editorB',
  'admin',
  'readA',
  'writeA',
];

/**
 * Who succeeds, per procedure and organisation (A = KKO, B = KEN). Everyone else: anonymous gets
 * UNAUTHORIZED, the rest FORBIDDEN.
 */
const ALLOWED: Readonly<Record<string, { A: readonly Who[]; B: readonly Who[] }>> = {
  'organisations.getForEdit': {
    A: ['contributorA', 'editorA', 'admin', 'readA', 'writeA'],
    B: ['editorB', 'admin'],
  },
  'organisations.update': { A: ['editorA', 'admin', 'writeA'], B: ['editorB', 'admin'] },
  'organisations.transition(publish)': {
    A: ['editorA', 'admin', 'writeA'],
    B: ['editorB', 'admin'],
  },
  'memberships.list': {
    A: ['contributorA', 'editorA', 'admin', 'readA', 'writeA'],
    B: ['editorB', 'admin'],
  },
  'memberships.add': { A: ['editorA', 'admin', 'writeA'], B: ['editorB', 'admin'] },
  'audit.history': {
    A: ['contributorA', 'editorA', 'admin', 'readA', 'writeA'],
    B: ['editorB', 'admin'],
  },
};
const SYSTEM_ALLOWED: Readonly<Record<string, readonly Who[]>> = {
  'users.list': ['admin'],
  'tokens.list': ['admin'],
  'audit.list': ['admin'],
  'dashboard.overview': ['contributorA', 'editorA', 'editorB', 'admin'],
};

const expected = (who: Who, allowed: readonly Who[]) =>
  allowed.includes(who) ? 'ok' : who === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN';

const outcome = async (call: () => Promise<unknown>): Promise<string> => {
  try {
    await call();
    return 'ok';
  } catch (error) {
    return apiErrorCode(error) ?? String(error);
  }
};

describe('the access matrix', () => {
  const clients = {} as Record<Who, ApiClient>;
  let freeMunicipalities: string[] = [];

  beforeAll(async () => {
    clients.anonymous = clientWith(t.url, null);
    for (const who of ['contributorA', 'editorA', 'editorB', 'admin'] as const) {
      clients[who] = clientWith(t.url, await signIn(t.url, who));
    }
    for (const scope of ['read', 'write'] as const) {
      const { token } = await clients.admin.tokens.create.mutate({
        name: `matrise-${scope}`,
        organisation: A,
        scope,
      });
      clients[scope === 'read' ? 'readA' : 'writeA'] = clientWith(t.url, token);
    }
    const all = await t.api.municipalities.list.query({ limit: 500 });
    freeMunicipalities = all.items.filter((m) => m.organisations.length === 0).map((m) => m.number);
  });

  const admin = () => clients.admin;
  const profile = (slug: string) => admin().organisations.getForEdit.query({ slug });
  const membershipsOf = (organisation: string) => admin().memberships.list.query({ organisation });

  it.each([
    ['A', A],
    ['B', B],
  ] as const)(
    'reads and writes on records of %s answer as the table says, refusals change nothing',
    async (key, slug) => {
      const seen: Record<string, Record<string, string>> = {};
      const record = (procedure: string, who: Who, result: string) => {
        seen[procedure] ??= {};
        (seen[procedure] as Record<string, string>)[who] = result;
      };
      for (const who of EVERYONE) {
        const api = clients[who];
        record(
          'organisations.getForEdit',
          who,
          await outcome(() => api.organisations.getForEdit.query({ slug })),
        );
        record(
          'memberships.list',
          who,
          await outcome(() => api.memberships.list.query({ organisation: slug })),
        );
        record(
          'audit.history',
          who,
          await outcome(() =>
            api.audit.history.query({ recordType: 'organisation', recordId: slug }),
          ),
        );

        const before = await profile(slug);
        const updated = await outcome(() =>
          api.organisations.update.mutate({
            slug,
            version: before.version,
            description: before.description,
            website: before.website ?? '',
            contactEmail: before.contactEmail ?? '',
          }),
        );
        record('organisations.update', who, updated);
        if (updated !== 'ok') expect(await profile(slug)).toEqual(before);

        const draft = await profile(slug);
        const published = await outcome(() =>
          api.organisations.transition.mutate({
            slug,
            version: draft.version,
            transition: 'publish',
          }),
        );
        record('organisations.transition(publish)', who, published);
        const after = await profile(slug);
        if (published === 'ok') {
          expect(after.status).toBe('published');
          await admin().organisations.transition.mutate({
            slug,
            version: after.version,
            transition: 'unpublish',
          });
        } else {
          expect(after).toEqual(draft);
        }

        const membershipsBefore = await membershipsOf(slug);
        const added = await outcome(() =>
          api.memberships.add.mutate({
            organisation: slug,
            municipality: freeMunicipalities.pop() ?? '',
            from: '2099-01-01',
          }),
        );
        record('memberships.add', who, added);
        if (added !== 'ok') expect(await membershipsOf(slug)).toEqual(membershipsBefore);
      }
      const want: typeof seen = {};
      for (const [procedure, allowed] of Object.entries(ALLOWED)) {
        want[procedure] = Object.fromEntries(
          EVERYONE.map((who) => [who, expected(who, allowed[key])]),
        );
      }
      expect(seen).toEqual(want);
    },
  );

  it('system procedures: admin only (the dashboard: any signed-in user)', async () => {
    const seen: Record<string, Record<string, string>> = {};
    const want: typeof seen = {};
    for (const who of EVERYONE) {
      const api = clients[who];
      const calls: Record<string, () => Promise<unknown>> = {
        'users.list': () => api.users.list.query(),
        'tokens.list': () => api.tokens.list.query(),
        'audit.list': () => api.audit.list.query({ limit: 1 }),
        'dashboard.overview': () => api.dashboard.overview.query(),
      };
      for (const [procedure, call] of Object.entries(calls)) {
        seen[procedure] = { ...seen[procedure], [who]: await outcome(call) };
        want[procedure] = {
          ...want[procedure],
          [who]: expected(who, SYSTEM_ALLOWED[procedure] ?? []),
        };
      }
    }
    expect(seen).toEqual(want);
  });

  it('a contributor may submit but not publish; the refusal is audited', async () => {
    const slug = A;
    const before = await profile(slug);
    expect(
      await outcome(() =>
        clients.contributorA.organisations.transition.mutate({
          slug,
          version: before.version,
          transition: 'publish',
        }),
      ),
    ).toBe('FORBIDDEN');
    const refused = await admin().audit.list.query({ action: 'access.refused', limit: 50 });
    expect(refused.items).toContainEqual(
      expect.objectContaining({
        action: 'access.refused',
        organisation: A,
        actor: expect.objectContaining({ kind: 'user', name: 'contributorA' }),
        after: { action: 'content.publish', procedure: 'organisations.transition' },
      }),
    );
  });

  it('the editor sees the right organisations on the dashboard and in me', async () => {
    const overview = await clients.editorB.dashboard.overview.query();
    expect(overview.organisations.map((o) => o.slug)).toEqual([B]);
    const all = await clients.admin.dashboard.overview.query();
    expect(all.organisations).toHaveLength(3);
  });
});
