/**
 * An editor writes Markdown; the API renders it to sanitised HTML (apps/api markdown.ts) and
 * stores both. What the domain says about it: how long a text may be.
 */

/** The longest Markdown text any field takes (project body, organisation description). */
export const MAX_MARKDOWN_LENGTH = 20_000;

/**
 * The words of a Markdown text without its markup, for search and snippets: links and images
 * keep their text, code marks, emphasis, headings, quotes, list marks and HTML tags go.
 */
export const markdownPlainText = (markdown: string): string =>
  markdown
    .replace(/<[^>]*>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>+|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
