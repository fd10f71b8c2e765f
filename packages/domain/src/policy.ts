import { Effect } from 'effect';
import { Forbidden, NotSignedIn } from './access-errors.ts';
import type { Action, Actor, Resource, Role } from './actor.ts';
import type { OrganisationRef } from './views.ts';

/** Everything an editor of an organisation may do there; also a write token's reach. */
export const EDITOR_ACTIONS: ReadonlySet<Action> = new Set<Action>([
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
]);

/** A contributor writes drafts and submits them; an editor publishes them. */
export const CONTRIBUTOR_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'content.read-drafts',
  'content.create',
  'content.edit-draft',
  'content.submit',
  'history.read',
]);

export const READ_TOKEN_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'content.read-drafts',
  'history.read',
]);

const isAdminRole = (role: Role): boolean => role.role === 'admin';

/** Whether the actor is a user with the admin role. */
export const isAdmin = (actor: Actor): boolean =>
  actor.kind === 'user' && actor.roles.some(isAdminRole);

const organisationOf = (resource: Resource): string | null =>
  'organisation' in resource ? resource.organisation : null;

/**
 * The whole access policy. Admin may do everything; editors, contributors and tokens only act
 * on their own organisation's resources and never on `{ system: true }`; anonymous may do
 * nothing here (public reads do not go through the policy).
 */
export const can = (actor: Actor, action: Action, resource: Resource): boolean => {
  if (actor.kind === 'anonymous') return false;
  if (isAdmin(actor)) return true;
  const organisation = organisationOf(resource);
  if (organisation === null) return false;
  if (actor.kind === 'token') {
    if (actor.organisation !== organisation) return false;
    return (actor.scope === 'write' ? EDITOR_ACTIONS : READ_TOKEN_ACTIONS).has(action);
  }
  return actor.roles.some(
    (role) =>
      role.role !== 'admin' &&
      role.organisation === organisation &&
      (role.role === 'editor' ? EDITOR_ACTIONS : CONTRIBUTOR_ACTIONS).has(action),
  );
};

/** `can` as an effect: NotSignedIn for anonymous, Forbidden for anyone else who may not. */
export const authorize = (
  actor: Actor,
  action: Action,
  resource: Resource,
): Effect.Effect<void, NotSignedIn | Forbidden> => {
  if (actor.kind === 'anonymous') return Effect.fail(new NotSignedIn({ action }));
  if (!can(actor, action, resource)) return Effect.fail(new Forbidden({ action }));
  return Effect.void;
};

/**
 * The slugs of the organisations the actor may edit something in (at least a draft), sorted and
 * without duplicates. An admin may edit everything, which this list cannot name: it holds only
 * the admin's own editor/contributor roles; use `editableOrganisations` or `isAdmin` for the rest.
 * A read token edits nothing, so it gets an empty list.
 */
export const organisationsOf = (actor: Actor): readonly string[] => {
  switch (actor.kind) {
    case 'anonymous':
      return [];
    case 'token':
      return actor.scope === 'write' ? [actor.organisation] : [];
    case 'user': {
      const slugs = new Set<string>();
      for (const role of actor.roles) if (role.role !== 'admin') slugs.add(role.organisation);
      return [...slugs].sort();
    }
  }
};

/** The organisations of `all` the actor may edit something in: all of them for an admin. */
export const editableOrganisations = <O extends OrganisationRef>(
  actor: Actor,
  all: readonly O[],
): readonly O[] => {
  if (isAdmin(actor)) return all;
  const slugs = new Set(organisationsOf(actor));
  return all.filter((organisation) => slugs.has(organisation.slug));
};
