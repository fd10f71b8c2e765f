import { Effect } from 'effect';
import type { Action } from './actor.ts';
import type { Status, Transition } from './status.ts';
import { InvalidTransition } from './workflow-errors.ts';

interface Rule {
  readonly from: readonly Status[];
  readonly to: Status;
  readonly action: Action;
}

const RULES: Readonly<Record<Transition, Rule>> = {
  submit: { from: ['draft'], to: 'in_review', action: 'content.submit' },
  publish: { from: ['draft', 'in_review'], to: 'published', action: 'content.publish' },
  unpublish: { from: ['published'], to: 'draft', action: 'content.unpublish' },
  archive: { from: ['draft', 'in_review', 'published'], to: 'archived', action: 'content.archive' },
  // Restoring brings the item back as a draft, which anyone who may archive may do.
  restore: { from: ['archived'], to: 'draft', action: 'content.archive' },
};

/** The status after `t`, or InvalidTransition when `t` does not start from the current status. */
export const transition = (
  current: { readonly status: Status },
  t: Transition,
): Effect.Effect<Status, InvalidTransition> => {
  const rule = RULES[t];
  return rule.from.includes(current.status)
    ? Effect.succeed(rule.to)
    : Effect.fail(new InvalidTransition({ from: current.status, transition: t }));
};

/** The transitions that start from `status`, in the order the admin shows them. */
export const availableTransitions = (status: Status): readonly Transition[] =>
  (Object.keys(RULES) as Transition[]).filter((t) => RULES[t].from.includes(status));

/** The action the policy checks for a transition: submit → content.submit, and so on. */
export const actionFor = (t: Transition): Action => RULES[t].action;

/**
 * Whether the public may see the item at `now`: published, and either unscheduled or scheduled
 * for `now` or earlier, so scheduled content goes public without a job. An unparseable
 * `publishAt` keeps the item hidden.
 */
export const isPublic = (
  item: { readonly status: Status; readonly publishAt: string | null },
  now: Date,
): boolean =>
  item.status === 'published' &&
  (item.publishAt === null || Date.parse(item.publishAt) <= now.getTime());

/** Editing a draft or an item in review needs content.edit-draft; anything else, edit-published. */
export const editAction = (status: Status): Action =>
  status === 'draft' || status === 'in_review' ? 'content.edit-draft' : 'content.edit-published';
