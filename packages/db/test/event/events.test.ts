import type { EventDraft } from '@klimakommuner/domain';
import { Result } from 'effect';
import { expect, it } from 'vitest';
import {
  calendarEvents,
  createEvent,
  dashboardFor,
  deleteEvent,
  eventFilterOptions,
  eventOrganisation,
  getEvent,
  getEventForEdit,
  listEvents,
  listEventsForEdit,
  type NewEvent,
  nextPublication,
  sitemapEntries,
  transitionEvent,
  upcomingWithoutRegistration,
  updateEvent,
} from '../../src/index.ts';
import { onEachEngine } from '../engines.ts';
import { ADMIN, auditCount, outcome } from '../fixtures.ts';

const KKO = 'kommunenettverk-for-klimaomstilling';
const KEN = 'ken';
const NOW = new Date('2026-10-01T10:00:00Z');

const draft = (overrides: Partial<EventDraft> = {}): NewEvent => ({
  title: 'Klimanettverksmøte',
  summary: 'Vi møtes om klimabudsjett.',
  description: 'Møtet handler om **klimabudsjett**.',
  descriptionHtml: '<p>Møtet handler om <strong>klimabudsjett</strong>.</p>',
  timing: { allDay: false, start: '2026-10-20T07:00:00.000Z', end: '2026-10-20T13:30:00.000Z' },
  address: 'Rådhuset, Ås',
  onlineUrl: null,
  organiser: KEN,
  project: null,
  themes: ['utslippskutt'],
  municipalities: ['3218'],
  registrationUrl: 'https://example.org/pamelding',
  registrationDeadline: '2026-10-15T10:00:00.000Z',
  capacityNote: '30 plasser',
  status: 'planned',
  statusNote: '',
  ...overrides,
});

onEachEngine('events', (db) => {
  const create = async (overrides: Partial<EventDraft> = {}) => {
    const created = await createEvent(db().db, draft(overrides), ADMIN);
    if (Result.isFailure(created)) throw created.failure;
    return created.success;
  };
  const publish = async (slug: string, version: number) => {
    const published = await transitionEvent(
      db().db,
      { slug, version, transition: 'publish' },
      ADMIN,
    );
    if (Result.isFailure(published)) throw published.failure;
    return published.success;
  };
  const published = async (overrides: Partial<EventDraft> = {}) => {
    const view = await create(overrides);
    return publish(view.slug, view.version);
  };

  it('creates a draft, audited, not public, not in search; published it is', async () => {
    const before = await auditCount(db());
    const view = await create();
    expect(view).toMatchObject({
      slug: 'klimanettverksmote',
      workflowStatus: 'draft',
      version: 1,
      sequence: 0,
      organiser: { slug: KEN },
      themes: [{ slug: 'utslippskutt' }],
      municipalities: [{ number: '3218' }],
      timing: { allDay: false, start: '2026-10-20T07:00:00.000Z', end: '2026-10-20T13:30:00.000Z' },
      startsAt: '2026-10-20T07:00:00.000Z',
      registrationDeadline: '2026-10-15T10:00:00.000Z',
      status: 'planned',
    });
    expect(view.uid).toMatch(/^[0-9a-f-]{36}@klimakommuner\.no$/);
    expect(await auditCount(db())).toBe(before + 1);
    expect(await eventOrganisation(db().db, view.slug)).toBe(KEN);
    expect(await getEvent(db().db, view.slug, NOW)).toBeNull();
    expect((await listEvents(db().db, {}, NOW)).items.map((e) => e.slug)).not.toContain(view.slug);
    const docs = () =>
      db()
        .db.selectFrom('search_document')
        .selectAll()
        .where('type', '=', 'event')
        .where('slug', '=', view.slug)
        .execute();
    expect(await docs()).toHaveLength(0);
    const after = await publish(view.slug, view.version);
    expect(after.sequence).toBe(1);
    expect(await getEvent(db().db, view.slug, NOW)).toMatchObject({ slug: view.slug });
    // Caches drop their lists when it ends (it leaves the upcoming list by the clock alone).
    expect((await nextPublication(db().db, new Date('2026-10-20T12:00:00Z')))?.toISOString()).toBe(
      '2026-10-20T13:30:00.000Z',
    );
    const [doc] = await docs();
    expect(doc).toMatchObject({ organisation: KEN, themes: ['utslippskutt'], kind: 'planned' });
    expect(doc?.title).toBe('Klimanettverksmøte');
    expect(await sitemapEntries(db().db, NOW)).toContainEqual({ type: 'event', slug: view.slug });
    // Deleted: gone with its document.
    expect(outcome(await deleteEvent(db().db, { slug: view.slug, version: 2 }, ADMIN)).kind).toBe(
      'ok',
    );
    expect(await docs()).toHaveLength(0);
  });

  it('shows an event in draft on its organiser’s dashboard', async () => {
    const waiting = await create({ title: 'Utkast til nettverksmøte' });
    const { drafts } = await dashboardFor(db().db, [KEN]);
    expect(
      drafts.find((i) => i.recordType === 'event' && i.recordId === waiting.slug),
    ).toMatchObject({
      title: 'Utkast til nettverksmøte',
      status: 'draft',
      organisation: { slug: KEN },
    });
    const other = await dashboardFor(db().db, [KKO]);
    expect(other.drafts.some((i) => i.recordId === waiting.slug)).toBe(false);
  });

  it('refuses what the domain refuses and unknown references', async () => {
    const attempt = async (overrides: Partial<EventDraft>) =>
      outcome(await createEvent(db().db, draft(overrides), ADMIN));
    const refused = async (overrides: Partial<EventDraft>) => {
      const o = await attempt(overrides);
      return o.kind === 'refused' ? o.error._tag : o.kind;
    };
    expect(
      await refused({
        timing: {
          allDay: false,
          start: '2026-10-20T13:00:00.000Z',
          end: '2026-10-20T12:00:00.000Z',
        },
      }),
    ).toBe('EventEndsBeforeStart');
    expect(await refused({ address: null, onlineUrl: null })).toBe('EventWithoutPlace');
    expect(await refused({ status: 'cancelled', statusNote: ' ' })).toBe(
      'EventStatusReasonMissing',
    );
    expect(await refused({ registrationUrl: null })).toBe('RegistrationDeadlineInvalid');
    expect((await attempt({ themes: ['finnes-ikke'] })).kind).toBe('not-found');
    expect((await attempt({ municipalities: ['9999'] })).kind).toBe('not-found');
  });

  it('lists upcoming soonest first and past newest first, with filters and pages', async () => {
    const day = (d: string, h = 8) => ({
      allDay: false as const,
      start: `2026-${d}T0${h}:00:00.000Z`,
      end: `2026-${d}T1${h}:00:00.000Z`,
    });
    const base = { registrationDeadline: null };
    await published({ ...base, title: 'Liste C senere', timing: day('11-20') });
    await published({ ...base, title: 'Liste A snart', timing: day('10-05'), organiser: KKO });
    await published({
      ...base,
      title: 'Liste B midt',
      timing: { allDay: true, startDate: '2026-10-10', endDate: '2026-10-11' },
      themes: ['mat'],
      municipalities: ['3207'],
      project: 'ombruk-i-egen-kommuneorganisasjon',
    });
    await published({ ...base, title: 'Liste gammel', timing: day('09-01') });
    await published({ ...base, title: 'Liste eldst', timing: day('06-01') });
    await create({ ...base, title: 'Liste utkast', timing: day('10-06') });
    const slugs = async (q: Parameters<typeof listEvents>[1]) =>
      (await listEvents(db().db, q, NOW)).items
        .map((e) => e.slug)
        .filter((s) => s.startsWith('liste'));
    expect(await slugs({})).toEqual(['liste-a-snart', 'liste-b-midt', 'liste-c-senere']);
    expect(await slugs({ when: 'past' })).toEqual(['liste-gammel', 'liste-eldst']);
    expect(await slugs({ organiser: KKO })).toEqual(['liste-a-snart']);
    expect(await slugs({ theme: 'mat' })).toEqual(['liste-b-midt']);
    expect(await slugs({ municipality: '3207' })).toEqual(['liste-b-midt']);
    expect(await slugs({ project: 'ombruk-i-egen-kommuneorganisasjon' })).toEqual(['liste-b-midt']);
    // Pages of one, following the cursor, give the same order.
    const walked: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++) {
      const page = await listEvents(db().db, { limit: 1, cursor }, NOW);
      walked.push(...page.items.map((e) => e.slug));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(walked.filter((s) => s.startsWith('liste'))).toEqual([
      'liste-a-snart',
      'liste-b-midt',
      'liste-c-senere',
    ]);
    // A cursor the list did not hand out is refused before any SQL.
    const forged = Buffer.from(JSON.stringify(['2026-10-05T08:00:00.000Z', 'x'])).toString(
      'base64url',
    );
    await expect(listEvents(db().db, { cursor: forged }, NOW)).rejects.toThrow('Invalid cursor');
    const allDay = (await getEvent(db().db, 'liste-b-midt', NOW))?.timing;
    expect(allDay).toEqual({ allDay: true, startDate: '2026-10-10', endDate: '2026-10-11' });
    expect((await listEventsForEdit(db().db, KEN, NOW)).map((e) => e.slug)).toContain(
      'liste-utkast',
    );
    // Within the last 90 days, cancelled or not, the calendar holds it; the old one is out.
    const calendar = (await calendarEvents(db().db, {}, NOW)).map((e) => e.slug);
    expect(calendar).toContain('liste-gammel');
    expect(calendar).not.toContain('liste-eldst');
    expect(calendar).not.toContain('liste-utkast');
    const options = await eventFilterOptions(db().db, NOW);
    expect(options.organisers.map((o) => o.slug)).toEqual(expect.arrayContaining([KEN, KKO]));
    expect(options.themes.map((t) => t.slug)).toEqual(expect.arrayContaining(['mat']));
    expect(options.projects.map((p) => p.slug)).toEqual(['ombruk-i-egen-kommuneorganisasjon']);
    expect(options.municipalities.map((m) => m.number)).toEqual(
      expect.arrayContaining(['3207', '3218']),
    );
    const reminders = (await upcomingWithoutRegistration(db().db, null, NOW)).map((e) => e.slug);
    expect(reminders).toEqual([]);
  });

  it('raises SEQUENCE on every edit of a published event and on cancellation', async () => {
    const view = await published({
      title: 'Sekvens',
      registrationUrl: null,
      registrationDeadline: null,
    });
    expect(view.sequence).toBe(1);
    expect((await upcomingWithoutRegistration(db().db, [KEN], NOW)).map((e) => e.slug)).toContain(
      'sekvens',
    );
    const { organiser: _o, ...fields } = draft({
      registrationUrl: null,
      registrationDeadline: null,
    });
    const edited = outcome(
      await updateEvent(
        db().db,
        {
          ...fields,
          title: 'Sekvens',
          address: 'Kulturhuset',
          slug: view.slug,
          version: view.version,
        },
        ADMIN,
      ),
    );
    if (edited.kind !== 'ok') throw new Error(edited.kind);
    expect(edited.value.sequence).toBe(2);
    const cancelled = outcome(
      await updateEvent(
        db().db,
        {
          ...fields,
          title: 'Sekvens',
          status: 'cancelled',
          statusNote: 'For få påmeldte.',
          slug: view.slug,
          version: edited.value.version,
        },
        ADMIN,
      ),
    );
    if (cancelled.kind !== 'ok') throw new Error(cancelled.kind);
    expect(cancelled.value).toMatchObject({ sequence: 3, status: 'cancelled' });
    // A cancelled event stays public, marked; the reminder no longer lists it.
    expect(await getEvent(db().db, view.slug, NOW)).toMatchObject({
      status: 'cancelled',
      statusNote: 'For få påmeldte.',
    });
    expect(
      (await upcomingWithoutRegistration(db().db, [KEN], NOW)).map((e) => e.slug),
    ).not.toContain('sekvens');
    // A stale version is refused with the stored event.
    const stale = outcome(
      await updateEvent(db().db, { ...fields, slug: view.slug, version: view.version }, ADMIN),
    );
    expect(stale.kind).toBe('stale');
    // A draft's edit is not something a calendar sees.
    const quiet = await create({ title: 'Stille utkast' });
    const quietEdit = outcome(
      await updateEvent(
        db().db,
        { ...fields, title: 'Stille utkast', slug: quiet.slug, version: quiet.version },
        ADMIN,
      ),
    );
    if (quietEdit.kind !== 'ok') throw new Error(quietEdit.kind);
    expect(quietEdit.value.sequence).toBe(0);
    expect((await getEventForEdit(db().db, quiet.slug))?.version).toBe(2);
  });
});
