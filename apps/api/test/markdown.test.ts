import { MAX_MARKDOWN_LENGTH } from '@klimakommuner/domain';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/content/markdown.ts';
import {
  createMarkdownPool,
  MarkdownBusy,
  MarkdownUnrenderable,
} from '../src/content/markdown-pool.ts';
import { pathologicalCases } from './fixtures/pathological.ts';

const ALLOWED = new Set(['p', 'a', 'strong', 'em', 'ul', 'ol', 'li', 'h3', 'h4', 'h5', 'h6']);
for (const tag of ['blockquote', 'code', 'pre', 'br']) ALLOWED.add(tag);

/** Every tag is on the allow-list and carries no attribute but a link's href and rel. */
const expectSanitised = (html: string) => {
  for (const match of html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
    const [, tag = '', attributes = ''] = match;
    expect(ALLOWED.has(tag), `tag <${tag}>`).toBe(true);
    const names = [...attributes.matchAll(/([a-zA-Z-]+)=/g)].map((m) => m[1]);
    expect(names.every((name) => tag === 'a' && (name === 'href' || name === 'rel'))).toBe(true);
  }
};

describe('Markdown on CommonMark’s pathological inputs, at the field limit', () => {
  for (const { name, input, expected } of pathologicalCases(MAX_MARKDOWN_LENGTH)) {
    it(`renders ${name}, sanitised`, () => {
      expect(input.length).toBeLessThanOrEqual(MAX_MARKDOWN_LENGTH);
      const html = renderMarkdown(input);
      expectSanitised(html);
      expect(html).toMatch(expected);
    });
  }
});

describe('headings in a body', () => {
  it('start at h3, below the page’s h1 and the section’s h2, keeping their order', () => {
    expect(renderMarkdown('# Mål\n\n## Delmål\n\n###### Detalj')).toBe(
      '<h3>Mål</h3>\n<h4>Delmål</h4>\n<h6>Detalj</h6>',
    );
    expect(renderMarkdown('## Mål\n\n### Delmål')).toBe('<h3>Mål</h3>\n<h4>Delmål</h4>');
    expect(renderMarkdown('#### Bare små')).toBe('<h3>Bare små</h3>');
  });

  it('typed as raw HTML never outrank h3 either', () => {
    expect(renderMarkdown('<h1>Stor</h1>\n\n<h2>Mindre</h2>')).toBe(
      '<h3>Stor</h3>\n<h3>Mindre</h3>',
    );
  });
});

describe('the worker pool', () => {
  it('renders as the function does, off the event loop', async () => {
    const pool = createMarkdownPool({ size: 1 });
    try {
      const text = '# Tittel\n\n**fet** [lenke](https://example.no) <script>x</script>';
      expect(await pool.render(text)).toBe(renderMarkdown(text));
      expect(await pool.render('  ')).toBe('');
    } finally {
      await pool.close();
    }
  });

  it('refuses work beyond its queue instead of piling it up', async () => {
    // While its worker starts, every rendering waits: two fit, the third is refused.
    const pool = createMarkdownPool({ size: 1, maxQueue: 2 });
    try {
      const first = pool.render('a');
      const second = pool.render('b');
      await expect(pool.render('c')).rejects.toBeInstanceOf(MarkdownBusy);
      expect(await Promise.all([first, second])).toEqual(['<p>a</p>', '<p>b</p>']);
    } finally {
      await pool.close();
    }
  });

  it('fails a rendering that runs past its time and replaces the worker', async () => {
    // The time limit is a tenth of what the rendering takes on a fast machine, and ten times what
    // a small one takes on a loaded one: the result does not depend on the machine's speed (a
    // 400 ms limit against 700 KB passed here and failed on a faster CI machine).
    const pool = createMarkdownPool({ size: 1, timeoutMs: 100 });
    try {
      // Far past the field limit (callers never send this much): a second or more.
      const huge = '*a **a '.repeat(300_000);
      await expect(pool.render(huge)).rejects.toBeInstanceOf(MarkdownUnrenderable);
      expect(await pool.render('*igjen*')).toBe('<p><em>igjen</em></p>');
    } finally {
      await pool.close();
    }
  }, 120_000);
});
