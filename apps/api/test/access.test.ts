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
      'articles.feed',
      'articles.filters',
      'articles.get',
      'articles.latest',
      'articles.list',
      'auth.signIn',
      'counties.list',
      'events.calendar',
      'events.filters',
      'events.get',
      'events.list',
      'municipalities.get',
      'municipalities.list',
      'organisations.get',
      'organisations.list',
      'participations.matrix',
      'projects.get',
      'projects.list',
      'regions.get',
      'regions.list',
      'related.get',
      'resources.get',
      'resources.list',
      'search.site',
      'search.sitemap',
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
        after: expect.objectContaining({
          action: 'content.publish',
          procedure: 'organisations.transition',
        }),
      }),
    );
  });

  describe('projects, participations and people', () => {
    interface Records {
      /** A person of the organisation, leading its projects. */
      person: string;
      draft: string;
      published: string;
      participation: string;
      /** Current members not yet in `published`, for successful participations.add calls. */
      members: string[];
    }
    const records = {} as Record<'A' | 'B', Records>;
    const SINCE = '2025-03-01';

    const setUp = async (slug: string): Promise<Records> => {
      const api = admin();
      const person = await api.people.create.mutate({
        name: `Matriseleder ${slug}`,
        title: 'Prosjektleder',
        organisation: slug,
        consent: false,
      });
      const project = (title: string) =>
        api.projects.create.mutate({
          organisation: slug,
          title,
          summary: 'Til tilgangsmatrisen.',
          body: 'Tekst.',
          themes: ['mat'],
          status: 'ongoing',
          leaders: [person.id],
        });
      const draft = await project(`Matriseutkast ${slug}`);
      const created = await project(`Matrisepublisert ${slug}`);
      await api.projects.publish.mutate({ slug: created.slug, version: created.version });
      const members = (await t.api.organisations.get.query({ slug })).members
        .filter((m) => m.from <= SINCE)
        .map((m) => m.municipality.number);
      const participation = await api.participations.add.mutate({
        project: created.slug,
        municipality: members.shift() ?? '',
        status: 'participating',
        since: SINCE,
      });
      return {
        person: person.id,
        draft: draft.slug,
        published: created.slug,
        participation: participation.id,
        members,
      };
    };

    beforeAll(async () => {
      records.A = await setUp(A);
      records.B = await setUp(B);
    });

    const editView = (slug: string) => admin().projects.getForEdit.query({ slug });
    const fields = (view: Awaited<ReturnType<typeof editView>>) => ({
      slug: view.slug,
      version: view.version,
      title: view.title,
      summary: view.summary,
      body: view.body,
      themes: view.themes.map((theme) => theme.slug),
      status: view.status,
      startDate: view.startDate,
      endDate: view.endDate,
      leaders: [...view.leaderIds],
      links: [...view.links],
    });
    const personOf = async (organisation: string, id: string) =>
      (await admin().people.list.query({ organisation })).find((p) => p.id === id);
    const participationOf = async (slug: string, id: string) =>
      (await editView(slug)).participations.find((p) => p.id === id);

    const ALLOWED_CONTENT: Readonly<Record<string, { A: readonly Who[]; B: readonly Who[] }>> = {
      'projects.getForEdit': {
        A: ['contributorA', 'editorA', 'admin', 'readA', 'writeA'],
        B: ['editorB', 'admin'],
      },
      'projects.listForEdit': {
        A: ['contributorA', 'editorA', 'admin', 'readA', 'writeA'],
        B: ['editorB', 'admin'],
      },
      'projects.previewPage': {
        A: ['contributorA', 'editorA', 'admin', 'readA', 'writeA'],
        B: ['editorB', 'admin'],
      },
      'projects.create': {
        A: ['contributorA', 'editorA', 'admin', 'writeA'],
        B: ['editorB', 'admin'],
      },
      'projects.update(draft)': {
        A: ['contributorA', 'editorA', 'admin', 'writeA'],
        B: ['editorB', 'admin'],
      },
      'projects.update(published)': { A: ['editorA', 'admin', 'writeA'], B: ['editorB', 'admin'] },
      'projects.transition(submit)': {
        A: ['contributorA', 'editorA', 'admin', 'writeA'],
        B: ['editorB', 'admin'],
      },
      'projects.publish': { A: ['editorA', 'admin', 'writeA'], B: ['editorB', 'admin'] },
      'projects.archive': { A: ['editorA', 'admin', 'writeA'], B: ['editorB', 'admin'] },
      'participations.add': { A: ['editorA', 'admin', 'writeA'], B: ['editorB', 'admin'] },
      'participations.setStatus': { A: ['editorA', 'admin', 'writeA'], B: ['editorB', 'admin'] },
      'participations.withdraw': { A: ['editorA', 'admin', 'writeA'], B: ['editorB', 'admin'] },
      'participations.setContact': { A: ['editorA', 'admin', 'writeA'], B: ['editorB', 'admin'] },
      'participations.contactCandidates': {
        A: ['editorA', 'admin', 'writeA'],
        B: ['editorB', 'admin'],
      },
      'people.list': { A: ['editorA', 'admin', 'writeA'], B: ['editorB', 'admin'] },
      'people.create': { A: ['editorA', 'admin', 'writeA'], B: ['editorB', 'admin'] },
      'people.update': { A: ['editorA', 'admin', 'writeA'], B: ['editorB', 'admin'] },
    };

    it.each([
      ['A', A],
      ['B', B],
    ] as const)(
      'on records of %s answer as the table says, refusals change nothing',
      async (key, slug) => {
        const mine = records[key];
        const seen: Record<string, Record<string, string>> = {};
        const record = (procedure: string, who: Who, result: string) => {
          seen[procedure] = { ...seen[procedure], [who]: result };
        };
        /** Runs a write; when refused, the record read by `read` must not have changed. */
        const write = async (
          procedure: string,
          who: Who,
          read: () => Promise<unknown>,
          call: () => Promise<unknown>,
        ): Promise<string> => {
          const before = await read();
          const result = await outcome(call);
          record(procedure, who, result);
          if (result !== 'ok') expect(await read()).toEqual(before);
          return result;
        };
        // Other files create projects and people in A and B too: look only for this one's.
        const createdBy = (who: Who) => async () =>
          (await admin().projects.listForEdit.query({ organisation: slug })).items.filter(
            (item) => item.title === `Opprettet av ${who}`,
          );
        const peopleBy = (who: Who) => async () =>
          (await admin().people.list.query({ organisation: slug })).filter(
            (item) => item.name === `Person fra ${who}`,
          );

        for (const who of EVERYONE) {
          const api = clients[who];
          record(
            'projects.getForEdit',
            who,
            await outcome(() => api.projects.getForEdit.query({ slug: mine.draft })),
          );
          record(
            'projects.listForEdit',
            who,
            await outcome(() => api.projects.listForEdit.query({ organisation: slug })),
          );
          record(
            'projects.previewPage',
            who,
            await outcome(() => api.projects.previewPage.query({ slug: mine.draft })),
          );
          await write('projects.create', who, createdBy(who), () =>
            api.projects.create.mutate({
              organisation: slug,
              title: `Opprettet av ${who}`,
              summary: '',
              body: '',
              themes: [],
              status: 'planned',
              leaders: [],
            }),
          );
          const draft = await editView(mine.draft);
          await write(
            'projects.update(draft)',
            who,
            () => editView(mine.draft),
            () => api.projects.update.mutate({ ...fields(draft), summary: `Endret av ${who}` }),
          );
          const published = await editView(mine.published);
          await write(
            'projects.update(published)',
            who,
            () => editView(mine.published),
            () => api.projects.update.mutate({ ...fields(published), summary: `Endret av ${who}` }),
          );

          // Workflow: each success is put back by the admin, so the next one starts from a draft.
          const beforeSubmit = await editView(mine.draft);
          const submitted = await write(
            'projects.transition(submit)',
            who,
            () => editView(mine.draft),
            () =>
              api.projects.transition.mutate({
                slug: mine.draft,
                version: beforeSubmit.version,
                transition: 'submit',
              }),
          );
          const backToDraft = async (via: 'unpublish' | 'restore') => {
            let now = await editView(mine.draft);
            if (via === 'restore') {
              now = await admin().projects.archive.mutate({
                slug: mine.draft,
                version: now.version,
              });
            }
            const back = await admin().projects.transition.mutate({
              slug: mine.draft,
              version: now.version,
              transition: via,
            });
            expect(back.workflowStatus).toBe('draft');
          };
          if (submitted === 'ok') await backToDraft('restore');
          const beforePublish = await editView(mine.draft);
          const publishedNow = await write(
            'projects.publish',
            who,
            () => editView(mine.draft),
            () => api.projects.publish.mutate({ slug: mine.draft, version: beforePublish.version }),
          );
          if (publishedNow === 'ok') await backToDraft('unpublish');
          const beforeArchive = await editView(mine.draft);
          const archived = await write(
            'projects.archive',
            who,
            () => editView(mine.draft),
            () => api.projects.archive.mutate({ slug: mine.draft, version: beforeArchive.version }),
          );
          if (archived === 'ok') {
            const now = await editView(mine.draft);
            await admin().projects.transition.mutate({
              slug: mine.draft,
              version: now.version,
              transition: 'restore',
            });
          }

          const participants = async () => (await editView(mine.published)).participations;
          const added = await write('participations.add', who, participants, () =>
            api.participations.add.mutate({
              project: mine.published,
              municipality: mine.members[0] ?? '',
              status: 'interested',
              since: SINCE,
            }),
          );
          if (added === 'ok') mine.members.shift();
          const cell = await participationOf(mine.published, mine.participation);
          await write(
            'participations.setStatus',
            who,
            () => participationOf(mine.published, mine.participation),
            () =>
              api.participations.setStatus.mutate({
                id: mine.participation,
                status: cell?.status === 'implementing' ? 'participating' : 'implementing',
                since: SINCE,
                version: cell?.version ?? 0,
              }),
          );
          const contactOf = await participationOf(mine.published, mine.participation);
          await write(
            'participations.setContact',
            who,
            () => participationOf(mine.published, mine.participation),
            () =>
              api.participations.setContact.mutate({
                id: mine.participation,
                // The organisation's own person is a candidate; each success toggles it.
                contact: contactOf?.contact ? null : mine.person,
                version: contactOf?.version ?? 0,
              }),
          );
          record(
            'participations.contactCandidates',
            who,
            await outcome(() =>
              api.participations.contactCandidates.query({ project: mine.published }),
            ),
          );
          const active = await participationOf(mine.published, mine.participation);
          const withdrawn = await write(
            'participations.withdraw',
            who,
            () => participationOf(mine.published, mine.participation),
            () =>
              api.participations.withdraw.mutate({
                id: mine.participation,
                since: SINCE,
                version: active?.version ?? 0,
              }),
          );
          if (withdrawn === 'ok') {
            await admin().participations.add.mutate({
              project: mine.published,
              municipality: active?.municipality.number ?? '',
              status: 'participating',
              since: SINCE,
            });
          }

          record(
            'people.list',
            who,
            await outcome(() => api.people.list.query({ organisation: slug })),
          );
          await write('people.create', who, peopleBy(who), () =>
            api.people.create.mutate({
              name: `Person fra ${who}`,
              title: 'Rådgiver',
              organisation: slug,
              consent: false,
            }),
          );
          const person = await personOf(slug, mine.person);
          await write(
            'people.update',
            who,
            () => personOf(slug, mine.person),
            () =>
              api.people.update.mutate({
                id: mine.person,
                version: person?.version ?? 0,
                name: person?.name ?? '',
                title: `Prosjektleder (${who})`,
                organisation: slug,
                consent: false,
              }),
          );
        }
        const want: typeof seen = {};
        for (const [procedure, allowed] of Object.entries(ALLOWED_CONTENT)) {
          want[procedure] = Object.fromEntries(
            EVERYONE.map((who) => [who, expected(who, allowed[key])]),
          );
        }
        expect(seen).toEqual(want);
      },
      // About 250 calls over HTTP.
      120_000,
    );

    it('system ones: themes and people without an organisation are the admin’s; preview needs a user', async () => {
      const allowed: Readonly<Record<string, readonly Who[]>> = {
        'themes.update': ['admin'],
        'themes.listForEdit': ['admin'],
        'people.list()': ['admin'],
        'people.create(no organisation)': ['admin'],
        'projects.preview': ['contributorA', 'editorA', 'editorB', 'admin'],
      };
      const seen: Record<string, Record<string, string>> = {};
      const want: typeof seen = {};
      const themes = () => admin().themes.listForEdit.query();
      for (const who of EVERYONE) {
        const api = clients[who];
        const before = await themes();
        const mat = before.items.find((theme) => theme.slug === 'mat');
        const calls: Record<string, () => Promise<unknown>> = {
          'themes.update': () =>
            api.themes.update.mutate({
              slug: 'mat',
              version: mat?.version ?? 0,
              name: mat?.name ?? '',
              description: mat?.description ?? '',
            }),
          'themes.listForEdit': () => api.themes.listForEdit.query(),
          'people.list()': () => api.people.list.query(),
          'people.create(no organisation)': () =>
            api.people.create.mutate({
              name: `Uten organisasjon ${who}`,
              title: '',
              consent: false,
            }),
          'projects.preview': () => api.projects.preview.mutate({ body: '**fet**' }),
        };
        for (const [procedure, call] of Object.entries(calls)) {
          const result = await outcome(call);
          seen[procedure] = { ...seen[procedure], [who]: result };
          want[procedure] = { ...want[procedure], [who]: expected(who, allowed[procedure] ?? []) };
          if (procedure === 'themes.update' && result !== 'ok') {
            expect(await themes()).toEqual(before);
          }
        }
      }
      expect(seen).toEqual(want);
    });

    it('an editor may not move a person to another organisation, nor edit a published project as a contributor', async () => {
      const person = await personOf(A, records.A.person);
      const moved = await outcome(() =>
        clients.editorA.people.update.mutate({
          id: records.A.person,
          version: person?.version ?? 0,
          name: person?.name ?? '',
          title: person?.title ?? '',
          organisation: B,
          consent: false,
        }),
      );
      expect(moved).toBe('FORBIDDEN');
      expect(await personOf(A, records.A.person)).toEqual(person);
      const refused = await admin().audit.list.query({ action: 'access.refused', limit: 50 });
      expect(refused.items).toContainEqual(
        expect.objectContaining({
          organisation: B,
          actor: expect.objectContaining({ name: 'editorA' }),
          after: expect.objectContaining({ action: 'person.manage', procedure: 'people.update' }),
        }),
      );
      const published = await editView(records.A.published);
      expect(
        await outcome(() =>
          clients.contributorA.projects.update.mutate({ ...fields(published), summary: 'Nei' }),
        ),
      ).toBe('FORBIDDEN');
      expect(
        (await admin().audit.list.query({ action: 'access.refused', limit: 50 })).items,
      ).toContainEqual(
        expect.objectContaining({
          after: expect.objectContaining({
            action: 'content.edit-published',
            procedure: 'projects.update',
          }),
        }),
      );
    });
  });

  it('the editor sees the right organisations on the dashboard and in me', async () => {
    const overview = await clients.editorB.dashboard.overview.query();
    expect(overview.organisations.map((o) => o.slug)).toEqual([B]);
    const all = await clients.admin.dashboard.overview.query();
    expect(all.organisations).toHaveLength(3);
  });
});
