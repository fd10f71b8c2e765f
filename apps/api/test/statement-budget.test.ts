import {
  countStatements,
  type DbHandle,
  seed,
  seedDemoEvents,
  seedDemoParticipations,
  seedSynthetic,
} from '@klimakommuner/db';
import { type Role, todayIso } from '@klimakommuner/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/access/accounts.ts';
import { createServices } from '../src/access/lookups.ts';
import { verifyPassword } from '../src/access/secrets.ts';
import { resolveAuth, signIn } from '../src/access/sessions.ts';
import { appRouter } from '../src/router.ts';
import { ANONYMOUS_AUTH, type Auth, type Ctx, createCallerFactory } from '../src/trpc.ts';
import { PASSWORD } from './global-setup.ts';
import { ENGINES, openTestDatabase } from './support/databases.ts';

// The read path's statement budget (docs/architecture.md): each public list procedure sends at
// most 2 statements, each portal page's batch at most 3 in total, auth.me (its session check
// included) at most 2; and a session's last_seen is written at most once a minute. Counted by the
// db's statement counter (an AsyncLocalStorage scope around in-process calls), on the seeded data
// plus demo participations and three synthetic copies, so no budget holds only for small data.

const KKO = 'kommunenettverk-for-klimaomstilling';
const TODAY = '2026-01-15';
const createCaller = createCallerFactory(appRouter);

describe.each(ENGINES)('statement budget on %s', (engine) => {
  let db: { handle: DbHandle; dispose(): Promise<void> };
  let clock = new Date('2026-01-15T10:00:00Z');
  const ctxFor = (bearer: string | null): Ctx => {
    let resolved: Promise<Auth> | undefined;
    return {
      db: db.handle.db,
      today: () => TODAY,
      anonymous: bearer === null,
      now: () => clock,
      clientAddress: '198.51.100.7',
      userAgent: null,
      verifyPassword,
      services: createServices(db.handle.db),
      // No cache here: the statements counted are the repositories' own.
      contentWritten: async () => {},
      auth: () => {
        resolved ??=
          bearer === null
            ? Promise.resolve(ANONYMOUS_AUTH)
            : resolveAuth(db.handle.db, bearer, clock);
        return resolved;
      },
    };
  };
  const anonymous = () => createCaller(ctxFor(null));
  const statements = async (work: () => Promise<unknown>) =>
    (await countStatements(work)).statements;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await seed(db.handle.db);
    await seedDemoParticipations(db.handle.db, TODAY);
    await seedSynthetic(db.handle.db, 3, todayIso());
    await seedDemoEvents(db.handle.db, TODAY);
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('answers each public list procedure in at most 2 statements', async () => {
    const api = anonymous();
    const lists: [string, () => Promise<unknown>][] = [
      ['organisations.list', () => api.organisations.list()],
      ['counties.list', () => api.counties.list()],
      ['regions.list', () => api.regions.list()],
      ['themes.list', () => api.themes.list()],
      ['municipalities.list', () => api.municipalities.list({ limit: 50 })],
      [
        'municipalities.list (filtered)',
        () =>
          api.municipalities.list({
            membersOnly: true,
            organisation: KKO,
            county: '32',
            q: 'b',
            limit: 5,
          }),
      ],
      ['projects.list', () => api.projects.list({ limit: 20 })],
      [
        'projects.list (filtered)',
        () => api.projects.list({ organisation: KKO, status: 'ongoing', q: 'e', limit: 3 }),
      ],
      ['search.site', () => api.search.site({ q: 'kommune' })],
      ['search.site (a kind)', () => api.search.site({ q: 'klima', type: 'project', limit: 5 })],
      ['events.list', () => api.events.list({ limit: 20 })],
      [
        'events.list (filtered, past)',
        () => api.events.list({ when: 'past', organiser: KKO, theme: 'utslippskutt', limit: 5 }),
      ],
      ['events.calendar', () => api.events.calendar({ theme: 'utslippskutt' })],
      ['events.filters', () => api.events.filters()],
      ['articles.list', () => api.articles.list({ limit: 20 })],
      [
        'articles.list (filtered)',
        () => api.articles.list({ publisher: KKO, theme: 'utslippskutt', municipality: '3218' }),
      ],
      ['articles.latest', () => api.articles.latest({ project: 'gronn-mobilitet' })],
      ['articles.feed', () => api.articles.feed({ publisher: KKO })],
      ['articles.filters', () => api.articles.filters()],
    ];
    for (const [name, call] of lists) {
      expect(await statements(call), name).toBeLessThanOrEqual(2);
    }
  });

  it('answers each portal page’s batch in at most 3 statements', async () => {
    const api = anonymous();
    // What each page's load sends together (apps/portal/src/routes/**/+page.server.ts).
    const pages: Record<string, () => Promise<unknown>> = {
      '/': () => api.organisations.list(),
      '/kommuner': () =>
        Promise.all([
          api.organisations.list(),
          api.counties.list(),
          api.municipalities.list({ membersOnly: true, limit: 100 }),
        ]),
      // Two round trips: the other kinds name the municipality by its number.
      '/kommuner/baerum': async () => {
        await api.municipalities.get({ slug: 'baerum' });
        return api.related.get({ municipality: '3201', resources: 5, articles: 3, events: 3 });
      },
      '/nettverk': () => api.organisations.list(),
      [`/nettverk/${KKO}`]: () =>
        Promise.all([
          api.organisations.get({ slug: KKO }),
          api.participations.matrix({ organisation: KKO }),
          api.related.get({ organisation: KKO, resources: 5, articles: 3, events: 3 }),
        ]),
      '/prosjekter': () =>
        Promise.all([
          api.themes.list(),
          api.municipalities.list({ membersOnly: true, limit: 500 }),
          api.projects.list({ limit: 100 }),
        ]),
      '/prosjekter/<slug>': async () => {
        const [first] = (await api.projects.list({ limit: 1 })).items;
        return first
          ? Promise.all([
              api.projects.get({ slug: first.slug }),
              api.related.get({ project: first.slug, resources: 5, articles: 3, events: 3 }),
            ])
          : null;
      },
      '/tema/<slug>': async () => {
        const [first] = (await api.themes.list()).items;
        return Promise.all([
          api.themes.get({ slug: first?.slug ?? '' }),
          api.related.get({ theme: first?.slug ?? '', resources: 5, articles: 3, events: 3 }),
        ]);
      },
      '/tema': () => api.themes.list(),
      '/regioner': () => api.regions.list(),
      '/regioner/hallingdal': () => api.regions.get({ slug: 'hallingdal' }),
      '/om-nettstedet': () => api.organisations.list(),
      '/sok?q=kommune': () => api.search.site({ q: 'kommune' }),
      '/sitemap.xml': () =>
        Promise.all([api.search.sitemap(), api.themes.list(), api.regions.list()]),
      '/arrangementer': () => Promise.all([api.events.list({ limit: 20 }), api.events.filters()]),
      '/arrangementer/ombruksdagen-demo': () => api.events.get({ slug: 'ombruksdagen-demo' }),
      '/arrangementer/kalender.ics': () => api.events.calendar({}),
      '/aktuelt': () =>
        Promise.all([
          api.articles.filters(),
          api.articles.list({ theme: 'utslippskutt', limit: 20 }),
        ]),
      '/aktuelt/<slug>': () => api.articles.get({ slug: 'finnes-ikke' }).catch(() => null),
    };
    for (const [page, load] of Object.entries(pages)) {
      // The list call only finds a slug.
      const budget = page === '/prosjekter/<slug>' || page === '/tema/<slug>' ? 1 + 3 : 3;
      expect(await statements(load), page).toBeLessThanOrEqual(budget);
    }
    const [theme] = (await api.themes.list()).items;
    expect(
      await statements(() => api.themes.get({ slug: theme?.slug ?? '' })),
      '/tema/<slug>',
    ).toBeLessThanOrEqual(3);
    const [project] = (await api.projects.list({ limit: 1 })).items;
    expect(
      await statements(() => api.projects.get({ slug: project?.slug ?? '' })),
      '/prosjekter/<slug>',
    ).toBeLessThanOrEqual(3);
  });

  it('fails a budget that is exceeded: the counter sees every statement', async () => {
    const api = anonymous();
    const one = await statements(() => api.organisations.list());
    const three = await statements(() =>
      Promise.all([api.organisations.list(), api.organisations.list(), api.organisations.list()]),
    );
    expect(one).toBeGreaterThan(0);
    expect(three).toBe(3 * one);
  });

  const newSession = async (email: string, roles: Role[]) => {
    await createAccount(db.handle.db, { email, name: email, password: PASSWORD, roles }, null);
    const { token } = await signIn(
      db.handle.db,
      { email, password: PASSWORD, clientAddress: '198.51.100.7', userAgent: null, now: clock },
      verifyPassword,
    );
    return token;
  };

  it('answers auth.me, session check included, in at most 2 statements', async () => {
    const editor = await newSession('budsjett-redaktor@test.no', [
      { role: 'editor', organisation: KKO },
    ]);
    const admin = await newSession('budsjett-admin@test.no', [{ role: 'admin' }]);
    clock = new Date(clock.getTime() + 10_000);
    let me: Awaited<ReturnType<ReturnType<typeof createCaller>['auth']['me']>> | undefined;
    expect(
      await statements(async () => {
        me = await createCaller(ctxFor(editor)).auth.me();
      }),
    ).toBeLessThanOrEqual(2);
    expect(me?.organisations.map((o) => o.slug)).toEqual([KKO]);
    expect(me?.roles).toEqual([{ role: 'editor', organisation: KKO }]);
    expect(
      await statements(async () => {
        me = await createCaller(ctxFor(admin)).auth.me();
      }),
    ).toBeLessThanOrEqual(2);
    expect(me?.organisations.length).toBeGreaterThan(3);
  });

  it('writes a session’s last_seen at most once a minute', async () => {
    const token = await newSession('budsjett-sett@test.no', [{ role: 'admin' }]);
    const signedInAt = clock;
    const lastSeen = async () =>
      (
        await db.handle.db
          .selectFrom('session as s')
          .innerJoin('app_user as u', 'u.id', 's.user_id')
          .select('s.last_seen_at')
          .where('u.email', '=', 'budsjett-sett@test.no')
          .executeTakeFirstOrThrow()
      ).last_seen_at.getTime();
    const at = async (ms: number) => {
      clock = new Date(signedInAt.getTime() + ms);
      const { result, kinds } = await countStatements(() =>
        resolveAuth(db.handle.db, token, clock),
      );
      expect(result.user?.email).toBe('budsjett-sett@test.no');
      return kinds.filter((k) => k === 'UpdateQueryNode').length;
    };
    expect(await at(20_000)).toBe(0);
    expect(await at(50_000)).toBe(0);
    expect(await lastSeen()).toBe(signedInAt.getTime());
    expect(await at(61_000)).toBe(1);
    expect(await lastSeen()).toBe(signedInAt.getTime() + 61_000);
    expect(await at(90_000)).toBe(0);
    expect(await at(120_000)).toBe(0);
    expect(await at(122_000)).toBe(1);
    expect(await lastSeen()).toBe(signedInAt.getTime() + 122_000);
  });
});
