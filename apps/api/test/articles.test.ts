import { pngImage } from '@klimakommuner/files/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, apiErrorCode, apiErrorIssues } from '../src/client.ts';
import { A, B } from './global-setup.ts';
import { clientWith, freshAddress, rejection, signIn, useServer } from './harness.ts';

// News articles («Aktuelt») through tRPC and HTTP. Other files write at the same time, so lists
// are filtered to this file's project or compared by slug.

const t = useServer();
let editorA: ApiClient;
let editorB: ApiClient;
let contributorA: ApiClient;
let tokenA: string;
const PROJECT = 'ombruk-i-egen-kommuneorganisasjon';

beforeAll(async () => {
  tokenA = await signIn(t.url, 'editorA');
  editorA = clientWith(t.url, tokenA);
  editorB = clientWith(t.url, await signIn(t.url, 'editorB'));
  contributorA = clientWith(t.url, await signIn(t.url, 'contributorA'));
});

const uploadImage = async (token: string, organisation: string): Promise<string> => {
  const form = new FormData();
  const bytes = await pngImage({ width: 800, height: 500 });
  form.set('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'bilde.png');
  form.set('alt', 'Et bilde');
  const response = await fetch(`${t.url}/files?organisation=${organisation}`, {
    method: 'POST',
    body: form,
    headers: { Authorization: `Bearer ${token}`, 'X-Forwarded-For': freshAddress() },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { file: { id: string } }).file.id;
};

const base = {
  organisation: A,
  lead: 'Kommunene ombruker møbler i stor skala.',
  body: '## Bakgrunn\n\nMøblene får et **nytt** liv.',
  themes: ['sirkularitet'],
  municipalities: ['3218'],
  author: { name: 'Kari Nordmann' },
};

describe('articles through tRPC and HTTP', () => {
  it('creates a draft with an image, hides it and its image, publishes it for everyone', async () => {
    const image = await uploadImage(tokenA, A);
    const created = await editorA.articles.create.mutate({
      ...base,
      title: 'Ombruk av kontormøbler i Ås',
      project: PROJECT,
      image: { file: image, altText: 'Stabler av kontorstoler', credit: 'Foto: Ola Hansen' },
    });
    expect(created).toEqual({ slug: 'ombruk-av-kontormobler-i-as', version: 1 });
    expect(
      apiErrorCode(await rejection(() => t.api.articles.get.query({ slug: created.slug }))),
    ).toBe('NOT_FOUND');
    expect((await fetch(`${t.url}/files/${image}/w320`)).status).toBe(404);
    expect((await t.api.articles.list.query({ project: PROJECT })).items).toEqual([]);

    const edit = await editorA.articles.getForEdit.query({ slug: created.slug });
    expect(edit.bodyHtml).toContain('<strong>nytt</strong>');
    const preview = await editorA.articles.previewPage.query({ slug: created.slug });
    expect(preview).not.toHaveProperty('body');
    await editorA.articles.publish.mutate({ slug: created.slug, version: edit.version });

    const detail = await t.api.articles.get.query({ slug: created.slug });
    expect(detail).toMatchObject({
      title: 'Ombruk av kontormøbler i Ås',
      publisher: { slug: A },
      project: { slug: PROJECT },
      author: { name: 'Kari Nordmann', person: null },
      image: { file: image, altText: 'Stabler av kontorstoler', credit: 'Foto: Ola Hansen' },
      municipalities: [{ number: '3218' }],
    });
    expect(detail.image?.widths.length).toBeGreaterThan(0);
    expect(detail.publishedAt).not.toBeNull();
    expect((await fetch(`${t.url}/files/${image}/w320`)).status).toBe(200);
    const list = await t.api.articles.list.query({ project: PROJECT });
    expect(list.items.map((a) => a.slug)).toContain(created.slug);
    expect((await t.api.articles.latest.query({ project: PROJECT })).items[0]?.slug).toBe(
      created.slug,
    );
    const feed = await t.api.articles.feed.query({ project: PROJECT });
    expect(feed.items[0]).toMatchObject({ slug: created.slug, id: detail.id });
    expect((await t.api.search.sitemap.query()).items).toContainEqual({
      type: 'article',
      slug: created.slug,
    });
    const dashboard = await editorA.dashboard.overview.query();
    expect(dashboard.articlesInReview).toEqual([]);
  });

  it('lists articles in review on the dashboard', async () => {
    const created = await editorA.articles.create.mutate({ ...base, title: 'Til godkjenning nå' });
    await contributorA.articles.transition.mutate({
      slug: created.slug,
      version: created.version,
      transition: 'submit',
    });
    const dashboard = await editorA.dashboard.overview.query();
    expect(dashboard.articlesInReview.map((a) => a.slug)).toContain(created.slug);
    expect(
      (await editorB.dashboard.overview.query()).articlesInReview.map((a) => a.slug),
    ).not.toContain(created.slug);
  });

  it('answers bad input with BAD_REQUEST on the field, never a 500', async () => {
    const image = await uploadImage(tokenA, A);
    const noAlt = await rejection(() =>
      editorA.articles.create.mutate({
        ...base,
        title: 'Uten alternativ tekst',
        image: { file: image, altText: ' ' },
      }),
    );
    expect(apiErrorCode(noAlt)).toBe('BAD_REQUEST');
    expect(apiErrorIssues(noAlt)[0]?.path).toEqual(['image']);
    const otherProject = await rejection(() =>
      editorB.articles.create.mutate({
        ...base,
        organisation: B,
        title: 'Feil prosjekt',
        project: PROJECT,
      }),
    );
    expect(apiErrorCode(otherProject)).toBe('BAD_REQUEST');
    expect(apiErrorIssues(otherProject)[0]?.path).toEqual(['project']);
    const unknownTheme = await rejection(() =>
      editorA.articles.create.mutate({ ...base, title: 'Ukjent tema', themes: ['finnes-ikke'] }),
    );
    expect(apiErrorIssues(unknownTheme)[0]?.path).toEqual(['themes']);
    const tooShort = await rejection(() => editorA.articles.create.mutate({ ...base, title: 'x' }));
    expect(apiErrorCode(tooShort)).toBe('BAD_REQUEST');
    expect(apiErrorCode(await rejection(() => t.api.articles.list.query({ cursor: 'tull' })))).toBe(
      'BAD_REQUEST',
    );
    expect(apiErrorCode(await rejection(() => t.api.articles.list.query({ limit: 0 })))).toBe(
      'BAD_REQUEST',
    );
    // Publishing without a lead is a broken rule.
    const bare = await editorA.articles.create.mutate({ ...base, title: 'Uten ingress', lead: '' });
    const unpublishable = await rejection(() =>
      editorA.articles.publish.mutate({ slug: bare.slug, version: bare.version }),
    );
    expect(apiErrorCode(unpublishable)).toBe('UNPROCESSABLE_CONTENT');
  });

  it('keeps other organisations and anonymous callers out', async () => {
    const created = await editorA.articles.create.mutate({ ...base, title: 'Bare for KKO' });
    expect(
      apiErrorCode(
        await rejection(() => editorB.articles.getForEdit.query({ slug: created.slug })),
      ),
    ).toBe('FORBIDDEN');
    expect(
      apiErrorCode(
        await rejection(() =>
          editorB.articles.update.mutate({
            ...base,
            slug: created.slug,
            version: 1,
            title: 'Kapret',
          }),
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      apiErrorCode(
        await rejection(() => t.api.articles.create.mutate({ ...base, title: 'Anonym nyhet' })),
      ),
    ).toBe('UNAUTHORIZED');
    expect(
      apiErrorCode(await rejection(() => t.api.articles.listForEdit.query({ organisation: A }))),
    ).toBe('UNAUTHORIZED');
    // A contributor may not publish.
    expect(
      apiErrorCode(
        await rejection(() =>
          contributorA.articles.publish.mutate({ slug: created.slug, version: 1 }),
        ),
      ),
    ).toBe('FORBIDDEN');
    // A stale version is CONFLICT with the stored article.
    await editorA.articles.update.mutate({
      ...base,
      slug: created.slug,
      version: 1,
      title: 'Bare for KKO',
    });
    const stale = await rejection(() =>
      editorA.articles.update.mutate({ ...base, slug: created.slug, version: 1, title: 'Igjen' }),
    );
    expect(apiErrorCode(stale)).toBe('CONFLICT');
    const removed = await editorA.articles.delete.mutate({ slug: created.slug, version: 2 });
    expect(removed).toEqual({ slug: created.slug });
  });

  it('offers the publisher’s people as authors, to contributors too, and takes no one else’s', async () => {
    const own = await editorA.people.create.mutate({
      name: 'Sigrid Skribent',
      title: 'Kommunikasjonsrådgiver',
      organisation: A,
      email: 'sigrid@example.no',
      consent: true,
    });
    const other = await editorB.people.create.mutate({
      name: 'Bjørn Fremmed',
      title: 'Rådgiver',
      organisation: B,
      consent: false,
    });
    // Name and title only: no email or phone, for a contributor who may not manage people.
    const offered = await contributorA.articles.authorCandidates.query({ organisation: A });
    expect(offered.items).toContainEqual({
      id: own.id,
      name: 'Sigrid Skribent',
      title: 'Kommunikasjonsrådgiver',
    });
    expect(offered.items.map((p) => p.id)).not.toContain(other.id);
    for (const item of offered.items)
      expect(Object.keys(item).sort()).toEqual(['id', 'name', 'title']);
    expect(
      apiErrorCode(
        await rejection(() => editorB.articles.authorCandidates.query({ organisation: A })),
      ),
    ).toBe('FORBIDDEN');
    expect(
      apiErrorCode(
        await rejection(() => t.api.articles.authorCandidates.query({ organisation: A })),
      ),
    ).toBe('UNAUTHORIZED');

    // The person alone is the author: the byline is their name.
    const written = await contributorA.articles.create.mutate({
      ...base,
      title: 'Skrevet av en av organisasjonens egne',
      author: { name: '', person: own.id },
    });
    const stored = await editorA.articles.getForEdit.query({ slug: written.slug });
    expect(stored.author).toEqual({
      name: 'Sigrid Skribent',
      person: { id: own.id, name: 'Sigrid Skribent', title: 'Kommunikasjonsrådgiver' },
    });
    // Another organisation's person is no author of A's article, on create and on update.
    const refused = await rejection(() =>
      editorA.articles.create.mutate({
        ...base,
        title: 'Skrevet av en fra et annet nettverk',
        author: { name: '', person: other.id },
      }),
    );
    expect(apiErrorCode(refused)).toBe('BAD_REQUEST');
    expect(apiErrorIssues(refused)[0]?.path).toEqual(['author']);
    const update = await rejection(() =>
      editorA.articles.update.mutate({
        ...base,
        slug: written.slug,
        version: stored.version,
        title: stored.title,
        author: { name: 'Bjørn Fremmed', person: other.id },
      }),
    );
    expect(apiErrorCode(update)).toBe('BAD_REQUEST');
    expect(
      (await editorA.articles.getForEdit.query({ slug: written.slug })).author?.person?.id,
    ).toBe(own.id);
  });
});
