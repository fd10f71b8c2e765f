import type { Status } from '../content/status.ts';
import type { OrganisationRef } from '../network/refs.ts';
import type { Action, Role, TokenScope } from './actor.ts';

/**
 * Read models of accounts, sessions, tokens, the audit trail and the dashboard
 * (docs/contracts-editors.md; see ../content/views.ts).
 */

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
  /** The record's name or title today (a member's name, «Asker i Grønn mobilitet»), or null. */
  readonly recordTitle: string | null;
  /** A participation's project (slug), so the history can link back to where it is edited. */
  readonly recordProject: string | null;
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
