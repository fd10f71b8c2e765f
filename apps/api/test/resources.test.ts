import { pdfFile } from '@klimakommuner/files/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, apiErrorCode, apiErrorIssues, isApiError } from '../src/client.ts';
import { A, B } from './global-setup.ts';
import { clientWith, freshAddress, rejection, signIn, useServer } from './harness.ts';

// The resource library through tRPC and HTTP (docs/contracts-resources.md). Other files write
// at the same time, so searches use words only this file's resources have.

const t = useServer();
let editorB: ApiClient;
let editorA: ApiClient;
let contributorA: ApiClient;
let tokenB: string;

beforeAll(async () => {
  tokenB = await signIn(t.url, 'editorB');
  editorB = clientWith(t.url, tokenB);
  editorA = clientWith(t.url, await signIn(t.url, 'editorA'));
  contributorA = clientWith(t.url, await signIn(t.url, 'contributorA'));
});

const uploadPdf = async (token: string, organisation: string, line: string): Promise<string> => {
  const form = new FormData();
  const bytes = pdfFile({ pages: [[line]] });
  form.set('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'fil.pdf');
  const response = await fetch(`${t.url}/files?organisation=${organisation}`, {
    method: 'POST',
    body: form,
    headers: { Authorization: `Bearer ${token}`, 'X-Forwarded-For': freshAddress() },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { file: { id: string } }).file.id;
};

const fetchFile = (id: string, token: string | null = null) =>
  fetch(`${t.url}/files/${id}`, {
    headers: token === null ? {} : { Authorization: `Bearer ${token}` },
  });

const base = {
  organisation: B,
  summary: 'Hvordan Follo-kommunene regner ut klimagassutslipp.',
  body: '## Bakgrunn\n\nKommunene trengte en **felles** metode.',
  kind: 'guide' as const,
  themes: ['utslippskutt'],
  municipalities: ['3218'],
};

describe('resources through tRPC and HTTP', () => {
  it('creates a draft with a PDF, serves its file only to editors, then publishes it for everyone', async () => {
    const file = await uploadPdf(tokenB, B, 'Utslippsregnskapet for Follo med vedlegg om pyrolyse');
    const created = await editorB.resources.create.mutate({
      ...base,
      title: 'Klimaregnskap for Follo',
      attachments: [{ file, title: 'Regnskapet som PDF' }],
    });
    expect(created).toEqual({ slug: 'klimaregnskap-for-follo', version: 1 });
    // A draft is nobody's but its editors'.
    expect(
      apiErrorCode(await rejection(() => t.api.resources.get.query({ slug: created.slug }))),
    ).toBe('NOT_FOUND');
    expect((await fetchFile(file)).status).toBe(404);
    const draftFile = await fetchFile(file, tokenB);
    expect(draftFile.status).toBe(200);
    expect(draftFile.headers.get('cache-control')).toBe('private, no-store');
    expect((await t.api.resources.list.query({ q: 'pyrolyse' })).total).toBe(0);

    const edit = await editorB.resources.getForEdit.query({ slug: created.slug });
    expect(edit).toMatchObject({ workflowStatus: 'draft', body: base.body, fileKinds: ['PDF'] });
    expect(edit.bodyHtml).toContain('<strong>felles</strong>');
    await editorB.resources.publish.mutate({ slug: created.slug, version: edit.version });

    const detail = await t.api.resources.get.query({ slug: created.slug });
    expect(detail).toMatchObject({
      title: 'Klimaregnskap for Follo',
      kind: 'guide',
      owner: { slug: B },
      municipalities: [{ number: '3218', name: 'Ås' }],
      attachments: [{ file, title: 'Regnskapet som PDF', kindLabel: 'PDF', url: `/files/${file}` }],
    });
    expect(detail).not.toHaveProperty('body');
    const served = await fetchFile(file);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('content-disposition')).toContain('attachment');
    expect(served.headers.get('content-disposition')).toContain('Regnskapet som PDF.pdf');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(served.headers.get('cache-control')).toBe('public, max-age=3600');
    expect((await served.arrayBuffer()).byteLength).toBeGreaterThan(100);

    // The PDF's text is searchable; the snippet is plain parts.
    const found = await t.api.resources.list.query({ q: 'pyrolyse' });
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ slug: created.slug, type: 'resource' });
    expect(found.items[0]?.snippet.some((p) => p.match)).toBe(true);
    const facetted = await t.api.resources.list.query({
      q: 'pyrolyse',
      kind: 'guide',
      theme: 'utslippskutt',
      municipality: '3218',
    });
    expect(facetted.facets.kind).toEqual([{ value: 'guide', label: 'Veileder', count: 1 }]);
  });

  it('keeps editors to their own organisation’s resources and files', async () => {
    const fileA = await uploadPdf(await signIn(t.url, 'editorA'), A, 'Et vedlegg fra KKO');
    // B cannot attach A's upload: a field error, nothing created.
    const refused = await rejection(() =>
      editorB.resources.create.mutate({
        ...base,
        title: 'Lånt vedlegg',
        attachments: [{ file: fileA, title: 'Ikke vårt' }],
      }),
    );
    expect(apiErrorCode(refused)).toBe('BAD_REQUEST');
    expect(apiErrorIssues(refused)).toEqual([
      { path: ['attachments'], message: 'Fant ikke filen. Last den opp på nytt.' },
    ]);
    // A rule about one attachment says which one, so that a form can show it at that attachment.
    const fileB = await uploadPdf(tokenB, B, 'Et vedlegg fra KEN');
    const untitled = await rejection(() =>
      editorB.resources.create.mutate({
        ...base,
        title: 'Vedlegg uten tittel',
        attachments: [
          { file: fileB, title: 'Rapporten' },
          { file: fileB, title: ' ' },
        ],
      }),
    );
    expect(apiErrorCode(untitled)).toBe('BAD_REQUEST');
    expect(isApiError(untitled) && untitled.data).toMatchObject({
      tag: 'AttachmentTitleMissing',
      position: 1,
    });
    const created = await editorB.resources.create.mutate({ ...base, title: 'Bare for KEN' });
    expect(
      apiErrorCode(
        await rejection(() => editorA.resources.getForEdit.query({ slug: created.slug })),
      ),
    ).toBe('FORBIDDEN');
    expect(
      apiErrorCode(
        await rejection(() =>
          editorA.resources.update.mutate({
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
        await rejection(() => t.api.resources.create.mutate({ ...base, title: 'Anonym' })),
      ),
    ).toBe('UNAUTHORIZED');
    // A contributor writes drafts but does not publish.
    const own = await contributorA.resources.create.mutate({
      ...base,
      organisation: A,
      title: 'Bidragsyterens utkast',
    });
    expect(
      apiErrorCode(
        await rejection(() =>
          contributorA.resources.publish.mutate({ slug: own.slug, version: 1 }),
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('answers each rule with its code and Norwegian message', async () => {
    const bare = await editorB.resources.create.mutate({ ...base, title: 'Uten tema', themes: [] });
    const notPublishable = await rejection(() =>
      editorB.resources.publish.mutate({ slug: bare.slug, version: 1 }),
    );
    expect(apiErrorCode(notPublishable)).toBe('UNPROCESSABLE_CONTENT');
    expect((notPublishable as Error).message).toBe(
      'Ressursen kan ikke publiseres ennå: velg minst ett tema, og legg til minst ett vedlegg eller én lenke.',
    );
    const foreignProject = await rejection(() =>
      editorB.resources.create.mutate({
        ...base,
        title: 'Feil prosjekt',
        project: 'gronn-mobilitet',
      }),
    );
    expect(apiErrorIssues(foreignProject)).toEqual([
      {
        path: ['project'],
        message:
          'En ressurs som hører til et prosjekt, må eies av organisasjonen som eier prosjektet.',
      },
    ]);
    const badInput = await rejection(() =>
      editorB.resources.create.mutate({ ...base, title: 'X', kind: 'bok' as 'guide' }),
    );
    expect(apiErrorCode(badInput)).toBe('BAD_REQUEST');
    expect(apiErrorIssues(badInput)?.map((i) => i.path[0])).toEqual(['title', 'kind']);
    expect(
      apiErrorCode(await rejection(() => t.api.resources.list.query({ cursor: 'feil' }))),
    ).toBe('BAD_REQUEST');
  });

  it('deletes a resource: gone from reads and search, its file no longer served', async () => {
    const file = await uploadPdf(tokenB, B, 'Kvartalsrapport om sedimentasjon');
    const created = await editorB.resources.create.mutate({
      ...base,
      title: 'Rapport som slettes',
      attachments: [{ file, title: 'Rapporten' }],
    });
    const published = await editorB.resources.publish.mutate({ slug: created.slug, version: 1 });
    expect((await t.api.resources.list.query({ q: 'sedimentasjon' })).total).toBe(1);
    const stale = await rejection(() =>
      editorB.resources.delete.mutate({ slug: created.slug, version: 1 }),
    );
    expect(apiErrorCode(stale)).toBe('CONFLICT');
    expect(
      await editorB.resources.delete.mutate({ slug: created.slug, version: published.version }),
    ).toEqual({
      slug: created.slug,
    });
    expect((await t.api.resources.list.query({ q: 'sedimentasjon' })).total).toBe(0);
    expect((await fetchFile(file)).status).toBe(404);
    // Kept for the audit window: its editors can still fetch it.
    expect((await fetchFile(file, tokenB)).status).toBe(200);
  });
});
