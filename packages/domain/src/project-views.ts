/**
 * Read models of themes, people, projects and participations (docs/contracts-projects.md).
 * Plain JSON like views.ts: dates are `YYYY-MM-DD`, timestamps ISO 8601 strings.
 */
import type { IsoDate } from './dates.ts';
import type { ParticipationStatus } from './participation-status.ts';
import type { ProjectLink, ProjectStatus } from './project.ts';
import type { Status } from './status.ts';
import type { MunicipalityRef, OrganisationRef, RegionRef } from './views.ts';

export interface ThemeRef {
  readonly slug: string;
  readonly name: string;
}

export interface ProjectRef {
  readonly slug: string;
  readonly title: string;
}

export interface ThemeView extends ThemeRef {
  readonly description: string;
  /** How many projects have the theme; in public views only public projects count. */
  readonly projectCount: number;
}

/** themes.get: the theme with its (public) projects. */
export interface ThemeDetail extends ThemeView {
  readonly projects: readonly ProjectSummary[];
}

/** A person as the public sees them: email and phone are null unless the person consented. */
export interface PersonView {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly organisation: OrganisationRef | null;
  readonly municipality: MunicipalityRef | null;
  readonly email: string | null;
  readonly phone: string | null;
}

/** A person as editors see them: the real email and phone, the consent and the version. */
export interface PersonEditView extends PersonView {
  readonly consent: boolean;
  readonly version: number;
}

export interface ProjectSummary extends ProjectRef {
  readonly summary: string;
  readonly themes: readonly ThemeRef[];
  readonly owner: OrganisationRef;
  readonly status: ProjectStatus;
  readonly startDate: IsoDate | null;
  readonly endDate: IsoDate | null;
  /** Municipalities taking part, i.e. participations that are not withdrawn. */
  readonly participantCount: number;
}

export interface ParticipationStepView {
  readonly status: ParticipationStatus;
  readonly since: IsoDate;
}

export interface ParticipationView {
  readonly id: string;
  readonly municipality: MunicipalityRef;
  readonly status: ParticipationStatus;
  readonly since: IsoDate;
  readonly note: string;
  readonly contact: PersonView | null;
  /** Every step, oldest first; the last one is the current status. */
  readonly history: readonly ParticipationStepView[];
}

export interface ParticipationEditView extends ParticipationView {
  readonly version: number;
}

export interface ProjectDetail extends ProjectSummary {
  /** Sanitised HTML rendered from the Markdown body. */
  readonly bodyHtml: string;
  readonly leaders: readonly PersonView[];
  readonly links: readonly ProjectLink[];
  readonly participations: readonly ParticipationView[];
}

export interface ProjectEditView extends ProjectDetail {
  /** The Markdown source of bodyHtml. */
  readonly body: string;
  /** Person ids of the leaders, in the order of `leaders`. */
  readonly leaderIds: readonly string[];
  readonly workflowStatus: Status;
  readonly publishAt: string | null;
  readonly version: number;
  readonly participations: readonly ParticipationEditView[];
}

/** One participation in the matrix. */
export interface MatrixCell {
  readonly status: ParticipationStatus;
  readonly since: IsoDate;
  readonly participationId: string;
}

export interface MatrixRow {
  readonly municipality: MunicipalityRef;
  /** The region the municipality is a member through, or null for a direct member. */
  readonly via: RegionRef | null;
  /** Aligned with MatrixView.projects; null where the municipality does not take part. */
  readonly cells: readonly (MatrixCell | null)[];
}

/** participations.matrix: an organisation's current members against its public projects. */
export interface MatrixView {
  readonly organisation: OrganisationRef;
  /** Public projects, sorted by title. */
  readonly projects: readonly ProjectRef[];
  /** Every current member (membersOn today), sorted by name. */
  readonly rows: readonly MatrixRow[];
}

/** A public project a municipality takes part in (MunicipalityDetail.projects). */
export interface MunicipalityProjectView {
  readonly project: ProjectRef;
  readonly owner: OrganisationRef;
  readonly status: ParticipationStatus;
  readonly since: IsoDate;
}
