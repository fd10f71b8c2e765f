import { Result } from 'effect';
import { ContactNotCandidate, LeaderNotOfOwner } from './errors.ts';

/**
 * Who may be attached to a project, one rule wherever a person is attached: a project leader
 * belongs to the project's owner organisation; a participation's contact belongs to the owner
 * or to the participating municipality. The db loads the person's affiliation and calls these.
 */

/** Where a person works. `organisation` is compared as given (an id or a slug, as the owner). */
export interface Affiliation {
  readonly id: string;
  readonly organisation: string | null;
  readonly municipality: string | null;
}

/** Every leader belongs to `owner`; the first who does not is the error. */
export const checkLeaders = (
  leaders: readonly Affiliation[],
  owner: string,
): Result.Result<void, LeaderNotOfOwner> => {
  const outsider = leaders.find((leader) => leader.organisation !== owner);
  return outsider === undefined
    ? Result.succeed(undefined)
    : Result.fail(new LeaderNotOfOwner({ person: outsider.id }));
};

/** The contact belongs to the project's `owner` or to the participating `municipality`. */
export const checkContact = (
  contact: Affiliation,
  participation: { readonly owner: string; readonly municipality: string },
): Result.Result<void, ContactNotCandidate> =>
  contact.organisation === participation.owner ||
  contact.municipality === participation.municipality
    ? Result.succeed(undefined)
    : Result.fail(new ContactNotCandidate({ person: contact.id }));
