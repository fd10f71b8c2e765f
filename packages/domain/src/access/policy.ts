import { Result } from 'effect';
import type { Status, Transition } from '../content/status.ts';
import { ACTIONS, type Action, type Actor, type Resource, type Role } from './actor.ts';
import { Forbidden, NotSignedIn } from './errors.ts';

/** What only an admin does: the system's users, themes, logos, tokens and whole audit trail. */
const SYSTEM_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'user.manage',
  'theme.manage',
  'logo.manage',
  'token.manage',
  'audit.read-all',
]);

/** Everything an editor of an organisation may do there (all but the system's); a write token's reach. */
export const EDITOR_ACTIONS: ReadonlySet<Action> = new Set(
  ACTIONS.filter((action) => !SYSTEM_ACTIONS.has(action)),
);

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

/** `can` as a result: NotSignedIn for anonymous, Forbidden for anyone else who may not. */
export const authorize = (
  actor: Actor,
  action: Action,
  resource: Resource,
): Result.Result<void, NotSignedIn | Forbidden> => {
  if (actor.kind === 'anonymous') return Result.fail(new NotSignedIn({ action }));
  if (!can(actor, action, resource)) return Result.fail(new Forbidden({ action }));
  return Result.succeed(undefined);
};

const TRANSITION_ACTIONS: Readonly<Record<Transition, Action>> = {
  submit: 'content.submit',
  publish: 'content.publish',
  unpublish: 'content.unpublish',
  archive: 'content.archive',
  // Restoring brings the item back as a draft, which anyone who may archive may do.
  restore: 'content.archive',
};

/** The action the policy checks for a transition: submit → content.submit, and so on. */
export const actionFor = (t: Transition): Action => TRANSITION_ACTIONS[t];

/** Editing a draft or an item in review needs content.edit-draft; anything else, edit-published. */
export const editAction = (status: Status): Action =>
  status === 'draft' || status === 'in_review' ? 'content.edit-draft' : 'content.edit-published';

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
export const editableOrganisations = <O extends { readonly slug: string }>(
  actor: Actor,
  all: readonly O[],
): readonly O[] => {
  if (isAdmin(actor)) return all;
  const slugs = new Set(organisationsOf(actor));
  return all.filter((organisation) => slugs.has(organisation.slug));
};

/**
 * The rows of a record's history the actor may read: each is checked (history.read) against the
 * organisation it is filed under, so a record whose rows concern several organisations (the
 * refusals of one procedure, a person who moved) shows each reader only their own part.
 */
export const readableHistory = <R extends { readonly organisation: string | null }>(
  actor: Actor,
  rows: readonly R[],
): R[] =>
  rows.filter((row) =>
    can(
      actor,
      'history.read',
      row.organisation === null ? { system: true } : { organisation: row.organisation },
    ),
  );

/** The organisations whose waiting work the actor's dashboard shows: every one for an admin. */
export const dashboardOrganisations = (actor: Actor): readonly string[] | 'all' =>
  isAdmin(actor) ? 'all' : organisationsOf(actor);
