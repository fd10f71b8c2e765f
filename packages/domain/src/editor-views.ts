/**
 * Read models of the editors' API (docs/contracts-editors.md). Plain JSON like views.ts:
 * timestamps are ISO 8601 strings (`2025-03-01T12:00:00.000Z`), dates `YYYY-MM-DD`.
 */
import type { Action, Role, TokenScope } from './actor.ts';
import type { Status } from './status.ts';
import type { MunicipalityRef, OrganisationDetail, OrganisationRef, RegionRef } from './views.ts';

/** The signed-in user, as auth.me() and auth.signIn() return them. */
export interface Me {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** The organisations the user may edit something in (all of them for an admin). */
  readonly organisations: readonly OrganisationRef[];
}

export interface SignInResult {
  /** The session token (`kks_…`), shown once. */
  readonly token: string;
  readonly expiresAt: string;
  readonly user: Me;
}

export interface SessionView {
  readonly id: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
  readonly userAgent: string | null;
  /** Whether this is the session the request came with. */
  readonly current: boolean;
}

export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly active: boolean;
  readonly createdAt: string;
  readonly lastSignInAt: string | null;
  readonly version: number;
}

export interface TokenView {
  readonly id: string;
  readonly name: string;
  readonly organisation: OrganisationRef;
  readonly scope: TokenScope;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

export interface CreatedToken {
  /** The API token (`kkt_…`), shown once and never stored. */
  readonly token: string;
  readonly item: TokenView;
}

/** organisations.getForEdit: the detail plus the whole profile, whatever its status. */
export interface OrganisationEditView extends OrganisationDetail {
  /** Markdown. */
  readonly description: string;
  /** Sanitised HTML rendered from `description`. */
  readonly descriptionHtml: string;
  readonly website: string | null;
  readonly contactEmail: string | null;
  readonly status: Status;
  readonly publishAt: string | null;
  readonly version: number;
}

/** Who a membership is for, with the names the admin shows. */
export type MembershipMemberView =
  | { readonly kind: 'municipality'; readonly municipality: MunicipalityRef }
  | { readonly kind: 'region'; readonly region: RegionRef };

/** memberships.list: every membership of an organisation, past, present and future. */
export interface MembershipEditView {
  readonly id: string;
  readonly member: MembershipMemberView;
  readonly from: string;
  readonly to: string | null;
  readonly version: number;
  /** Whether the membership holds today. */
  readonly current: boolean;
}

/** Who did something, as the audit log names them; null when nobody signed in did it. */
export interface AuditActor {
  readonly kind: 'user' | 'token';
  readonly id: string;
  readonly name: string;
}

export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly actor: AuditActor | null;
  /** An Action, a transition, or an event such as 'auth.sign-in' or 'access.refused'. */
  readonly action: string;
  readonly recordType: string;
  readonly recordId: string | null;
  readonly organisation: string | null;
  /** JSON snapshots of the record before and after; never a password or a token. */
  readonly before: unknown;
  readonly after: unknown;
}

/** A content item waiting for someone, on the dashboard. */
export interface WorkItem {
  readonly recordType: string;
  readonly recordId: string;
  readonly title: string;
  readonly organisation: OrganisationRef;
  readonly status: Status;
  readonly updatedAt: string;
  readonly publishAt: string | null;
}

export interface DashboardOverview {
  readonly organisations: readonly OrganisationRef[];
  readonly drafts: readonly WorkItem[];
  readonly inReview: readonly WorkItem[];
}

/** What a procedure requires, declared in `.meta({ access })`. */
export type Access = 'public' | 'signed-in' | { readonly action: Action };
