import { Schema } from 'effect';

/** The publishing workflow every content kind shares. */
export const STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export const Status = Schema.Literals(STATUSES);
export type Status = typeof Status.Type;

export const TRANSITIONS = ['submit', 'publish', 'unpublish', 'archive', 'restore'] as const;
export const Transition = Schema.Literals(TRANSITIONS);
export type Transition = typeof Transition.Type;

const STATUS_LABELS: Readonly<Record<Status, string>> = {
  draft: 'Utkast',
  in_review: 'Til godkjenning',
  published: 'Publisert',
  archived: 'Arkivert',
};

/** 'Utkast' | 'Til godkjenning' | 'Publisert' | 'Arkivert'. */
export const statusLabel = (status: Status): string => STATUS_LABELS[status];

const TRANSITION_LABELS: Readonly<Record<Transition, string>> = {
  submit: 'Send til godkjenning',
  publish: 'Publiser',
  unpublish: 'Avpubliser',
  archive: 'Arkiver',
  restore: 'Gjenopprett',
};

/** The Norwegian button label for a transition, e.g. 'Publiser'. */
export const transitionLabel = (t: Transition): string => TRANSITION_LABELS[t];
