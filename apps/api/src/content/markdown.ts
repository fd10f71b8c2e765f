import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown → safe HTML, as a pure synchronous function. The API calls it through the worker pool
 * in markdown-pool.ts, never on its event loop. Why markdown-it: docs/decisions/0006-markdown-it-in-worker-threads.md.
 */

/**
 * How deep blocks and inlines may nest (block quotes in lists in block quotes …). Deeper content
 * is dropped, not rendered: it bounds the work and the recursion whatever the input.
 */
export const MAX_NESTING = 20;

// CommonMark without extensions; raw HTML passes through the parser to the sanitiser below,
// which keeps only the allow-list (a typed <script> disappears, its text stays).
const parser = new MarkdownIt('commonmark', { maxNesting: MAX_NESTING });
// Every link becomes a link here; the sanitiser's scheme allow-list is the one place that drops
// the href of a javascript:, data: or other link, so the text stays a link-less `<a>`.
parser.validateLink = () => true;

/** A body's headings sit under the page's h1 and the section's h2: its top level becomes h3. */
const TOP_LEVEL = 3;

parser.core.ruler.push('relative_headings', (state) => {
  let top = 7;
  for (const token of state.tokens) {
    if (token.type === 'heading_open') top = Math.min(top, Number(token.tag.slice(1)));
  }
  if (top === 7) return;
  const shift = TOP_LEVEL - top;
  for (const token of state.tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + shift)}`;
    }
  }
});

const ALLOWED_TAGS = [
  'p',
  'a',
  'strong',
  'em',
  'ul',
  'ol',
  'li',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'code',
  'pre',
  'br',
];

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  allowedStyles: {},
  // Disallowed tags go, their text stays; script/style/textarea contents go entirely.
  disallowedTagsMode: 'discard',
  transformTags: {
    // Headings typed as raw HTML never outrank the page's own h1 and h2 either.
    h1: 'h3',
    h2: 'h3',
    a: (_tagName, attribs) => ({
      tagName: 'a',
      attribs: {
        ...(attribs.href === undefined ? {} : { href: attribs.href }),
        rel: 'noopener noreferrer',
      },
    }),
  },
};

/** Sanitises HTML to the allow-list (links http/https/mailto only, no images or styles). */
export const sanitize = (html: string): string => sanitizeHtml(html, sanitizeOptions);

/**
 * Renders an editor's Markdown to HTML that is safe to put into a page as is. Linear in the
 * input on CommonMark's pathological cases (test/fixtures/pathological.ts); callers bound the
 * length to MAX_MARKDOWN_LENGTH.
 */
export const renderMarkdown = (markdown: string): string =>
  markdown.trim() === '' ? '' : sanitize(parser.render(markdown)).trim();
