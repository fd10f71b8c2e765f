import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, apiErrorCode, apiErrorIssues } from '../src/client.ts';
import { A, B } from './global-setup.ts';
import { clientWith, rejection, signIn, useServer } from './harness.ts';

// Events through tRPC (issue 12). Other files write at the same time: this file's events have
// titles only it uses, in 2027 so they are upcoming whatever day the suite runs.

const t = useServer();
let editorB: ApiClient;
let editorA: ApiClient;
let contributorA: ApiClient;

beforeAll(async () => {
  editorB = clientWith(t.url, await signIn(t.url, 'editorB'));
  editorA = clientWith(t.url, await signIn(t.url, 'editorA'));
  contributorA = clientWith(t.url, await signIn(t.url, 'contributorA'));
});

const base = {
  organisation: B,
  summary: 'Et møte om klimabudsjett i Follo.',
  description: 'Vi går gjennom **klimabudsjettet**.',
  timing: {
    allDay: false as const,
    start: '2027-03-10T08:00:00.000Z',
    end: '2027-03-10T14:00:00.000Z',
  },
  address: 'Rådhuset i Ås',
  themes: ['utslippskutt'],
  municipalities: ['3218'],
};

describe('events through tRPC', () => {
  it('creates a draft, hides it, publishes it; the public list, detail and calendar show it', async () => {
    const created = await editorB.events.create.mutate({ ...base, title: 'Follomøte om budsjett' });
    expect(created).toEqual({ slug: 'follomote-om-budsjett', version: 1 });
    expect(
      apiErrorCode(await rejection(() => t.api.events.get.query({ slug: created.slug }))),
    ).toBe('NOT_FOUND');
    const listed = async () =>
      (await t.api.events.list.query({ organiser: B, limit: 100 })).items.map((e) => e.slug);
    expect(await listed()).not.toContain(created.slug);
    const edit = await editorB.events.getForEdit.query({ slug: created.slug });
    expect(edit).toMatchObject({ workflowStatus: 'draft', sequence: 0 });
    expect(edit.descriptionHtml).toContain('<strong>klimabudsjettet</strong>');
    await editorB.events.publish.mutate({ slug: created.slug, version: edit.version });
    expect(await listed()).toContain(created.slug);
    const detail = await t.api.events.get.query({ slug: created.slug });
    expect(detail).toMatchObject({ organiser: { slug: B }, status: 'planned', sequence: 1 });
    expect(detail).not.toHaveProperty('description');
    const calendar = await t.api.events.calendar.query({ theme: 'utslippskutt' });
    expect(calendar.items.map((e) => e.slug)).toContain(created.slug);
    // In the sitemap (what search finds) once published.
    expect((await t.api.search.sitemap.query()).items).toContainEqual({
      type: 'event',
      slug: created.slug,
    });
    // No registration link: the dashboard reminds B's editor, not A's.
    const reminders = async (api: ApiClient) =>
      (await api.events.withoutRegistration.query()).items.map((e) => e.slug);
    expect(await reminders(editorB)).toContain(created.slug);
    expect(await reminders(editorA)).not.toContain(created.slug);
    // Cancelled with a reason: still public, marked, SEQUENCE raised.
    const cancelled = await editorB.events.update.mutate({
      ...base,
      title: 'Follomøte om budsjett',
      slug: created.slug,
      version: edit.version + 1,
      status: 'cancelled',
      statusNote: 'Møtelederen er syk.',
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 2 });
    expect(await t.api.events.get.query({ slug: created.slug })).toMatchObject({
      status: 'cancelled',
      statusNote: 'Møtelederen er syk.',
    });
  });

  it('keeps editors to their own organisation’s events', async () => {
    const created = await editorB.events.create.mutate({ ...base, title: 'Bare for Follo' });
    for (const attempt of [
      () => editorA.events.getForEdit.query({ slug: created.slug }),
      () =>
        editorA.events.update.mutate({
          ...base,
          title: 'Overtatt',
          slug: created.slug,
          version: created.version,
        }),
      () => editorA.events.delete.mutate({ slug: created.slug, version: created.version }),
      () => contributorA.events.create.mutate({ ...base, organisation: B, title: 'Ikke vårt' }),
      () => t.api.events.listForEdit.query({ organisation: B }),
    ]) {
      expect(['FORBIDDEN', 'UNAUTHORIZED']).toContain(apiErrorCode(await rejection(attempt)));
    }
    await editorA.events.create.mutate({ ...base, organisation: A, title: 'KKO sitt eget' });
    expect(
      (await editorB.events.listForEdit.query({ organisation: B })).items.map((e) => e.slug),
    ).toContain(created.slug);
    expect(
      (await editorB.events.delete.mutate({ slug: created.slug, version: created.version })).slug,
    ).toBe(created.slug);
  });

  it('answers bad input with BAD_REQUEST and broken rules with their Norwegian message', async () => {
    const bad = await rejection(() =>
      editorB.events.create.mutate({
        ...base,
        title: 'Feil',
        timing: { allDay: false, start: 'i morgen', end: '2027-03-10T14:00:00.000Z' },
      }),
    );
    expect(apiErrorCode(bad)).toBe('BAD_REQUEST');
    expect(
      apiErrorCode(
        await rejection(() => t.api.events.list.query({ when: 'snart' as 'past', limit: 10 })),
      ),
    ).toBe('BAD_REQUEST');
    expect(
      apiErrorCode(await rejection(() => t.api.events.list.query({ cursor: 'ikke-en-markør' }))),
    ).toBe('BAD_REQUEST');
    const unknownTheme = await rejection(() =>
      editorB.events.create.mutate({ ...base, title: 'Ukjent tema', themes: ['finnes-ikke'] }),
    );
    expect(apiErrorCode(unknownTheme)).toBe('BAD_REQUEST');
    expect(apiErrorIssues(unknownTheme)?.[0]?.path).toEqual(['themes']);
    const backwards = await rejection(() =>
      editorB.events.create.mutate({
        ...base,
        title: 'Baklengs',
        timing: { allDay: true, startDate: '2027-03-10', endDate: '2027-03-09' },
      }),
    );
    expect(apiErrorCode(backwards)).toBe('UNPROCESSABLE_CONTENT');
    expect(apiErrorIssues(backwards)).toEqual([
      { path: ['timing'], message: 'Siste dag kan ikke være før første dag.' },
    ]);
    const noReason = await rejection(() =>
      editorB.events.create.mutate({ ...base, title: 'Uten grunn', status: 'cancelled' }),
    );
    expect(apiErrorIssues(noReason)).toEqual([
      { path: ['statusNote'], message: 'Skriv hvorfor arrangementet er avlyst.' },
    ]);
  });
});
