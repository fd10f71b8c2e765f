import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, apiErrorCode, apiErrorIssues, isApiError } from '../src/client.ts';
import { A } from './global-setup.ts';
import { clientWith, rejection, signIn, useServer } from './harness.ts';

// This file's own published project of KKO, so nothing else changes its participations.

const t = useServer();
const GOL = '3324'; // a member of KKO through Hallingdalsregionen
const ALTA = '5601'; // a member of no organisation
let editor: ApiClient;
let admin: ApiClient;
let project = '';
let leader = '';

beforeAll(async () => {
  editor = clientWith(t.url, await signIn(t.url, 'editorA'));
  admin = clientWith(t.url, await signIn(t.url, 'admin'));
  const person = await editor.people.create.mutate({
    name: 'Deltakelsesleder',
    title: 'Prosjektleder',
    organisation: A,
    consent: false,
  });
  const created = await editor.projects.create.mutate({
    organisation: A,
    title: 'Deltakelsesprosjektet',
    summary: 'Et prosjekt for å prøve deltakelse.',
    body: '',
    themes: ['utslippskutt'],
    status: 'ongoing',
    leaders: [person.id],
  });
  await editor.projects.publish.mutate({ slug: created.slug, version: created.version });
  project = created.slug;
  leader = person.id;
});

const message = (error: unknown) => (isApiError(error) ? error.message : String(error));

describe('participations', () => {
  it('refuses a municipality that is not a member of the owner, with the Norwegian message', async () => {
    const error = await rejection(() =>
      editor.participations.add.mutate({
        project,
        municipality: ALTA,
        status: 'interested',
        since: '2025-03-01',
      }),
    );
    expect(apiErrorCode(error)).toBe('UNPROCESSABLE_CONTENT');
    expect(isApiError(error) && error.data?.tag).toBe('NotAMemberOfOwner');
    expect(message(error)).toMatch(
      /^Alta er ikke medlem av .+ 1\. mars 2025, og kan derfor ikke delta i prosjektet\.$/,
    );
    expect((await editor.projects.getForEdit.query({ slug: project })).participations).toEqual([]);
    const badNumber = await rejection(() =>
      editor.participations.add.mutate({
        project,
        municipality: 'Gol',
        status: 'interested',
        since: '2025-03-01',
      }),
    );
    expect(apiErrorIssues(badNumber)[0]?.path).toEqual(['municipality']);
    // A kommunenummer from before 2024 is a field error that names today's number, not a 404.
    const oldNumber = await rejection(() =>
      editor.participations.add.mutate({
        project,
        municipality: '3025',
        status: 'interested',
        since: '2025-03-01',
      }),
    );
    expect(apiErrorCode(oldNumber)).toBe('BAD_REQUEST');
    expect(apiErrorIssues(oldNumber)).toEqual([
      { path: ['municipality'], message: expect.stringMatching(/Asker har nå kommunenummer 3203/) },
    ]);
  });

  it('takes a Hallingdal municipality through its statuses, withdrawal and rejoining, keeping the history', async () => {
    const added = await editor.participations.add.mutate({
      project,
      municipality: GOL,
      status: 'interested',
      since: '2025-03-01',
      note: 'Startet med et møte.',
    });
    expect(added).toMatchObject({
      municipality: { number: GOL, name: 'Gol' },
      status: 'interested',
      since: '2025-03-01',
      note: 'Startet med et møte.',
      history: [{ status: 'interested', since: '2025-03-01' }],
    });

    const implementing = await editor.participations.setStatus.mutate({
      id: added.id,
      status: 'implementing',
      since: '2025-06-01',
      version: added.version,
    });
    expect(implementing).toMatchObject({ status: 'implementing', since: '2025-06-01' });

    const unchanged = await rejection(() =>
      editor.participations.setStatus.mutate({
        id: added.id,
        status: 'implementing',
        since: '2025-07-01',
        version: implementing.version,
      }),
    );
    expect(apiErrorCode(unchanged)).toBe('UNPROCESSABLE_CONTENT');
    expect(message(unchanged)).toBe('Deltakelsen har allerede deltakelsesstatus «Gjennomfører».');
    const earlier = await rejection(() =>
      editor.participations.setStatus.mutate({
        id: added.id,
        status: 'completed',
        since: '2025-05-01',
        version: implementing.version,
      }),
    );
    expect(apiErrorCode(earlier)).toBe('UNPROCESSABLE_CONTENT');
    expect(isApiError(earlier) && earlier.data?.tag).toBe('ParticipationDateBeforeLast');
    const stale = await rejection(() =>
      editor.participations.setStatus.mutate({
        id: added.id,
        status: 'completed',
        since: '2025-08-01',
        version: added.version,
      }),
    );
    expect(apiErrorCode(stale)).toBe('CONFLICT');
    expect(isApiError(stale) && (stale.data as { current?: unknown }).current).toEqual(
      implementing,
    );
    const again = await rejection(() =>
      editor.participations.add.mutate({
        project,
        municipality: GOL,
        status: 'participating',
        since: '2025-08-01',
      }),
    );
    expect(apiErrorCode(again)).toBe('UNPROCESSABLE_CONTENT');
    expect(message(again)).toBe('Kommunen deltar allerede i prosjektet.');

    const withdrawn = await editor.participations.withdraw.mutate({
      id: added.id,
      since: '2025-09-01',
      version: implementing.version,
    });
    expect(withdrawn.status).toBe('withdrawn');
    expect((await t.api.projects.list.query({ municipality: GOL, limit: 500 })).items).not.toEqual(
      expect.arrayContaining([expect.objectContaining({ slug: project })]),
    );
    // One definition of taking part: the project page, its count and Gol's page agree.
    const afterWithdrawal = await t.api.projects.get.query({ slug: project });
    expect(afterWithdrawal.participantCount).toBe(0);
    expect(afterWithdrawal.participations).toEqual([
      expect.objectContaining({ id: added.id, takesPart: false, demo: false }),
    ]);
    expect((await t.api.municipalities.get.query({ slug: 'gol' })).projects).toContainEqual(
      expect.objectContaining({
        project: expect.objectContaining({ slug: project }),
        takesPart: false,
      }),
    );

    const rejoined = await editor.participations.add.mutate({
      project,
      municipality: GOL,
      status: 'participating',
      since: '2025-10-01',
    });
    expect(rejoined.id).toBe(added.id);
    expect(rejoined.history).toEqual([
      { status: 'interested', since: '2025-03-01' },
      { status: 'implementing', since: '2025-06-01' },
      { status: 'withdrawn', since: '2025-09-01' },
      { status: 'participating', since: '2025-10-01' },
    ]);

    const shown = await t.api.projects.get.query({ slug: project });
    expect(shown.participantCount).toBe(1);
    expect(shown.participations).toEqual([
      expect.objectContaining({
        id: added.id,
        status: 'participating',
        history: rejoined.history,
        takesPart: true,
      }),
    ]);
    expect(shown.participations[0]).not.toHaveProperty('version');
    const taking = await t.api.projects.list.query({ municipality: GOL, limit: 500 });
    expect(taking.items.map((item) => item.slug)).toContain(project);
    const gol = await t.api.municipalities.get.query({ slug: 'gol' });
    expect(gol.projects).toContainEqual(
      expect.objectContaining({ project: { slug: project, title: 'Deltakelsesprosjektet' } }),
    );

    const history = await editor.audit.history.query({
      recordType: 'participation',
      recordId: added.id,
    });
    expect(history.items.map((item) => item.action).sort()).toEqual([
      'participation.add',
      'participation.rejoin',
      'participation.set-status',
      'participation.withdraw',
    ]);
    expect(history.items.every((item) => item.organisation === A)).toBe(true);
  });

  it('sets and clears the contact of an active participation; the public sees no details without consent', async () => {
    const gol = async () =>
      (await editor.projects.getForEdit.query({ slug: project })).participations.find(
        (p) => p.municipality.number === GOL,
      );
    const before = await gol();
    if (!before) throw new Error('Gol takes part since the test above');
    // People without an organisation are the admin's to create.
    const local = await admin.people.create.mutate({
      name: 'Guri Golkontakt',
      title: 'Klimarådgiver',
      municipality: GOL,
      email: 'guri@gol.kommune.no',
      phone: '+47 911 11 111',
      consent: false,
    });
    const outsider = await admin.people.create.mutate({
      name: 'Aslak Altakontakt',
      title: 'Rådgiver',
      municipality: ALTA,
      consent: true,
    });

    const candidates = await editor.participations.contactCandidates.query({ project });
    expect(candidates.map((c) => c.id)).toEqual(expect.arrayContaining([leader, local.id]));
    expect(candidates.map((c) => c.id)).not.toContain(outsider.id);
    expect(candidates.find((c) => c.id === local.id)).toEqual({
      id: local.id,
      name: 'Guri Golkontakt',
      title: 'Klimarådgiver',
      organisation: null,
      municipality: expect.objectContaining({ number: GOL, name: 'Gol' }),
    });
    expect(JSON.stringify(candidates)).not.toContain('guri@');
    // An unknown project has no owner: only an admin gets as far as NOT_FOUND.
    const noProject = await rejection(() =>
      admin.participations.contactCandidates.query({ project: 'atlantis' }),
    );
    expect(apiErrorCode(noProject)).toBe('NOT_FOUND');

    const set = await editor.participations.setContact.mutate({
      id: before.id,
      contact: local.id,
      version: before.version,
    });
    expect(set).toEqual({
      ...before,
      contact: expect.objectContaining({ id: local.id, name: 'Guri Golkontakt' }),
      version: before.version + 1,
    });
    expect((await gol())?.contact?.id).toBe(local.id);
    const shown = (await t.api.projects.get.query({ slug: project })).participations.find(
      (p) => p.id === before.id,
    );
    expect(shown?.contact).toMatchObject({
      id: local.id,
      name: 'Guri Golkontakt',
      title: 'Klimarådgiver',
      municipality: { number: GOL, name: 'Gol' },
      email: null,
      phone: null,
    });
    expect(JSON.stringify(await t.api.projects.get.query({ slug: project }))).not.toMatch(
      /guri@|911 11 111/,
    );

    const notCandidate = await rejection(() =>
      editor.participations.setContact.mutate({
        id: before.id,
        contact: outsider.id,
        version: set.version,
      }),
    );
    expect(apiErrorCode(notCandidate)).toBe('BAD_REQUEST');
    expect(apiErrorIssues(notCandidate)).toEqual([
      {
        path: ['contact'],
        message:
          'Kontaktpersonen må høre til organisasjonen som eier prosjektet eller til kommunen som deltar.',
      },
    ]);
    const unknown = await rejection(() =>
      editor.participations.setContact.mutate({
        id: before.id,
        contact: '00000000-0000-4000-8000-000000000000',
        version: set.version,
      }),
    );
    expect(apiErrorCode(unknown)).toBe('NOT_FOUND');
    expect(message(unknown)).toBe('Fant ikke personen.');
    const badId = await rejection(() =>
      editor.participations.setContact.mutate({
        id: before.id,
        contact: 'Guri',
        version: set.version,
      }),
    );
    expect(apiErrorIssues(badId)[0]).toEqual({
      path: ['contact'],
      message: 'Kontaktpersonen må være en gyldig id.',
    });
    const stale = await rejection(() =>
      editor.participations.setContact.mutate({
        id: before.id,
        contact: null,
        version: before.version,
      }),
    );
    expect(apiErrorCode(stale)).toBe('CONFLICT');
    expect(isApiError(stale) && (stale.data as { current?: unknown }).current).toEqual(set);
    expect((await gol())?.contact?.id).toBe(local.id);

    // The project's own leader (owner organisation), then none.
    const toLeader = await editor.participations.setContact.mutate({
      id: before.id,
      contact: leader,
      version: set.version,
    });
    expect(toLeader.contact?.id).toBe(leader);
    const cleared = await editor.participations.setContact.mutate({
      id: before.id,
      contact: null,
      version: toLeader.version,
    });
    expect(cleared).toMatchObject({ contact: null, version: toLeader.version + 1 });
    expect(cleared.history).toEqual(before.history);
    expect(
      (await t.api.projects.get.query({ slug: project })).participations.find(
        (p) => p.id === before.id,
      )?.contact,
    ).toBeNull();

    const history = await editor.audit.history.query({
      recordType: 'participation',
      recordId: before.id,
    });
    const contacts = history.items.filter((item) => item.action === 'participation.set-contact');
    expect(contacts).toHaveLength(3);
    expect(contacts.map((item) => (item.after as { contact: string | null }).contact)).toEqual(
      expect.arrayContaining([local.id, leader, null]),
    );
    expect(contacts.every((item) => item.organisation === A)).toBe(true);
  });

  it('shows the cells in the public matrix: members by name, the public projects by title', async () => {
    const matrix = await t.api.participations.matrix.query({ organisation: A });
    expect(matrix.organisation.slug).toBe(A);
    const column = matrix.projects.findIndex((p) => p.slug === project);
    expect(column).toBeGreaterThanOrEqual(0);
    const titles = matrix.projects.map((p) => p.title);
    expect(titles).toEqual([...titles].sort(new Intl.Collator('nb').compare));
    const names = matrix.rows.map((row) => row.municipality.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('nb').compare));
    expect(matrix.rows).toHaveLength(24);
    for (const row of matrix.rows) expect(row.cells).toHaveLength(matrix.projects.length);
    const gol = matrix.rows.find((row) => row.municipality.number === GOL);
    expect(gol?.via?.slug).toBe('hallingdal');
    expect(gol?.cells[column]).toEqual({
      status: 'participating',
      since: '2025-10-01',
      participationId: expect.any(String),
      takesPart: true,
      demo: false,
    });
    const others = matrix.rows.filter((row) => row.municipality.number !== GOL);
    expect(others.every((row) => row.cells[column] === null)).toBe(true);
    expect(matrix.rows.some((row) => row.municipality.number === ALTA)).toBe(false);

    const unknown = await rejection(() =>
      t.api.participations.matrix.query({ organisation: 'atlantis' }),
    );
    expect(apiErrorCode(unknown)).toBe('NOT_FOUND');
  });
});

describe('who may be attached to a project: one rule for leaders and contacts', () => {
  const HOL = '3330'; // another member of KKO through Hallingdalsregionen
  const CONTACT_RULE =
    'Kontaktpersonen må høre til organisasjonen som eier prosjektet eller til kommunen som deltar.';

  it('refuses a contact of another organisation when a municipality joins, as setContact does', async () => {
    const outsider = await admin.people.create.mutate({
      name: 'Kari Kenkontakt',
      title: 'Rådgiver',
      organisation: 'ken',
      consent: false,
    });
    const refused = await rejection(() =>
      editor.participations.add.mutate({
        project,
        municipality: HOL,
        status: 'interested',
        since: '2025-03-01',
        contact: outsider.id,
      }),
    );
    expect(apiErrorCode(refused)).toBe('BAD_REQUEST');
    expect(apiErrorIssues(refused)).toEqual([{ path: ['contact'], message: CONTACT_RULE }]);
    const participations = (await editor.projects.getForEdit.query({ slug: project }))
      .participations;
    expect(participations.some((p) => p.municipality.number === HOL)).toBe(false);

    const added = await editor.participations.add.mutate({
      project,
      municipality: HOL,
      status: 'interested',
      since: '2025-03-01',
      contact: leader,
    });
    expect(added.contact?.id).toBe(leader);

    // An editor who saw no participation (version 0), or an older one, gets CONFLICT and the
    // stored one, not «already active» or a silent rejoin.
    for (const version of [0, added.version + 1]) {
      const conflict = await rejection(() =>
        editor.participations.add.mutate({
          project,
          municipality: HOL,
          status: 'participating',
          since: '2025-04-01',
          version,
        }),
      );
      expect(apiErrorCode(conflict)).toBe('CONFLICT');
      expect(isApiError(conflict) && (conflict.data as { current?: unknown }).current).toEqual(
        added,
      );
    }
  });

  it('refuses a project leader who does not belong to the owner organisation', async () => {
    const outsider = await admin.people.create.mutate({
      name: 'Leder fra KEN',
      title: 'Prosjektleder',
      organisation: 'ken',
      consent: false,
    });
    const municipal = await admin.people.create.mutate({
      name: 'Leder fra Gol',
      title: 'Prosjektleder',
      municipality: GOL,
      consent: false,
    });
    const fields = {
      organisation: A,
      title: 'Prosjekt med feil leder',
      summary: '',
      body: '',
      themes: ['mat'],
      status: 'planned' as const,
    };
    for (const id of [outsider.id, municipal.id]) {
      const refused = await rejection(() =>
        editor.projects.create.mutate({ ...fields, leaders: [leader, id] }),
      );
      expect(apiErrorCode(refused)).toBe('BAD_REQUEST');
      expect(apiErrorIssues(refused)).toEqual([
        {
          path: ['leaders'],
          message: 'En prosjektleder må høre til organisasjonen som eier prosjektet.',
        },
      ]);
    }
    const current = await editor.projects.getForEdit.query({ slug: project });
    const update = await rejection(() =>
      editor.projects.update.mutate({
        slug: project,
        version: current.version,
        title: current.title,
        summary: current.summary,
        body: current.body,
        themes: current.themes.map((theme) => theme.slug),
        status: current.status,
        leaders: [outsider.id],
      }),
    );
    expect(apiErrorIssues(update).map((issue) => issue.path)).toEqual([['leaders']]);
  });
});
