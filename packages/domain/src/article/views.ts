import type { Status } from '../content/status.ts';
import type { MunicipalityRef } from '../municipality/refs.ts';
import type { OrganisationRef } from '../network/refs.ts';
import type { ProjectRef, ThemeRef } from '../project/views.ts';

/** Read models of news articles («Aktuelt»). Instants are ISO 8601 strings (toISOString). */

export interface ArticleImageView {
  /** The stored file's id. */
  readonly file: string;
  /** Where the API serves it: `/files/<id>` (widths at `/files/<id>/w<width>`). */
  readonly url: string;
  readonly altText: string;
  /** «Foto: …»; '' when none. */
  readonly credit: string;
  readonly width: number | null;
  readonly height: number | null;
  /** The WebP widths served at `/files/<id>/w<width>`. */
  readonly widths: readonly number[];
}

export interface ArticleSummary {
  /** Stable: the feeds' guid and id. */
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly lead: string;
  readonly image: ArticleImageView | null;
  readonly publisher: OrganisationRef;
  /** The project it is about, when that project is public. */
  readonly project: ProjectRef | null;
  readonly themes: readonly ThemeRef[];
  /** When it became (or becomes, scheduled) public; null for one never published. */
  readonly publishedAt: string | null;
  /** Demo content (seeded for development, not real); shown marked «Demodata». */
  readonly demo: boolean;
}

export interface ArticleAuthorView {
  readonly name: string;
  /** The person record, when the author is one of the project people. */
  readonly person: { readonly id: string; readonly name: string; readonly title: string } | null;
}

export interface ArticleDetail extends ArticleSummary {
  /** Sanitised HTML rendered from the Markdown body. */
  readonly bodyHtml: string;
  readonly municipalities: readonly MunicipalityRef[];
  readonly author: ArticleAuthorView | null;
  /** When its text was last changed (show it only when articleWasUpdated). */
  readonly updatedAt: string;
}

export interface ArticleEditView extends ArticleDetail {
  /** The Markdown source of bodyHtml. */
  readonly body: string;
  /** The project's slug whatever its status (`project` shows only a public one). */
  readonly projectSlug: string | null;
  readonly workflowStatus: Status;
  readonly publishAt: string | null;
  readonly version: number;
}

/** articles.listForEdit: an article whatever its workflow status. */
export interface ArticleEditSummary extends ArticleSummary {
  readonly workflowStatus: Status;
  readonly publishAt: string | null;
  readonly version: number;
}

/** The public list's filters (the portal's ?utgiver= ?tema= ?prosjekt= ?kommune=). */
export interface ArticleFilter {
  /** Publisher organisation slug. */
  readonly publisher?: string;
  readonly theme?: string;
  readonly project?: string;
  /** Kommunenummer. */
  readonly municipality?: string;
}

export interface ArticlePage {
  readonly items: readonly ArticleSummary[];
  readonly nextCursor: string | null;
}

export const DEFAULT_ARTICLE_LIMIT = 20;
export const MAX_ARTICLE_LIMIT = 50;
/** The «siste nytt» blocks' length. */
export const LATEST_ARTICLES = 3;
/** How many articles a feed carries. */
export const FEED_ARTICLES = 20;
