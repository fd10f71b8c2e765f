import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, apiErrorCode, apiErrorIssues, isApiError } from '../src/client.ts';
import { A } from './global-setup.ts';
import { clientWith, rejection, signIn, useServer } from './harness.ts';

// Other files create and publish projects of their own at the same time, so the public lists
// are checked for what they must contain, never for exact lengths.

const t = useServer();
const SEEDED = [
  'gronn-mobilitet',
  'klima-og-miljovennlige-anskaffelser',
  'klimavennlige-maltidstjenester-i-offentlig-sektor',
  'ombruk-i-egen-kommuneorganisasjon',
  'sirkulaere-losninger-i-befolkningen',
  'strategisk-klimaarbeid',
];
const NOT_PUBLISHABLE = 'Prosjektet kan ikke publiseres ennå: legg til minst én prosjektleder.';

let admin: ApiClient;
let editor: ApiClient;

beforeAll(async () => {
  admin = clientWith(t.url, await signIn(t.url, 'admin'));
  editor = clientWith(t.url, await signIn(t.url, 'editorA'));
});

const slugs = (items: readonly { slug: string }[]) => items.map((item) => item.slug);

/** A draft project of A by editorA with the given title (themes 'mat', no leader). */
const draft = (title: string, extra: { leaders?: string[]; body?: string } = {}) =>
  editor.projects.create.mutate({
    organisation: A,
    title,
    summary: `Sammendrag av ${title}.`,
    body: extra.body ?? 'Første versjon.',
    themes: ['mat'],
    status: 'planned',
    leaders: extra.leaders ?? [],
  });

const leader = (name: string, consent = false) =>
  editor.people.create.mutate({
    name,
    title: 'Prosjektleder',
    organisation: A,
    email: 'leder@kko.no',
    phone: '+47 900 00 000',
    consent,
  });

describe('public themes', () => {
  it('lists the five themes with descriptions and counts of public projects', async () => {
    const page = await t.api.themes.list.query();
    expect(page.nextCursor).toBeNull();
    expect(slugs(page.items)).toEqual(
      expect.arrayContaining(['anskaffelser', 'mat', 'mobilitet', 'sirkularitet', 'utslippskutt']),
    );
    for (const theme of page.items) {
      expect(theme.description.length).toBeGreaterThan(0);
      expect(theme.projectCount).toBeGreaterThanOrEqual(1);
    }
    expect(page.items.find((theme) => theme.slug === 'sirkularitet')?.projectCount).toBeGreaterThan(
      1,
    );
  });

  it('gets a theme with its public projects; an unknown theme is NOT_FOUND', async () => {
    const theme = await t.api.themes.get.query({ slug: 'sirkularitet' });
    expect(theme.name).toBe('Sirkularitet');
    expect(slugs(theme.projects)).toEqual(
      expect.arrayContaining([
        'ombruk-i-egen-kommuneorganisasjon',
        'sirkulaere-losninger-i-befolkningen',
      ]),
    );
    expect(theme.projectCount).toBe(theme.projects.length);
    const error = await rejection(() => t.api.themes.get.query({ slug: 'atlantis' }));
    expect(apiErrorCode(error)).toBe('NOT_FOUND');
    expect(isApiError(error) && error.message).toBe('Fant ikke noe tema med adressen «atlantis».');
  });
});

describe('public projects', () => {
  it('lists the seeded projects of KKO, sorted by title, with themes and owner', async () => {
    const page = await t.api.projects.list.query();
    expect(slugs(page.items)).toEqual(expect.arrayContaining(SEEDED));
    const titles = page.items.map((item) => item.title);
    expect(titles).toEqual([...titles].sort(new Intl.Collator('nb').compare));
    expect(page.items.find((item) => item.slug === 'gronn-mobilitet')).toMatchObject({
      title: 'Grønn mobilitet',
      status: 'ongoing',
      owner: { slug: A },
      themes: [{ slug: 'mobilitet', name: 'Mobilitet' }],
    });
  });

  it('filters by theme, organisation, status and text, and pages with a cursor', async () => {
    const byTheme = await t.api.projects.list.query({ theme: 'sirkularitet' });
    expect(byTheme.items.length).toBeGreaterThanOrEqual(2);
    expect(
      byTheme.items.every((p) => p.themes.some((theme) => theme.slug === 'sirkularitet')),
    ).toBe(true);
    const byOwner = await t.api.projects.list.query({ organisation: 'akershus-fylkeskommune' });
    expect(byOwner.items.every((p) => p.owner.slug === 'akershus-fylkeskommune')).toBe(true);
    expect(slugs(byOwner.items)).not.toContain('gronn-mobilitet');
    const completed = await t.api.projects.list.query({ status: 'completed' });
    expect(completed.items.every((p) => p.status === 'completed')).toBe(true);
    expect(slugs((await t.api.projects.list.query({ q: 'gronn' })).items)).toContain(
      'gronn-mobilitet',
    );
    expect(slugs((await t.api.projects.list.query({ q: 'Måltid' })).items)).toEqual([
      'klimavennlige-maltidstjenester-i-offentlig-sektor',
    ]);
    expect((await t.api.projects.list.query({ theme: 'atlantis' })).items).toEqual([]);

    const first = await t.api.projects.list.query({ limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await t.api.projects.list.query({ limit: 2, cursor: first.nextCursor ?? '' });
    expect(slugs(second.items)).not.toContain(first.items[0]?.slug);
    expect(slugs(second.items)).not.toContain(first.items[1]?.slug);

    const bad = await rejection(() => t.api.projects.list.query({ cursor: 'garbage!!' }));
    expect(apiErrorIssues(bad)[0]?.path).toEqual(['cursor']);
    const badNumber = await rejection(() => t.api.projects.list.query({ municipality: '32' }));
    expect(apiErrorIssues(badNumber)).toEqual([
      { path: ['municipality'], message: 'Må være et kommunenummer med fire sifre.' },
    ]);
  });

  it('shows a public project with its leader, whose contact stays hidden without consent', async () => {
    const project = await t.api.projects.get.query({ slug: 'strategisk-klimaarbeid' });
    expect(project).toMatchObject({
      title: 'Strategisk klimaarbeid',
      owner: { slug: A },
      leaders: [{ name: 'Ragnhild Waagaard', title: 'Overordnet prosjektleder', email: null }],
    });
  });

  it('hides drafts: NOT_FOUND for the public, visible to the editor', async () => {
    const created = await draft('Skjult utkast om mat');
    const error = await rejection(() => t.api.projects.get.query({ slug: created.slug }));
    expect(apiErrorCode(error)).toBe('NOT_FOUND');
    expect(isApiError(error) && error.message).toBe(
      `Fant ikke noe prosjekt med adressen «${created.slug}».`,
    );
    expect(slugs((await t.api.projects.list.query({ limit: 500 })).items)).not.toContain(
      created.slug,
    );
    expect(slugs((await t.api.themes.get.query({ slug: 'mat' })).projects)).not.toContain(
      created.slug,
    );
    const view = await editor.projects.getForEdit.query({ slug: created.slug });
    expect(view).toMatchObject({ workflowStatus: 'draft', version: created.version });
    const listed = await editor.projects.listForEdit.query({ organisation: A });
    expect(slugs(listed.items)).toContain(created.slug);
    // The editor's preview of the draft is the public detail, without the editing fields.
    const preview = await editor.projects.previewPage.query({ slug: created.slug });
    expect(preview.title).toBe('Skjult utkast om mat');
    expect(preview).not.toHaveProperty('body');
    expect(preview).not.toHaveProperty('workflowStatus');
    expect(apiErrorCode(await rejection(() => t.api.projects.previewPage.query(created)))).toBe(
      'UNAUTHORIZED',
    );
  });
});

describe('editing a project', () => {
  it('create → update → publish; publishing without a leader is refused with the rule', async () => {
    const created = await draft('Livsløp for et testprosjekt');
    expect(created).toEqual({ slug: 'livslop-for-et-testprosjekt', version: 1 });
    const refused = await rejection(() =>
      editor.projects.publish.mutate({ slug: created.slug, version: created.version }),
    );
    expect(apiErrorCode(refused)).toBe('UNPROCESSABLE_CONTENT');
    expect(isApiError(refused) && refused.message).toBe(NOT_PUBLISHABLE);
    expect(isApiError(refused) && refused.data?.tag).toBe('ProjectNotPublishable');

    const person = await leader('Lise Leder', true);
    const updated = await editor.projects.update.mutate({
      slug: created.slug,
      version: created.version,
      title: 'Livsløp for et testprosjekt',
      summary: 'Oppdatert sammendrag.',
      body: '## Mål\n\nMindre **matsvinn**.',
      themes: ['mat', 'sirkularitet'],
      status: 'ongoing',
      startDate: '2025-01-01',
      endDate: '2026-12-31',
      leaders: [person.id],
      links: [{ label: 'Rapport', url: 'https://example.no/rapport' }],
    });
    expect(updated).toMatchObject({
      slug: created.slug,
      version: 2,
      workflowStatus: 'draft',
      leaderIds: [person.id],
      bodyHtml: '<h3>Mål</h3>\n<p>Mindre <strong>matsvinn</strong>.</p>',
      links: [{ label: 'Rapport', url: 'https://example.no/rapport' }],
    });

    const datesWrong = await rejection(() =>
      editor.projects.update.mutate({
        slug: created.slug,
        version: updated.version,
        title: updated.title,
        summary: updated.summary,
        body: updated.body,
        themes: ['mat'],
        status: 'ongoing',
        startDate: '2026-01-01',
        endDate: '2025-01-01',
        leaders: [person.id],
      }),
    );
    expect(apiErrorCode(datesWrong)).toBe('UNPROCESSABLE_CONTENT');
    expect(isApiError(datesWrong) && datesWrong.data?.tag).toBe('ProjectDatesInvalid');
    expect(isApiError(datesWrong) && datesWrong.message).toMatch(/sluttdatoen må være/);

    // With a field error as well, the dates rule comes in the same answer, at its own field.
    const both = await rejection(() =>
      editor.projects.update.mutate({
        slug: created.slug,
        version: updated.version,
        title: 'x',
        summary: updated.summary,
        body: updated.body,
        themes: ['mat'],
        status: 'completed',
        startDate: null,
        endDate: '2025-01-01',
        leaders: [person.id],
      }),
    );
    expect(apiErrorCode(both)).toBe('BAD_REQUEST');
    expect(apiErrorIssues(both)).toEqual([
      { path: ['title'], message: 'Tittelen må ha minst 3 tegn.' },
      { path: ['startDate'], message: 'Et fullført prosjekt må ha en startdato.' },
    ]);
    const createBoth = await rejection(() =>
      editor.projects.create.mutate({
        organisation: A,
        title: '',
        summary: '',
        body: '',
        themes: [],
        status: 'ongoing',
        startDate: '2026-01-01',
        endDate: '2025-01-01',
        leaders: [],
      }),
    );
    expect(apiErrorIssues(createBoth).map((issue) => issue.path[0])).toEqual(['title', 'endDate']);

    const published = await editor.projects.publish.mutate({
      slug: created.slug,
      version: updated.version,
    });
    expect(published).toMatchObject({ workflowStatus: 'published', version: 3 });
    const shown = await t.api.projects.get.query({ slug: created.slug });
    expect(shown).toMatchObject({
      summary: 'Oppdatert sammendrag.',
      leaders: [{ id: person.id, name: 'Lise Leder', email: 'leder@kko.no' }],
      themes: [
        { slug: 'mat', name: 'Mat' },
        { slug: 'sirkularitet', name: 'Sirkularitet' },
      ],
    });
    expect(shown).not.toHaveProperty('body');
    expect(shown).not.toHaveProperty('version');
    // The admin's preview is exactly what the public sees.
    expect(await editor.projects.previewPage.query({ slug: created.slug })).toEqual(shown);
    expect(slugs((await t.api.projects.list.query({ theme: 'mat', limit: 500 })).items)).toContain(
      created.slug,
    );

    const archived = await editor.projects.archive.mutate({
      slug: created.slug,
      version: published.version,
    });
    expect(archived.workflowStatus).toBe('archived');
    expect(
      apiErrorCode(await rejection(() => t.api.projects.get.query({ slug: created.slug }))),
    ).toBe('NOT_FOUND');
    const invalid = await rejection(() =>
      editor.projects.transition.mutate({
        slug: created.slug,
        version: archived.version,
        transition: 'submit',
      }),
    );
    expect(apiErrorCode(invalid)).toBe('UNPROCESSABLE_CONTENT');
  });

  it('refuses a stale version with CONFLICT and the stored project in data.current', async () => {
    const created = await draft('Prosjekt med to redaktører');
    const first = await editor.projects.getForEdit.query({ slug: created.slug });
    const edit = (summary: string) => ({
      slug: created.slug,
      version: first.version,
      title: first.title,
      summary,
      body: first.body,
      themes: ['mat'],
      status: 'planned' as const,
      leaders: [],
    });
    const saved = await admin.projects.update.mutate(edit('Administratoren var først.'));
    const error = await rejection(() =>
      editor.projects.update.mutate(edit('Redaktøren kom for sent.')),
    );
    expect(apiErrorCode(error)).toBe('CONFLICT');
    expect(isApiError(error) && error.message).toMatch(/^Noen andre har endret dette/);
    const data = isApiError(error) ? (error.data as { current?: unknown }) : {};
    expect(data.current).toEqual(saved);
    const staleTransition = await rejection(() =>
      editor.projects.transition.mutate({
        slug: created.slug,
        version: first.version,
        transition: 'submit',
      }),
    );
    expect(apiErrorCode(staleTransition)).toBe('CONFLICT');
  });

  it('gives a title of the longest allowed length a slug within the limit, cut at a word', async () => {
    const words = 'Klimatilpasning og beredskap i små og store kommuner på Østlandet ';
    const title = words.repeat(4).slice(0, 200).trim().padEnd(200, 'x');
    expect(title).toHaveLength(200);
    const person = await leader('Lang Tittel Leder');
    const first = await draft(title, { leaders: [person.id] });
    const second = await draft(title, { leaders: [person.id] });
    for (const { slug } of [first, second]) {
      expect(slug.length).toBeLessThanOrEqual(100);
      expect(slug).toMatch(/^klimatilpasning-og-beredskap-i-sma-og-store-kommuner-pa-ostlandet-/);
    }
    expect(second.slug).not.toBe(first.slug);
    expect(first.slug).not.toMatch(/-$/);
    // Opened, edited, published, unpublished and published again by that slug.
    const opened = await editor.projects.getForEdit.query({ slug: first.slug });
    expect(opened.title).toBe(title);
    const edited = await editor.projects.update.mutate({
      slug: first.slug,
      version: opened.version,
      title,
      summary: 'Endret.',
      body: opened.body,
      themes: ['mat'],
      status: opened.status,
      leaders: [person.id],
    });
    const published = await editor.projects.publish.mutate({
      slug: first.slug,
      version: edited.version,
    });
    const unpublished = await editor.projects.transition.mutate({
      slug: first.slug,
      version: published.version,
      transition: 'unpublish',
    });
    const again = await editor.projects.publish.mutate({
      slug: first.slug,
      version: unpublished.version,
    });
    expect(again.workflowStatus).toBe('published');
    expect((await t.api.projects.get.query({ slug: first.slug })).title).toBe(title);
  });

  it('audits creation, changes and publication with the actor and the owner', async () => {
    const person = await leader('Revisor Leder');
    const created = await draft('Prosjekt med revisjonsspor', { leaders: [person.id] });
    const published = await editor.projects.publish.mutate({
      slug: created.slug,
      version: created.version,
    });
    await editor.projects.transition.mutate({
      slug: created.slug,
      version: published.version,
      transition: 'unpublish',
    });
    const history = await editor.audit.history.query({
      recordType: 'project',
      recordId: created.slug,
    });
    expect(history.items.map((item) => item.action).sort()).toEqual([
      'project.create',
      'project.publish',
      'project.unpublish',
    ]);
    for (const item of history.items) {
      expect(item).toMatchObject({
        organisation: A,
        actor: { kind: 'user', name: 'editorA' },
      });
    }
    const create = history.items.find((item) => item.action === 'project.create');
    expect(create?.after).toMatchObject({
      title: 'Prosjekt med revisjonsspor',
      leaders: [person.id],
    });
  });

  it('renders XSS payloads in the body inert', async () => {
    const body = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[klikk](javascript:alert(1))',
      '<a href="javascript:alert(1)">lenke</a>',
      '<svg><script>alert(1)</script></svg>',
      '<iframe src="https://example.no"></iframe>',
      '<p onclick="alert(1)" style="color:red">tekst</p>',
      '[trygg](https://example.no)',
      // Last: an unclosed <style> makes the rest of the Markdown one raw HTML block.
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    ].join('\n\n');
    const created = await draft('Prosjekt med farlig tekst', { body });
    const view = await editor.projects.getForEdit.query({ slug: created.slug });
    expect(view.body).toBe(body);
    const html = view.bodyHtml;
    expect(html).not.toMatch(
      /<script|<img|<svg|<math|<style|<iframe|<table|<mglyph|onerror|onclick|style=|javascript:/i,
    );
    expect(html).toContain('<a href="https://example.no" rel="noopener noreferrer">trygg</a>');
    // Whatever text is left is escaped, so a browser never parses it as markup.
    expect(html.replace(/<\/?(p|a|strong|em)\b[^>]*>/g, '')).not.toMatch(/<[a-z]/i);
    const preview = await editor.projects.preview.mutate({ body });
    expect(preview.bodyHtml).toBe(html);
  });

  it('validates input with Norwegian messages naming the field', async () => {
    const base = {
      organisation: A,
      title: 'Gyldig tittel',
      summary: '',
      body: '',
      themes: ['mat'],
      status: 'planned' as const,
      leaders: [],
    };
    const issues = async (input: Record<string, unknown>) =>
      apiErrorIssues(
        await rejection(() => editor.projects.create.mutate({ ...base, ...input } as typeof base)),
      );
    expect(await issues({ title: 'ab' })).toEqual([
      { path: ['title'], message: 'Tittelen må ha minst 3 tegn.' },
    ]);
    expect((await issues({ title: 'x'.repeat(201) }))[0]?.message).toMatch(/^Tittelen kan ikke/);
    expect((await issues({ summary: 'x'.repeat(501) }))[0]?.path).toEqual(['summary']);
    expect((await issues({ body: 'x'.repeat(20_001) }))[0]?.path).toEqual(['body']);
    expect(await issues({ themes: ['a', 'b', 'c', 'd', 'e', 'f'] })).toEqual([
      { path: ['themes'], message: 'Et prosjekt kan ha høyst fem temaer.' },
    ]);
    expect((await issues({ themes: ['Mat!'] }))[0]?.path).toEqual(['themes', '0']);
    expect(await issues({ leaders: ['ikke-en-id'] })).toEqual([
      { path: ['leaders', '0'], message: 'Prosjektlederen må være en gyldig id.' },
    ]);
    expect((await issues({ status: 'done' }))[0]?.path).toEqual(['status']);
    expect((await issues({ startDate: '2026-02-30' }))[0]?.path).toEqual(['startDate']);
    // The access check comes first: only an admin gets as far as the malformed slug.
    const badOrganisation = await rejection(() =>
      admin.projects.create.mutate({ ...base, organisation: 'KKO!' }),
    );
    expect(apiErrorIssues(badOrganisation)[0]?.path).toEqual(['organisation']);
    const link = { label: 'Lenke', url: 'https://example.no' };
    expect(await issues({ links: Array.from({ length: 11 }, () => link) })).toEqual([
      { path: ['links'], message: 'Et prosjekt kan ha høyst 10 lenker.' },
    ]);
    expect(await issues({ links: [{ label: 'Ond', url: 'javascript:alert(1)' }] })).toEqual([
      {
        path: ['links', '0', 'url'],
        message: 'Lenken må være en fullstendig adresse som begynner med https:// eller http://.',
      },
    ]);
    const unknownTheme = await rejection(() =>
      editor.projects.create.mutate({ ...base, themes: ['atlantis'] }),
    );
    // A theme the input names that does not exist is a field error, not a missing page.
    expect(apiErrorCode(unknownTheme)).toBe('BAD_REQUEST');
    expect(apiErrorIssues(unknownTheme)).toEqual([
      { path: ['themes'], message: 'Fant ikke temaet «atlantis». Velg blant temaene i listen.' },
    ]);
  });
});

describe('people and themes', () => {
  it('creates and updates people with valid email and phone; stale saves get data.current', async () => {
    const issues = async (input: Record<string, unknown>) =>
      apiErrorIssues(
        await rejection(() =>
          editor.people.create.mutate({
            name: 'Ola Nordmann',
            title: 'Rådgiver',
            organisation: A,
            consent: false,
            ...input,
          }),
        ),
      );
    expect(await issues({ email: 'ikke en e-post' })).toEqual([
      { path: ['email'], message: 'E-postadressen må være gyldig, som navn@kommune.no.' },
    ]);
    expect((await issues({ phone: 'ring meg' }))[0]?.path).toEqual(['phone']);
    expect((await issues({ phone: '123' }))[0]?.message).toMatch(/^Telefonnummeret/);
    expect((await issues({ municipality: '32' }))[0]?.path).toEqual(['municipality']);
    expect((await issues({ name: '  ' }))[0]).toEqual({
      path: ['name'],
      message: 'Navnet må fylles ut.',
    });

    const person = await editor.people.create.mutate({
      name: 'Kari Kontakt',
      title: 'Klimarådgiver',
      organisation: A,
      municipality: '3203',
      email: ' Kari@Asker.KOMMUNE.no ',
      phone: '+47 900 00 000',
      consent: true,
    });
    expect(person).toMatchObject({
      email: 'kari@asker.kommune.no',
      municipality: { number: '3203', name: 'Asker' },
      organisation: { slug: A },
      consent: true,
      version: 1,
    });
    expect((await editor.people.list.query({ organisation: A })).map((p) => p.id)).toContain(
      person.id,
    );
    const updated = await editor.people.update.mutate({
      id: person.id,
      version: person.version,
      name: 'Kari Kontakt',
      title: 'Klimasjef',
      organisation: A,
      consent: false,
    });
    expect(updated).toMatchObject({ title: 'Klimasjef', email: null, consent: false, version: 2 });
    const stale = await rejection(() =>
      editor.people.update.mutate({
        id: person.id,
        version: person.version,
        name: 'Kari',
        title: '',
        organisation: A,
        consent: false,
      }),
    );
    expect(apiErrorCode(stale)).toBe('CONFLICT');
    expect(isApiError(stale) && (stale.data as { current?: unknown }).current).toEqual(updated);
    const history = await editor.audit.history.query({ recordType: 'person', recordId: person.id });
    expect(history.items.map((item) => item.action).sort()).toEqual([
      'person.create',
      'person.update',
    ]);
  });

  it('lets the admin save a theme (versioned and audited)', async () => {
    const before = (await admin.themes.listForEdit.query()).items.find(
      (x) => x.slug === 'mobilitet',
    );
    if (!before) throw new Error('mobilitet is seeded');
    const saved = await admin.themes.update.mutate({
      slug: 'mobilitet',
      version: before.version,
      name: before.name,
      description: before.description,
    });
    expect(saved).toMatchObject({ slug: 'mobilitet', version: before.version + 1 });
    const stale = await rejection(() =>
      admin.themes.update.mutate({
        slug: 'mobilitet',
        version: before.version,
        name: 'Noe annet',
        description: '',
      }),
    );
    expect(apiErrorCode(stale)).toBe('CONFLICT');
    const history = await admin.audit.history.query({ recordType: 'theme', recordId: 'mobilitet' });
    expect(history.items[0]).toMatchObject({ action: 'theme.update', organisation: null });
  });
});
