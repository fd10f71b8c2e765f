import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiClient, apiErrorCode, apiErrorIssues, isApiError } from '../src/client.ts';
import { renderMarkdown } from '../src/content/markdown.ts';
import { A } from './global-setup.ts';
import { clientWith, freshAddress, rejection, signIn, useServer } from './harness.ts';

const t = useServer();
// The third organisation is this file's own, so the matrix (on A and B) never races it.
const SLUG = 'akershus-fylkeskommune';
let admin: ApiClient;

beforeAll(async () => {
  admin = clientWith(t.url, await signIn(t.url, 'admin'));
});

const current = () => admin.organisations.getForEdit.query({ slug: SLUG });
const save = async (fields: { description?: string; website?: string; contactEmail?: string }) => {
  const now = await current();
  return admin.organisations.update.mutate({
    slug: SLUG,
    version: now.version,
    description: fields.description ?? now.description,
    website: fields.website ?? now.website ?? '',
    contactEmail: fields.contactEmail ?? now.contactEmail ?? '',
  });
};

describe('organisation profile', () => {
  it('renders Markdown to sanitised HTML: no scripts, event handlers or javascript: links', async () => {
    const saved = await save({
      description:
        '## Om oss\n\n**Viktig** [lenke](https://example.no) [ond](javascript:alert(1))\n\n' +
        '<script>alert(1)</script><img src=x onerror=alert(1)><p style="color:red" onclick="x()">t</p>',
    });
    expect(saved.description).toContain('<script>');
    const html = saved.descriptionHtml;
    expect(html).toContain('<h3>Om oss</h3>');
    expect(html).toContain('<a href="https://example.no" rel="noopener noreferrer">lenke</a>');
    expect(html).not.toMatch(/script|onerror|onclick|javascript:|<img|style=/i);
  });

  it('allows only the allow-list', () => {
    const html = renderMarkdown(
      '# H1\n\n> sitat\n\n1. en\n\n`kode`\n\n[m](mailto:a@b.no) [d](data:text/html,x) <iframe src="x"></iframe>',
    );
    expect(html).toContain('<h3>H1</h3>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<a href="mailto:a@b.no" rel="noopener noreferrer">m</a>');
    expect(html).not.toMatch(/data:|iframe|<h1|<h2/);
  });

  it('validates website and contact email with Norwegian field messages', async () => {
    const bad = await rejection(() => save({ website: 'javascript:alert(1)' }));
    expect(apiErrorIssues(bad)).toEqual([
      { path: ['website'], message: expect.stringMatching(/https:\/\//) },
    ]);
    const email = await rejection(() => save({ contactEmail: 'ikke en e-post' }));
    expect(apiErrorIssues(email)[0]?.path).toEqual(['contactEmail']);
    const ok = await save({ website: 'https://akershus.no', contactEmail: 'Post@Akershus.no' });
    expect(ok).toMatchObject({ website: 'https://akershus.no', contactEmail: 'post@akershus.no' });
  });

  it('refuses a stale version with CONFLICT and the stored record in data.current', async () => {
    const loaded = await current();
    const saved = await save({ description: 'Ny tekst fra en annen redaktør.' });
    const error = await rejection(() =>
      admin.organisations.update.mutate({
        slug: SLUG,
        version: loaded.version,
        description: 'Min tekst',
        website: '',
        contactEmail: '',
      }),
    );
    expect(apiErrorCode(error)).toBe('CONFLICT');
    expect(isApiError(error) && error.message).toMatch(/^Noen andre har endret dette/);
    const data = isApiError(error) ? (error.data as { current?: unknown }) : {};
    expect(data.current).toEqual(saved);
  });

  it('audits each change with before and after', async () => {
    await save({ description: 'Revidert.' });
    const history = await admin.audit.history.query({ recordType: 'organisation', recordId: SLUG });
    expect(history.items[0]).toMatchObject({
      action: 'organisation.update',
      organisation: SLUG,
      actor: { kind: 'user', name: 'admin' },
      after: expect.objectContaining({ description: 'Revidert.' }),
    });
  });

  it('is public only once published and its publishAt has come; unpublish hides it again', async () => {
    const clockUrl = inject('clockUrl');
    const clockFile = inject('clockFile');
    const publicApi = clientWith(clockUrl, null);
    const edit = clientWith(clockUrl, await signIn(clockUrl, 'admin'));
    const draft = await edit.organisations.getForEdit.query({ slug: SLUG });
    expect((await publicApi.organisations.get.query({ slug: SLUG })).profile).toBeNull();
    const publishAt = new Date(Date.now() + 3_600_000).toISOString();
    const published = await edit.organisations.transition.mutate({
      slug: SLUG,
      version: draft.version,
      transition: 'publish',
      publishAt,
    });
    expect(published.status).toBe('published');
    try {
      expect((await publicApi.organisations.get.query({ slug: SLUG })).profile).toBeNull();
      writeFileSync(clockFile, String(2 * 3_600_000));
      expect((await publicApi.organisations.get.query({ slug: SLUG })).profile).toMatchObject({
        website: 'https://akershus.no',
      });
    } finally {
      writeFileSync(clockFile, '0');
    }
    const invalid = await rejection(() =>
      admin.organisations.transition.mutate({
        slug: SLUG,
        version: published.version,
        transition: 'submit',
      }),
    );
    expect(apiErrorCode(invalid)).toBe('UNPROCESSABLE_CONTENT');
    const back = await admin.organisations.transition.mutate({
      slug: SLUG,
      version: published.version,
      transition: 'unpublish',
    });
    expect(back.status).toBe('draft');
  });
});

describe('memberships', () => {
  it('explains the overlap rule in Norwegian and ends a membership', async () => {
    const overlap = await rejection(() =>
      admin.memberships.add.mutate({ organisation: A, municipality: '3203', from: '2020-01-01' }),
    );
    expect(apiErrorCode(overlap)).toBe('UNPROCESSABLE_CONTENT');
    expect(isApiError(overlap) && overlap.data?.tag).toBe('MembershipOverlap');
    const both = await rejection(() =>
      admin.memberships.add.mutate({ organisation: SLUG, from: '2020-01-01' }),
    );
    expect(apiErrorCode(both)).toBe('BAD_REQUEST');
    const added = await admin.memberships.add.mutate({
      organisation: SLUG,
      region: 'hallingdal',
      from: '2098-01-01',
    });
    const ended = await admin.memberships.end.mutate({
      id: added.id,
      to: '2098-12-31',
      version: added.version,
    });
    expect(ended.to).toBe('2098-12-31');
    const stale = await rejection(() =>
      admin.memberships.end.mutate({ id: added.id, to: '2098-06-30', version: added.version }),
    );
    expect(apiErrorCode(stale)).toBe('CONFLICT');
  });
});

describe('memberships: what is known of the start, and unknown members', () => {
  it('stores a start given as a year as a year, and a day as a day', async () => {
    const year = await admin.memberships.add.mutate({
      organisation: SLUG,
      municipality: '3201',
      from: '2091',
    });
    expect(year).toMatchObject({ from: '2091-01-01', fromPrecision: 'year' });
    const day = await admin.memberships.add.mutate({
      organisation: SLUG,
      municipality: '3205',
      from: '2091-03-15',
    });
    expect(day).toMatchObject({ from: '2091-03-15', fromPrecision: 'day' });
    const listed = await admin.memberships.list.query({ organisation: SLUG });
    expect(listed.items.find((m) => m.id === year.id)?.fromPrecision).toBe('year');
    const bad = await rejection(() =>
      admin.memberships.add.mutate({ organisation: SLUG, municipality: '3201', from: 'i fjor' }),
    );
    expect(apiErrorCode(bad)).toBe('BAD_REQUEST');
    expect(apiErrorIssues(bad)[0]?.path).toEqual(['from']);
  });

  it('answers an unknown or pre-2024 kommunenummer, or a region by name, with a field error', async () => {
    const old = await rejection(() =>
      admin.memberships.add.mutate({ organisation: SLUG, municipality: '3025', from: '2020' }),
    );
    expect(apiErrorCode(old)).toBe('BAD_REQUEST');
    expect(apiErrorIssues(old)).toEqual([
      {
        path: ['municipality'],
        message: '3025 var kommunenummeret til Asker før 2024. Asker har nå kommunenummer 3203.',
      },
    ]);
    const typo = await rejection(() =>
      admin.memberships.add.mutate({ organisation: SLUG, municipality: '0220', from: '2020' }),
    );
    expect(apiErrorCode(typo)).toBe('BAD_REQUEST');
    expect(apiErrorIssues(typo)[0]).toMatchObject({
      path: ['municipality'],
      message: expect.stringMatching(/^Ingen kommune har kommunenummer 0220 i dag/),
    });
    const region = await rejection(() =>
      admin.memberships.add.mutate({
        organisation: SLUG,
        region: 'hallingdalsregionen',
        from: '2020',
      }),
    );
    expect(apiErrorCode(region)).toBe('BAD_REQUEST');
    expect(apiErrorIssues(region)[0]?.path).toEqual(['region']);
    const byName = await rejection(() =>
      admin.memberships.add.mutate({
        organisation: SLUG,
        region: 'Hallingdalsregionen',
        from: '2020',
      }),
    );
    expect(apiErrorIssues(byName)[0]?.path).toEqual(['region']);
  });
});

describe('audit log for people', () => {
  it('filters by part of a name and names each record by its title', async () => {
    const editor = clientWith(t.url, await signIn(t.url, 'editorA'));
    await editor.auth.me.query();
    const byName = await admin.audit.list.query({ actorName: 'EDITORA', limit: 100 });
    expect(byName.items.length).toBeGreaterThan(0);
    expect(byName.items.every((item) => item.actor?.name === 'editorA')).toBe(true);
    const profiles = await admin.audit.list.query({
      recordType: 'organisation',
      organisation: SLUG,
      limit: 5,
    });
    expect(profiles.items[0]?.recordTitle).toBe('Akershus fylkeskommune');
    const tooLong = await rejection(() => admin.audit.list.query({ actorName: 'x'.repeat(101) }));
    expect(apiErrorIssues(tooLong)[0]?.path).toEqual(['actorName']);
  });
});

describe('audit of sign-ins', () => {
  it('records sign-ins and failed sign-ins with the normalised email, never the password', async () => {
    await rejection(() =>
      clientWith(t.url, null, freshAddress()).auth.signIn.mutate({
        email: ' Revisjon@Test.NO ',
        password: 'hemmelig-passord-123',
      }),
    );
    const failed = await admin.audit.list.query({ action: 'auth.sign-in-failed', limit: 100 });
    const row = failed.items.find(
      (item) => (item.after as { email?: string } | null)?.email === 'revisjon@test.no',
    );
    expect(row).toBeDefined();
    expect(JSON.stringify(failed)).not.toContain('hemmelig-passord-123');
    const ok = await admin.audit.list.query({ action: 'auth.sign-in', limit: 5 });
    expect(ok.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(ok)).not.toMatch(/kks_/);
  });
});

describe('raw HTTP for editors', () => {
  it('refuses mutations that are not JSON with 415, before tRPC', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const res = await fetch(`${t.url}/trpc/auth.signIn`, {
        method: 'POST',
        headers: type ? { 'Content-Type': type } : {},
        body: JSON.stringify({ email: 'admin@test.no', password: 'x' }),
      });
      expect(res.status).toBe(415);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      await res.arrayBuffer();
    }
  });

  it('sends CSP, nosniff and no-referrer on every answer; no-store when authenticated', async () => {
    const token = await signIn(t.url, 'editorA');
    const res = await fetch(`${t.url}/trpc/auth.me`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const publicRes = await fetch(`${t.url}/health`);
    expect(publicRes.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
