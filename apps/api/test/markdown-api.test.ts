import { MAX_MARKDOWN_LENGTH } from '@klimakommuner/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, apiErrorCode, apiErrorIssues } from '../src/client.ts';
import { pathologicalCases } from './fixtures/pathological.ts';
import { A } from './global-setup.ts';
import { clientWith, rejection, signIn, useServer } from './harness.ts';

const t = useServer();
let editor: ApiClient;

beforeAll(async () => {
  editor = clientWith(t.url, await signIn(t.url, 'editorA'));
});

// The API refuses NUL in any text (it cannot be stored), so that case is checked on its own.
const all = pathologicalCases(MAX_MARKDOWN_LENGTH);
const cases = all.filter(({ input }) => !input.includes('\u0000'));

describe('Markdown through the API', () => {
  it('previews every pathological case in one batch, each sanitised as the fixture says', async () => {
    const answers = await Promise.all(
      cases.map(({ input }) => editor.projects.preview.mutate({ body: input })),
    );
    answers.forEach(({ bodyHtml }, index) => {
      expect(bodyHtml, cases[index]?.name).toMatch(cases[index]?.expected ?? /never/);
    });
  }, 120_000);

  it('refuses the NUL case with a field message instead of rendering it', async () => {
    const nul = all.find(({ input }) => input.includes('\u0000'));
    const error = await rejection(() => editor.projects.preview.mutate({ body: nul?.input ?? '' }));
    expect(apiErrorCode(error)).toBe('BAD_REQUEST');
    expect(apiErrorIssues(error)[0]?.path).toEqual(['body']);
  });

  it('saves a project whose body nests block quotes to the length limit', async () => {
    const body = `${'>'.repeat(MAX_MARKDOWN_LENGTH - 1)}a`;
    const created = await editor.projects.create.mutate({
      organisation: A,
      title: 'Prosjekt med dypt nestede sitater',
      summary: '',
      body,
      themes: ['mat'],
      status: 'planned',
      leaders: [],
    });
    const view = await editor.projects.getForEdit.query({ slug: created.slug });
    expect(view.body).toBe(body);
    expect(view.bodyHtml).toMatch(/^(<blockquote>\n?)+(<\/blockquote>\n?)+$/);
  }, 120_000);
});
