import type { ProjectLink, ProjectStatus } from '@klimakommuner/domain';
import { renderField } from '../content/rendering.ts';

/** What a project's create and update carry, as decoded. */
export interface ProjectFields {
  readonly title: string;
  readonly summary: string;
  /** Markdown. */
  readonly body: string;
  readonly themes: readonly string[];
  readonly status: ProjectStatus;
  readonly startDate?: string | null;
  readonly endDate?: string | null;
  readonly leaders: readonly string[];
  readonly links?: readonly ProjectLink[];
}

/**
 * The draft as the repository takes it: the body rendered to sanitised HTML (in the worker pool
 * when long), themes and leaders once each, absent dates and links as none.
 */
export const projectDraft = async (input: ProjectFields) => ({
  title: input.title,
  summary: input.summary,
  body: input.body,
  bodyHtml: await renderField(input.body, 'body'),
  themes: [...new Set(input.themes)],
  status: input.status,
  startDate: input.startDate ?? null,
  endDate: input.endDate ?? null,
  leaders: [...new Set(input.leaders)],
  links: (input.links ?? []).map((link) => ({ label: link.label.trim(), url: link.url.trim() })),
});
