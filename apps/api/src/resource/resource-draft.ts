import { renderField } from '../content/rendering.ts';
import type { ResourceInput } from './inputs.ts';

/**
 * The draft as the repository takes it: the body rendered to sanitised HTML, lists once each
 * (attachments and links keep their order), absent fields as none, Norwegian bokmål by default.
 */
export const resourceDraft = async (input: ResourceInput) => ({
  title: input.title,
  summary: input.summary,
  body: input.body,
  bodyHtml: await renderField(input.body, 'body'),
  kind: input.kind,
  themes: [...new Set(input.themes)],
  project: input.project ?? null,
  municipalities: [...new Set(input.municipalities ?? [])],
  audience: [...new Set(input.audience ?? [])],
  language: input.language ?? 'nb',
  attachments: (input.attachments ?? []).map((a) => ({
    file: a.file.toLowerCase(),
    title: a.title.trim(),
    altText: a.altText?.trim() || null,
  })),
  links: (input.links ?? []).map((l) => ({ title: l.title.trim(), url: l.url.trim() })),
  publishedOn: input.publishedOn ?? null,
  lastReviewedOn: input.lastReviewedOn ?? null,
});
