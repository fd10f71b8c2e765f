import type { IsoDate } from '../content/dates.ts';
import type { Status } from '../content/status.ts';
import type { MunicipalityRef } from '../municipality/refs.ts';
import type { OrganisationRef } from '../network/refs.ts';
import type { ProjectRef, ThemeRef } from '../project/views.ts';
import type { ResourceAudience, ResourceKind, ResourceLanguage, ResourceLink } from './resource.ts';

/** Read models of the resource library (docs/contracts-resources.md; see ../content/views.ts). */

export interface AttachmentView {
  /** The stored file's id. */
  readonly file: string;
  readonly title: string;
  readonly altText: string | null;
  /** 'pdf', 'docx', …, 'png' (packages/files' FileKind). */
  readonly kind: string;
  /** 'PDF', 'Word', … */
  readonly kindLabel: string;
  readonly mediaType: string;
  /** Bytes. */
  readonly size: number;
  /** Where the API serves it: `/files/<id>`. */
  readonly url: string;
  readonly image: {
    readonly width: number;
    readonly height: number;
    /** The WebP widths served at `/files/<id>/w<width>`. */
    readonly widths: readonly number[];
  } | null;
}

export interface ResourceSummary {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly kind: ResourceKind;
  readonly themes: readonly ThemeRef[];
  readonly owner: OrganisationRef;
  /** The project it came from, when that project is public. */
  readonly project: ProjectRef | null;
  /** The labels of its attachments' file types, each once ('PDF', 'Excel'). */
  readonly fileKinds: readonly string[];
  readonly publishedOn: IsoDate | null;
  readonly lastReviewedOn: IsoDate | null;
  /** Demo content (seeded for development, not real); shown marked «Demodata» wherever it appears. */
  readonly demo: boolean;
}

export interface ResourceDetail extends ResourceSummary {
  /** Sanitised HTML rendered from the Markdown body. */
  readonly bodyHtml: string;
  readonly municipalities: readonly MunicipalityRef[];
  readonly audience: readonly ResourceAudience[];
  readonly language: ResourceLanguage;
  readonly attachments: readonly AttachmentView[];
  readonly links: readonly ResourceLink[];
}

export interface ResourceEditView extends ResourceDetail {
  /** The Markdown source of bodyHtml. */
  readonly body: string;
  /** The project's slug whatever its workflow status (`project` shows only a public one). */
  readonly projectSlug: string | null;
  readonly workflowStatus: Status;
  readonly publishAt: string | null;
  readonly version: number;
}

/** resources.listForEdit: a resource whatever its workflow status, and where it is in it. */
export interface ResourceEditSummary extends ResourceSummary {
  readonly workflowStatus: Status;
  readonly publishAt: string | null;
  readonly version: number;
}
