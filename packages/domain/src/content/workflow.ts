import { Result } from 'effect';
import { InvalidTransition, PublishAtWithoutPublish } from './errors.ts';
import type { Status, Transition } from './status.ts';

const FROM: Readonly<
  Record<Transition, { readonly from: readonly Status[]; readonly to: Status }>
> = {
  submit: { from: ['draft'], to: 'in_review' },
  publish: { from: ['draft', 'in_review'], to: 'published' },
  unpublish: { from: ['published'], to: 'draft' },
  archive: { from: ['draft', 'in_review', 'published'], to: 'archived' },
  // Restoring brings the item back as a draft.
  restore: { from: ['archived'], to: 'draft' },
};

/** The status after `t`, or InvalidTransition when `t` does not start from the current status. */
export const transition = (
  current: { readonly status: Status },
  t: Transition,
): Result.Result<Status, InvalidTransition> => {
  const rule = FROM[t];
  return rule.from.includes(current.status)
    ? Result.succeed(rule.to)
    : Result.fail(new InvalidTransition({ from: current.status, transition: t }));
};

/** The transitions that start from `status`, in the order the admin shows them. */
export const availableTransitions = (status: Status): readonly Transition[] =>
  (Object.keys(FROM) as Transition[]).filter((t) => FROM[t].from.includes(status));

/**
 * When a transition makes the item public. Publish takes the time given (null or absent: at
 * once); any other transition leaves `publishAt` as it is (undefined), and a time given with it
 * is PublishAtWithoutPublish: only publishing sets one.
 */
export const publishAtOf = (
  t: Transition,
  publishAt: string | Date | null | undefined,
): Result.Result<Date | null | undefined, PublishAtWithoutPublish> => {
  if (t === 'publish') return Result.succeed(publishAt ? new Date(publishAt) : null);
  return publishAt ? Result.fail(new PublishAtWithoutPublish()) : Result.succeed(undefined);
};

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
