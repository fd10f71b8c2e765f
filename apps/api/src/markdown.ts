import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// One parser with its own options, so nothing global in `marked` is changed for other users.
const parser = new Marked({ gfm: true, breaks: false, async: false });

const ALLOWED_TAGS = [
  'p',
  'a',
  'strong',
  'em',
  'ul',
  'ol',
  'li',
  'h2',
  'h3',
  'h4',
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
    // A page has its own h1; Markdown headings shift into the allowed range.
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    a: (_tagName, attribs) => ({
      tagName: 'a',
      attribs: {
        ...(attribs.href === undefined ? {} : { href: attribs.href }),
        rel: 'noopener noreferrer',
      },
    }),
  },
};

/** Sanitises HTML to the profile allow-list (links http/https/mailto only, no images or styles). */
export const sanitize = (html: string): string => sanitizeHtml(html, sanitizeOptions);

/** Renders an editor's Markdown to HTML that is safe to put into a page as is. */
export const renderMarkdown = (markdown: string): string =>
  markdown.trim() === '' ? '' : sanitize(parser.parse(markdown) as string).trim();
