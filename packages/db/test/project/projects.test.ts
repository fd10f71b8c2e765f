import { CONTACT_NOT_CANDIDATE_MESSAGE } from '@klimakommuner/domain';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import {
  addParticipation,
  auditHistory,
  createPerson,
  createProject,
  type DbHandle,
  dashboardFor,
  endMembership,
  getMunicipality,
  getOrganisation,
  getProject,
  getProjectForEdit,
  getTheme,
  InvalidCursorError,
  listContactCandidates,
  listMembershipsForEdit,
  listPeople,
  listProjects,
  listThemes,
  type NewProject,
  participationMatrix,
  participationOrganisation,
  projectOrganisation,
  seed,
  seedDemoParticipations,
  setParticipationContact,
  setParticipationStatus,
  transitionProject,
  updatePerson,
  updateProject,
  updateTheme,
  withdrawParticipation,
} from '../../src/index.ts';
import { onEachEngine, TODAY } from '../engines.ts';
import { ADMIN, asAdmin, auditCount, countingQueries } from '../fixtures.ts';

const KKO = 'kommunenettverk-for-klimaomstilling';
const NOW = new Date('2026-11-27T12:00:00Z');
const LATER = new Date('2026-12-02T12:00:00Z');
const nb = new Intl.Collator('nb');

const counts = async (handle: DbHandle) =>
  (
    await sql<Record<string, number>>`
      select (select count(*) from theme) as theme, (select count(*) from person) as person,
        (select count(*) from project) as project, (select count(*) from project_theme) as project_theme,
        (select count(*) from project_leader) as project_leader,
        (select count(*) from participation) as participation,
        (select count(*) from participation_event) as participation_event`.execute(handle.db)
  ).rows[0];

const must = <T>(value: T | null | undefined): T => {
  if (value === null || value === undefined) throw new Error('Expected a value');
  return value;
};

/** Runs in order on one database: seed checks first, then writes, the demo set last. */
const projectSuite = (db: () => DbHandle): void => {
  let handle: DbHandle;
  const admin = {
    addParticipation: asAdmin(addParticipation, db),
    createPerson: asAdmin(createPerson, db),
    createProject: asAdmin(createProject, db),
    endMembership: asAdmin(endMembership, db, TODAY),
    setParticipationContact: asAdmin(setParticipationContact, db),
    setParticipationStatus: asAdmin(setParticipationStatus, db),
    transitionProject: asAdmin(transitionProject, db),
    updatePerson: asAdmin(updatePerson, db),
    updateProject: asAdmin(updateProject, db),
    updateTheme: asAdmin(updateTheme, db, NOW),
    withdrawParticipation: asAdmin(withdrawParticipation, db),
  };
  let ragnhild: string;
  beforeAll(async () => {
    handle = db();
    ragnhild = must(
      (await listPeople(handle.db, { organisation: KKO })).find(
        (p) => p.name === 'Ragnhild Waagaard',
      ),
    ).id;
  });

  const draft = (title: string, overrides: Partial<NewProject> = {}): NewProject => ({
    title,
    summary: `Om ${title}.`,
    body: '## Mål\n\nMindre utslipp.',
    bodyHtml: '<h2>Mål</h2>\n<p>Mindre utslipp.</p>',
    themes: ['mobilitet'],
    owner: KKO,
    status: 'ongoing',
    startDate: '2026-01-01',
    endDate: null,
    leaders: [ragnhild],
    links: [{ label: 'Nettside', url: 'https://example.no/prosjekt' }],
    ...overrides,
  });

  /** Creates and publishes a project; returns its slug. */
  const published = async (title: string, overrides: Partial<NewProject> = {}) => {
    const created = await admin.createProject(draft(title, overrides));
    if (created.kind !== 'ok') throw new Error(`create: ${created.kind}`);
    const done = await admin.transitionProject({
      slug: created.value.slug,
      version: created.value.version,
      transition: 'publish',
    });
    if (done.kind !== 'ok') throw new Error(`publish: ${done.kind}`);
    return created.value.slug;
  };

  it('seeds five themes, five people without consent, six published projects and no participation', async () => {
    expect(await counts(handle)).toEqual({
      theme: 5,
      person: 5,
      project: 6,
      project_theme: 6,
      project_leader: 6,
      participation: 0,
      participation_event: 0,
    });
    const themes = (await listThemes(handle.db, NOW)).items;
    expect(themes.map((t) => t.slug).sort()).toEqual([
      'anskaffelser',
      'mat',
      'mobilitet',
      'sirkularitet',
      'utslippskutt',
    ]);
    for (const t of themes) expect(t.description).toMatch(/^[A-ZÆØÅ].+\.$/);
    expect(themes.find((t) => t.slug === 'sirkularitet')?.projectCount).toBe(2);

    const page = await listProjects(handle.db, { limit: 50 }, NOW);
    expect(page.items).toHaveLength(6);
    expect(page.items.map((p) => p.title)).toEqual(
      [...page.items.map((p) => p.title)].sort(nb.compare),
    );
    for (const summary of page.items) {
      expect(summary).toMatchObject({
        status: 'ongoing',
        owner: { slug: KKO },
        participantCount: 0,
      });
      expect(summary.summary).not.toBe('');
      expect(summary.themes.length).toBeGreaterThan(0);
      const detail = must(await getProject(handle.db, summary.slug, NOW));
      expect(detail.leaders.map((l) => [l.name, l.title])).toEqual([
        ['Ragnhild Waagaard', 'Overordnet prosjektleder'],
      ]);
      const edit = must(await getProjectForEdit(handle.db, summary.slug, NOW));
      expect(edit).toMatchObject({ workflowStatus: 'published', publishAt: null, body: '' });
    }
    expect(page.items.map((p) => p.slug)).toContain('gronn-mobilitet');

    const people = await listPeople(handle.db);
    expect(
      people.map((p) => [p.name, p.organisation?.slug ?? null, p.municipality?.number ?? null]),
    ).toEqual([
      ['Annette Anker Flaten', KKO, null],
      ['Janka Stensvold Henriksen', null, '3407'],
      ['Per Kristian Elgseter Sundet', KKO, null],
      ['Ragnhild Waagaard', KKO, null],
      ['Sandra Mauer', KKO, null],
    ]);
    expect(people.every((p) => !p.consent && p.email === null)).toBe(true);
    expect(people.find((p) => p.municipality)?.title).toBe('Klimarådgiver');
  });

  it('changes nothing when seeded again', async () => {
    const before = await counts(handle);
    expect(await seed(handle.db)).toEqual({ changed: false });
    expect(await counts(handle)).toEqual(before);
  });

  it('filters public projects by theme, organisation, status and text, and pages by cursor', async () => {
    const slugs = async (filter: Parameters<typeof listProjects>[1]) =>
      (await listProjects(handle.db, filter, NOW)).items.map((p) => p.slug);
    expect(await slugs({ theme: 'sirkularitet', limit: 10 })).toEqual([
      'ombruk-i-egen-kommuneorganisasjon',
      'sirkulaere-losninger-i-befolkningen',
    ]);
    expect(await slugs({ theme: 'finnes-ikke', limit: 10 })).toEqual([]);
    expect(await slugs({ organisation: KKO, limit: 10 })).toHaveLength(6);
    expect(await slugs({ organisation: 'ken', limit: 10 })).toEqual([]);
    expect(await slugs({ status: 'ongoing', limit: 10 })).toHaveLength(6);
    expect(await slugs({ status: 'completed', limit: 10 })).toEqual([]);
    expect(await slugs({ q: 'gronn', limit: 10 })).toEqual(['gronn-mobilitet']);
    expect(await slugs({ q: 'GRØNN', limit: 10 })).toEqual(['gronn-mobilitet']);
    expect(await slugs({ q: 'måltider', limit: 10 })).toEqual([
      'klimavennlige-maltidstjenester-i-offentlig-sektor',
    ]);

    const all = await slugs({ limit: 50 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listProjects(handle.db, { limit: 4, cursor }, NOW);
      seen.push(...page.items.map((p) => p.slug));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
    await expect(listProjects(handle.db, { limit: 4, cursor: 'tull' }, NOW)).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
  });

  it('keeps drafts and scheduled projects out of every public read', async () => {
    const created = await admin.createProject(draft('Grønn mobilitet'));
    if (created.kind !== 'ok') throw new Error(created.kind);
    expect(created.value).toMatchObject({
      slug: 'gronn-mobilitet-2',
      workflowStatus: 'draft',
      version: 1,
      leaderIds: [ragnhild],
      links: [{ label: 'Nettside', url: 'https://example.no/prosjekt' }],
      themes: [{ slug: 'mobilitet', name: 'Mobilitet' }],
    });
    const slug = created.value.slug;
    const hidden = async (now: Date) => {
      const [one, list, theme, matrix] = await Promise.all([
        getProject(handle.db, slug, now),
        listProjects(handle.db, { limit: 50 }, now),
        getTheme(handle.db, 'mobilitet', now),
        participationMatrix(handle.db, KKO, TODAY, now),
      ]);
      return (
        one === null &&
        !list.items.some((p) => p.slug === slug) &&
        !theme?.projects.some((p) => p.slug === slug) &&
        !matrix?.projects.some((p) => p.slug === slug)
      );
    };
    expect(await hidden(NOW)).toBe(true);
    expect(
      (await listThemes(handle.db, NOW)).items.find((t) => t.slug === 'mobilitet')?.projectCount,
    ).toBe(1);

    const scheduled = await admin.transitionProject({
      slug,
      version: 1,
      transition: 'publish',
      publishAt: '2026-12-01T08:00:00.000Z',
    });
    expect(scheduled).toMatchObject({
      kind: 'ok',
      value: { workflowStatus: 'published', publishAt: '2026-12-01T08:00:00.000Z', version: 2 },
    });
    expect(await hidden(NOW)).toBe(true);
    expect(await hidden(LATER)).toBe(false);
    expect((await getProject(handle.db, slug, LATER))?.bodyHtml).toContain('<h2>Mål</h2>');

    const unpublished = await admin.transitionProject({
      slug,
      version: 2,
      transition: 'unpublish',
    });
    expect(unpublished).toMatchObject({ kind: 'ok', value: { workflowStatus: 'draft' } });
    expect(await hidden(LATER)).toBe(true);
    expect(await projectOrganisation(handle.db, slug)).toBe(KKO);
    expect(await projectOrganisation(handle.db, 'finnes-ikke')).toBeNull();
    const history = await auditHistory(handle.db, 'project', slug);
    expect(history.map((a) => a.action)).toEqual([
      'project.unpublish',
      'project.publish',
      'project.create',
    ]);
    const title = (await getProjectForEdit(handle.db, slug, NOW))?.title;
    expect(history.every((a) => a.recordTitle === title && a.recordProject === null)).toBe(true);
  });

  it('lists draft and in-review projects on the dashboard of their organisation only', async () => {
    const created = await admin.createProject(draft('Utkast til dashbordet'));
    if (created.kind !== 'ok') throw new Error(created.kind);
    const { slug, version } = created.value;
    const mine = await dashboardFor(handle.db, [KKO]);
    expect(mine.drafts).toContainEqual(
      expect.objectContaining({ recordType: 'project', recordId: slug, status: 'draft' }),
    );
    const other = await dashboardFor(handle.db, ['ken']);
    expect(other.drafts.some((item) => item.recordId === slug)).toBe(false);

    const submitted = await admin.transitionProject({ slug, version, transition: 'submit' });
    expect(submitted.kind).toBe('ok');
    const after = await dashboardFor(handle.db, 'all');
    expect(after.drafts.some((item) => item.recordId === slug)).toBe(false);
    expect(after.inReview).toContainEqual(
      expect.objectContaining({ recordType: 'project', recordId: slug, status: 'in_review' }),
    );
  });

  it('refuses to publish without a leader or a theme, and checks the dates', async () => {
    const created = await admin.createProject(draft('Uten leder', { leaders: [], themes: [] }));
    if (created.kind !== 'ok') throw new Error(created.kind);
    const audits = await auditCount(handle);
    const refused = await admin.transitionProject({
      slug: created.value.slug,
      version: 1,
      transition: 'publish',
    });
    expect(refused).toMatchObject({ kind: 'refused', error: { _tag: 'ProjectNotPublishable' } });
    if (refused.kind === 'refused') {
      expect(refused.error.message).toBe(
        'Prosjektet kan ikke publiseres ennå: legg til minst én prosjektleder, og velg minst ett tema.',
      );
    }
    expect(await auditCount(handle)).toBe(audits);
    expect((await getProjectForEdit(handle.db, created.value.slug, NOW))?.workflowStatus).toBe(
      'draft',
    );

    const badDates = await admin.createProject(
      draft('Baklengs', { startDate: '2026-05-01', endDate: '2026-04-01' }),
    );
    expect(badDates).toMatchObject({ kind: 'refused', error: { _tag: 'ProjectDatesInvalid' } });
    expect(
      await admin.createProject(draft('Ukjent tema', { themes: ['finnes-ikke'] })),
    ).toMatchObject({ kind: 'not-found' });

    // A published project cannot be edited into an unpublishable one.
    const slug = await published('Publisert prosjekt');
    const edit = must(await getProjectForEdit(handle.db, slug, NOW));
    const stripped = await admin.updateProject({
      ...draft(edit.title, { leaders: [] }),
      slug,
      version: edit.version,
    });
    expect(stripped).toMatchObject({ kind: 'refused', error: { _tag: 'ProjectNotPublishable' } });
    const saved = await admin.updateProject({ ...draft('Nytt navn'), slug, version: edit.version });
    expect(saved).toMatchObject({
      kind: 'ok',
      value: { slug, title: 'Nytt navn', version: edit.version + 1 },
    });
    const stale = await admin.updateProject({ ...draft('Gammelt'), slug, version: edit.version });
    expect(stale).toMatchObject({
      kind: 'stale',
      current: { title: 'Nytt navn', version: edit.version + 1 },
      error: { _tag: 'StaleVersion' },
    });
  });

  it('lets only members of the owner take part, through a region too, once per project', async () => {
    const slug = 'gronn-mobilitet';
    const oslo = await admin.addParticipation({
      project: slug,
      municipality: '0301',
      status: 'interested',
      since: '2026-03-01',
    });
    expect(oslo).toMatchObject({ kind: 'refused', error: { _tag: 'NotAMemberOfOwner' } });
    if (oslo.kind === 'refused') {
      expect(oslo.error.message).toMatch(
        /^Oslo er ikke medlem av Kommunenettverk for klimaomstilling .*2026, og kan derfor ikke delta i prosjektet\.$/,
      );
    }
    // Before KKO existed, Asker was not a member either.
    expect(
      await admin.addParticipation({
        project: slug,
        municipality: '3203',
        status: 'interested',
        since: '2015-06-01',
      }),
    ).toMatchObject({ kind: 'refused', error: { _tag: 'NotAMemberOfOwner' } });

    const al = await admin.addParticipation({
      project: slug,
      municipality: '3328',
      status: 'participating',
      since: '2026-02-01',
      note: 'Startet i februar',
    });
    expect(al).toMatchObject({
      kind: 'ok',
      value: {
        municipality: { number: '3328', name: 'Ål' },
        status: 'participating',
        since: '2026-02-01',
        note: 'Startet i februar',
        history: [{ status: 'participating', since: '2026-02-01' }],
        version: 1,
      },
    });
    if (al.kind !== 'ok') return;
    expect(await participationOrganisation(handle.db, al.value.id)).toBe(KKO);
    expect(await participationOrganisation(handle.db, 'ikke-en-id')).toBeNull();

    const audits = await auditCount(handle);
    const again = await admin.addParticipation({
      project: slug,
      municipality: '3328',
      status: 'interested',
      since: '2026-03-01',
    });
    expect(again).toMatchObject({ kind: 'refused', error: { _tag: 'ParticipationAlreadyActive' } });
    if (again.kind === 'refused')
      expect(again.error.message).toBe('Kommunen deltar allerede i prosjektet.');
    expect(await auditCount(handle)).toBe(audits);

    expect((await getMunicipality(handle.db, 'al', TODAY, NOW))?.projects).toEqual([
      {
        project: { slug, title: 'Grønn mobilitet' },
        owner: {
          slug: KKO,
          name: 'Kommunenettverk for klimaomstilling',
          shortName: null,
          kind: 'network',
        },
        status: 'participating',
        since: '2026-02-01',
        takesPart: true,
        demo: false,
      },
    ]);
    expect(
      (await listProjects(handle.db, { municipality: '3328', limit: 10 }, NOW)).items.map(
        (p) => p.slug,
      ),
    ).toEqual([slug]);
    expect((await listProjects(handle.db, { municipality: '0301', limit: 10 }, NOW)).items).toEqual(
      [],
    );
  });

  it('withdraws and rejoins on the same row, keeping the history; stale versions write nothing', async () => {
    const added = await admin.addParticipation({
      project: 'strategisk-klimaarbeid',
      municipality: '3201',
      status: 'interested',
      since: '2026-01-10',
    });
    if (added.kind !== 'ok') throw new Error(added.kind);
    const id = added.value.id;
    const moved = await admin.setParticipationStatus({
      id,
      status: 'implementing',
      since: '2026-03-01',
      version: 1,
      note: 'I gang',
    });
    expect(moved).toMatchObject({
      kind: 'ok',
      value: { status: 'implementing', note: 'I gang', version: 2 },
    });

    const audits = await auditCount(handle);
    const stale = await admin.setParticipationStatus({
      id,
      status: 'completed',
      since: '2026-04-01',
      version: 1,
    });
    expect(stale).toMatchObject({
      kind: 'stale',
      current: { id, status: 'implementing', version: 2 },
      error: { _tag: 'StaleVersion' },
    });
    expect(
      await admin.setParticipationStatus({
        id,
        status: 'completed',
        since: '2026-02-01',
        version: 2,
      }),
    ).toMatchObject({ kind: 'refused', error: { _tag: 'ParticipationDateBeforeLast' } });
    expect(await auditCount(handle)).toBe(audits);

    const withdrawn = await admin.withdrawParticipation({ id, since: '2026-05-01', version: 2 });
    expect(withdrawn).toMatchObject({ kind: 'ok', value: { status: 'withdrawn', version: 3 } });
    expect((await listProjects(handle.db, { municipality: '3201', limit: 10 }, NOW)).items).toEqual(
      [],
    );

    const rejoined = await admin.addParticipation({
      project: 'strategisk-klimaarbeid',
      municipality: '3201',
      status: 'participating',
      since: '2026-06-01',
    });
    expect(rejoined).toMatchObject({
      kind: 'ok',
      value: {
        id,
        status: 'participating',
        since: '2026-06-01',
        version: 4,
        history: [
          { status: 'interested', since: '2026-01-10' },
          { status: 'implementing', since: '2026-03-01' },
          { status: 'withdrawn', since: '2026-05-01' },
          { status: 'participating', since: '2026-06-01' },
        ],
      },
    });
    expect((await auditHistory(handle.db, 'participation', id)).map((a) => a.action)).toEqual([
      'participation.rejoin',
      'participation.withdraw',
      'participation.set-status',
      'participation.add',
    ]);
    const [latest] = await auditHistory(handle.db, 'participation', id);
    expect(latest).toMatchObject({
      organisation: KKO,
      actor: ADMIN,
      // Named for people, with the project to link back to.
      recordTitle: 'Bærum i Strategisk klimaarbeid',
      recordProject: 'strategisk-klimaarbeid',
      before: { status: 'withdrawn', version: 3 },
      after: { status: 'participating', version: 4, project: 'strategisk-klimaarbeid' },
    });
    const events = await handle.db
      .selectFrom('participation_event')
      .select(['status', 'actor_name'])
      .where('participation_id', '=', id)
      .orderBy('id')
      .execute();
    expect(events).toHaveLength(4);
    expect(events.every((e) => e.actor_name === ADMIN.name)).toBe(true);
  });

  it('shows every current member in the matrix with cells aligned to the public projects', async () => {
    const matrix = must(await participationMatrix(handle.db, KKO, TODAY, NOW));
    const members = must(await getOrganisation(handle.db, KKO, TODAY, NOW)).members;
    expect(matrix.rows.map((r) => r.municipality.number)).toEqual(
      members.map((m) => m.municipality.number),
    );
    expect(matrix.rows.map((r) => r.municipality.name)).toEqual(
      matrix.rows.map((r) => r.municipality.name).sort(nb.compare),
    );
    expect(matrix.projects.map((p) => p.title)).toEqual(
      matrix.projects.map((p) => p.title).sort(nb.compare),
    );
    for (const row of matrix.rows) expect(row.cells).toHaveLength(matrix.projects.length);
    const al = must(matrix.rows.find((r) => r.municipality.number === '3328'));
    expect(al.via).toEqual({ slug: 'hallingdal', name: 'Hallingdalsregionen' });
    const column = matrix.projects.findIndex((p) => p.slug === 'gronn-mobilitet');
    expect(al.cells[column]).toMatchObject({ status: 'participating', since: '2026-02-01' });
    expect(al.cells.filter((c) => c !== null)).toHaveLength(1);
    expect(await participationMatrix(handle.db, 'finnes-ikke', TODAY, NOW)).toBeNull();
    expect((await participationMatrix(handle.db, 'ken', TODAY, NOW))?.projects).toEqual([]);
  });

  it('hides contact details without consent in public views; editors see them; versions are checked', async () => {
    const created = await admin.createPerson({
      name: 'Kari Kontakt',
      title: 'Klimarådgiver',
      municipality: '3328',
      email: 'kari@al.kommune.no',
      phone: '+47 900 00 000',
      consent: false,
    });
    if (created.kind !== 'ok') throw new Error(created.kind);
    const person = created.value;
    expect(person).toMatchObject({ email: 'kari@al.kommune.no', consent: false, version: 1 });

    const al = must(
      (await getProjectForEdit(handle.db, 'gronn-mobilitet', NOW))?.participations.find(
        (p) => p.municipality.number === '3328',
      ),
    );
    expect(
      await admin.setParticipationContact({ id: al.id, contact: person.id, version: al.version }),
    ).toMatchObject({ kind: 'ok', value: { contact: { id: person.id } } });
    const contact = async () =>
      must(
        (await getProject(handle.db, 'gronn-mobilitet', NOW))?.participations.find(
          (p) => p.municipality.number === '3328',
        ),
      ).contact;
    expect(await contact()).toMatchObject({ name: 'Kari Kontakt', email: null, phone: null });
    expect(JSON.stringify(await getProject(handle.db, 'gronn-mobilitet', NOW))).not.toContain(
      'kari@',
    );

    const input = {
      id: person.id,
      name: 'Kari Kontakt',
      title: 'Klimarådgiver',
      municipality: '3328',
      email: 'kari@al.kommune.no',
      phone: '+47 900 00 000',
      consent: true,
    };
    const stale = await admin.updatePerson({ ...input, version: 0 });
    expect(stale).toMatchObject({ kind: 'stale', current: { version: 1, consent: false } });
    const consented = await admin.updatePerson({ ...input, version: 1 });
    expect(consented).toMatchObject({ kind: 'ok', value: { consent: true, version: 2 } });
    expect(await contact()).toMatchObject({ email: 'kari@al.kommune.no', phone: '+47 900 00 000' });
    expect((await listPeople(handle.db, { municipality: '3328' })).map((p) => p.name)).toEqual([
      'Kari Kontakt',
    ]);
    expect((await auditHistory(handle.db, 'person', person.id)).map((a) => a.action)).toEqual([
      'person.update',
      'person.create',
    ]);
  });

  it('sets and clears the contact of a participation at its version, only to a candidate, audited', async () => {
    const slug = 'gronn-mobilitet';
    const participationOfAl = async () =>
      must(
        (await getProjectForEdit(handle.db, slug, NOW))?.participations.find(
          (p) => p.municipality.number === '3328',
        ),
      );
    const al = await participationOfAl();
    const kari = must(
      (await listPeople(handle.db, { municipality: '3328' })).find(
        (p) => p.name === 'Kari Kontakt',
      ),
    );
    expect(al.contact?.id).toBe(kari.id);
    const outsider = await admin.createPerson({
      name: 'Ola Utenfor',
      title: 'Rådgiver',
      municipality: '0301',
      consent: false,
    });
    if (outsider.kind !== 'ok') throw new Error(outsider.kind);
    const ola = outsider.value.id;

    // Candidates: the owner's people and those of the participating municipalities, by name.
    const candidates = must(await listContactCandidates(handle.db, slug));
    const ids = candidates.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([ragnhild, kari.id]));
    expect(ids).not.toContain(ola);
    const kko = (await listPeople(handle.db, { organisation: KKO })).map((p) => p.id);
    expect(ids.filter((id) => id !== kari.id).every((id) => kko.includes(id))).toBe(true);
    expect(candidates.map((c) => c.name)).toEqual(candidates.map((c) => c.name).sort(nb.compare));
    expect(candidates.find((c) => c.id === kari.id)).toEqual({
      id: kari.id,
      name: 'Kari Kontakt',
      title: 'Klimarådgiver',
      organisation: null,
      municipality: expect.objectContaining({ number: '3328', name: 'Ål' }),
    });
    expect(JSON.stringify(candidates)).not.toContain('kari@');
    expect(await listContactCandidates(handle.db, 'finnes-ikke')).toBeNull();

    const audits = await auditCount(handle);
    const events = async () =>
      (
        await handle.db
          .selectFrom('participation_event')
          .select('id')
          .where('participation_id', '=', al.id)
          .execute()
      ).length;
    const eventsBefore = await events();

    // A person of the owner organisation.
    const set = await admin.setParticipationContact({
      id: al.id,
      contact: ragnhild,
      version: al.version,
    });
    expect(set).toEqual({
      kind: 'ok',
      value: {
        ...al,
        contact: expect.objectContaining({ id: ragnhild, name: 'Ragnhild Waagaard' }),
        version: al.version + 1,
      },
    });
    expect(await auditCount(handle)).toBe(audits + 1);
    const [latest] = await auditHistory(handle.db, 'participation', al.id);
    expect(latest).toMatchObject({
      action: 'participation.set-contact',
      organisation: KKO,
      actor: ADMIN,
      before: { contact: kari.id, version: al.version, status: al.status },
      after: { contact: ragnhild, version: al.version + 1, status: al.status, project: slug },
    });

    // Stale, unknown, not a candidate: nothing written.
    const stale = await admin.setParticipationContact({
      id: al.id,
      contact: null,
      version: al.version,
    });
    expect(stale).toMatchObject({
      kind: 'stale',
      current: { id: al.id, contact: { id: ragnhild }, version: al.version + 1 },
      error: { _tag: 'StaleVersion', expectedVersion: al.version },
    });
    for (const contact of ['00000000-0000-4000-8000-000000000000', 'ikke-en-id']) {
      expect(
        await admin.setParticipationContact({ id: al.id, contact, version: al.version + 1 }),
      ).toMatchObject({ kind: 'not-found', error: { _tag: 'NotFound', recordType: 'person' } });
    }
    expect(
      await admin.setParticipationContact({
        id: '00000000-0000-4000-8000-000000000000',
        contact: null,
        version: 1,
      }),
    ).toMatchObject({ kind: 'not-found', error: { recordType: 'participation' } });
    const refused = await admin.setParticipationContact({
      id: al.id,
      contact: ola,
      version: al.version + 1,
    });
    expect(refused).toMatchObject({
      kind: 'refused',
      error: { _tag: 'ContactNotCandidate', person: ola },
    });
    if (refused.kind !== 'refused') throw new Error(refused.kind);
    expect(refused.error.message).toBe(CONTACT_NOT_CANDIDATE_MESSAGE);
    expect(await auditCount(handle)).toBe(audits + 1);
    expect((await participationOfAl()).contact?.id).toBe(ragnhild);

    // A person of the municipality; the same one again writes nothing.
    const back = await admin.setParticipationContact({
      id: al.id,
      contact: kari.id,
      version: al.version + 1,
    });
    expect(back).toMatchObject({
      kind: 'ok',
      value: { contact: { id: kari.id }, version: al.version + 2 },
    });
    expect(
      await admin.setParticipationContact({ id: al.id, contact: kari.id, version: al.version + 2 }),
    ).toMatchObject({ kind: 'ok', value: { contact: { id: kari.id }, version: al.version + 2 } });
    expect(await auditCount(handle)).toBe(audits + 2);

    // Clearing it: the public page shows no contact.
    const cleared = await admin.setParticipationContact({
      id: al.id,
      contact: null,
      version: al.version + 2,
    });
    expect(cleared).toMatchObject({
      kind: 'ok',
      value: { contact: null, version: al.version + 3 },
    });
    const [clearedAudit] = await auditHistory(handle.db, 'participation', al.id);
    expect(clearedAudit).toMatchObject({
      action: 'participation.set-contact',
      before: { contact: kari.id },
      after: { contact: null },
    });
    expect(
      (await getProject(handle.db, slug, NOW))?.participations.find(
        (p) => p.municipality.number === '3328',
      )?.contact,
    ).toBeNull();
    // The history is about statuses: no event for a contact.
    expect(await events()).toBe(eventsBefore);
    expect((await participationOfAl()).history).toEqual(al.history);
  });

  it('updates a theme at its version and audits it', async () => {
    const saved = await admin.updateTheme({
      slug: 'mat',
      version: 1,
      name: 'Mat',
      description: 'Ny beskrivelse.',
    });
    expect(saved).toMatchObject({
      kind: 'ok',
      value: { description: 'Ny beskrivelse.', version: 2 },
    });
    const stale = await admin.updateTheme({
      slug: 'mat',
      version: 1,
      name: 'Mat',
      description: 'Gammel.',
    });
    expect(stale).toMatchObject({
      kind: 'stale',
      current: { description: 'Ny beskrivelse.', version: 2 },
    });
    expect((await auditHistory(handle.db, 'theme', 'mat')).map((a) => a.action)).toEqual([
      'theme.update',
    ]);
  });

  it('keeps participations when a membership ends', async () => {
    const added = await admin.addParticipation({
      project: 'gronn-mobilitet',
      municipality: '3203',
      status: 'interested',
      since: '2026-04-01',
    });
    expect(added.kind).toBe('ok');
    const asker = must(
      (await listMembershipsForEdit(handle.db, KKO, TODAY))?.find(
        (m) => m.member.kind === 'municipality' && m.member.municipality.number === '3203',
      ),
    );
    const ended = await admin.endMembership({
      id: asker.id,
      to: '2026-10-31',
      version: asker.version,
    });
    expect(ended.kind).toBe('ok');
    expect(
      (await getProject(handle.db, 'gronn-mobilitet', NOW))?.participations.map(
        (p) => p.municipality.number,
      ),
    ).toContain('3203');
    const matrix = must(await participationMatrix(handle.db, KKO, TODAY, NOW));
    expect(matrix.rows.some((r) => r.municipality.number === '3203')).toBe(false);
  });

  it('reads with a fixed number of queries whatever the row count', async () => {
    const { db, count } = countingQueries(handle);
    const small = await count(() => listProjects(db, { limit: 1 }, NOW));
    expect(small).toBeLessThanOrEqual(4);
    expect(await count(() => listProjects(db, { limit: 100 }, NOW))).toBe(small);
    expect(await count(() => getProject(db, 'gronn-mobilitet', NOW))).toBeLessThanOrEqual(10);
    expect(await count(() => participationMatrix(db, KKO, TODAY, NOW))).toBeLessThanOrEqual(6);
    expect(await count(() => listThemes(db, NOW))).toBeLessThanOrEqual(4);
    expect(await count(() => getTheme(db, 'mobilitet', NOW))).toBeLessThanOrEqual(7);
    expect(await count(() => getMunicipality(db, 'al', TODAY, NOW))).toBeLessThanOrEqual(7);
  });

  it('adds the marked demo participations once', async () => {
    const before = (await counts(handle))?.participation ?? 0;
    const first = await seedDemoParticipations(handle.db, TODAY);
    expect(first.added).toBeGreaterThanOrEqual(15);
    expect(await seedDemoParticipations(handle.db, TODAY)).toEqual({ added: 0 });
    const demo = await handle.db
      .selectFrom('participation as pa')
      .leftJoin('participation_event as e', 'e.participation_id', 'pa.id')
      .select(['pa.id', 'pa.status', 'pa.since', 'e.id as event'])
      .where('pa.note', '=', 'Demodata – ikke ekte deltakelse')
      .execute();
    const ids = new Set(demo.map((d) => d.id));
    expect(ids.size).toBe(first.added);
    expect((await counts(handle))?.participation).toBe(before + first.added);
    expect(demo.every((d) => d.event !== null && d.since >= '2025-01-01' && d.since <= TODAY)).toBe(
      true,
    );
    expect(new Set(demo.map((d) => d.status)).size).toBeGreaterThanOrEqual(4);
    // Marked by the demo column too, which every view carries.
    const marked = await handle.db
      .selectFrom('participation')
      .select('id')
      .where('demo', '=', true)
      .execute();
    expect(new Set(marked.map((m) => m.id))).toEqual(ids);
    const matrix = must(await participationMatrix(handle.db, KKO, TODAY, NOW));
    const cells = matrix.rows.flatMap((r) => r.cells).filter((c) => c !== null);
    expect(
      cells
        .filter((c) => c.demo)
        .map((c) => c.participationId)
        .sort(),
    ).toEqual([...ids].sort());
    const summaries = (await listProjects(handle.db, { limit: 50 }, NOW)).items;
    for (const summary of summaries) {
      const detail = must(await getProject(handle.db, summary.slug, NOW));
      const taking = detail.participations.filter((p) => p.takesPart);
      expect(summary.participantCount).toBe(taking.length);
      expect(summary.demoParticipantCount).toBe(
        taking.filter((p) => ids.has(p.id) && p.demo).length,
      );
    }
  });
};

onEachEngine('themes, people, projects and participations', projectSuite);
