import type { IsoDate } from '../content/dates.ts';
import type { Status } from '../content/status.ts';
import type { MunicipalityRef } from '../municipality/refs.ts';
import type { OrganisationRef, RegionRef } from '../network/refs.ts';
import type { ParticipationStatus } from './participation-status.ts';
import type { ProjectLink, ProjectStatus } from './project.ts';

/**
 * Read models of themes, people, projects and participations (docs/contracts-projects.md; see
 * ../content/views.ts).
 */

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
  /** Municipalities taking part today (the domain's takesPartOn). */
  readonly participantCount: number;
  /** How many of those are demo participations (seeded for development, not real). */
  readonly demoParticipantCount: number;
}

/** projects.listForEdit: a project whatever its workflow status, and where it is in it. */
export interface ProjectEditSummary extends ProjectSummary {
  readonly workflowStatus: Status;
  readonly publishAt: string | null;
  readonly version: number;
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
  /** Whether the municipality takes part today (the domain's takesPartOn). */
  readonly takesPart: boolean;
  /** A demo participation (seeded for development, not real); shown marked wherever it appears. */
  readonly demo: boolean;
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
  /** Whether the municipality takes part today (the domain's takesPartOn). */
  readonly takesPart: boolean;
  /** A demo participation, not a real one. */
  readonly demo: boolean;
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

/**
 * A public project a municipality has a participation in (MunicipalityDetail.projects), whether
 * or not it takes part today: `takesPart` says which, so the page can list the two apart.
 */
export interface MunicipalityProjectView {
  readonly project: ProjectRef;
  readonly owner: OrganisationRef;
  readonly status: ParticipationStatus;
  readonly since: IsoDate;
  /** Whether the municipality takes part today (the domain's takesPartOn). */
  readonly takesPart: boolean;
  /** A demo participation, not a real one. */
  readonly demo: boolean;
}
