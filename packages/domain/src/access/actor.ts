import { Schema } from 'effect';
import { Slug } from '../content/slug.ts';

export const RoleName = Schema.Literals(['admin', 'editor', 'contributor']);
export type RoleName = typeof RoleName.Type;

/** Admin holds for the whole system; editor and contributor hold for one organisation (slug). */
export const Role = Schema.Union([
  Schema.Struct({ role: Schema.Literal('admin') }),
  Schema.Struct({ role: Schema.Literals(['editor', 'contributor']), organisation: Slug }),
]);
export type Role = typeof Role.Type;

export const TokenScope = Schema.Literals(['read', 'write']);
export type TokenScope = typeof TokenScope.Type;

/** Who is asking: nobody, a signed-in user with their roles, or an API token of one organisation. */
export const Actor = Schema.Union([
  Schema.Struct({ kind: Schema.Literal('anonymous') }),
  Schema.Struct({
    kind: Schema.Literal('user'),
    userId: Schema.String,
    roles: Schema.Array(Role),
  }),
  Schema.Struct({
    kind: Schema.Literal('token'),
    tokenId: Schema.String,
    organisation: Slug,
    scope: TokenScope,
  }),
]);
export type Actor = typeof Actor.Type;

export const ACTIONS = [
  'content.read-drafts',
  'content.create',
  'content.edit-draft',
  'content.edit-published',
  'content.submit',
  'content.publish',
  'content.unpublish',
  'content.archive',
  'organisation.update-profile',
  'membership.manage',
  'history.read',
  'participation.manage',
  'person.manage',
  'user.manage',
  'theme.manage',
  'logo.manage',
  'token.manage',
  'audit.read-all',
] as const;

export const Action = Schema.Literals(ACTIONS);
export type Action = typeof Action.Type;

/** What an action is about: something owned by one organisation (slug), or the system itself. */
export type Resource = { readonly organisation: string } | { readonly system: true };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

const ROLE_LABELS: Readonly<Record<RoleName, string>> = {
  admin: 'Administrator',
  editor: 'Redaktør',
  contributor: 'Bidragsyter',
};

/** The Norwegian label shown for a role. */
export const roleLabel = (role: RoleName): string => ROLE_LABELS[role];
