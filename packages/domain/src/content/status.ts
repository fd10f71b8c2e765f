import { Schema } from 'effect';

/** The publishing workflow every content kind shares. */
export const STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export const Status = Schema.Literals(STATUSES).annotate({
  message: 'Må være en publiseringsstatus: draft, in_review, published eller archived.',
});
export type Status = typeof Status.Type;

export const TRANSITIONS = ['submit', 'publish', 'unpublish', 'archive', 'restore'] as const;
export const Transition = Schema.Literals(TRANSITIONS).annotate({
  message: 'Må være en overgang: submit, publish, unpublish, archive eller restore.',
});
export type Transition = typeof Transition.Type;

const STATUS_LABELS: Readonly<Record<Status, string>> = {
  draft: 'Utkast',
  in_review: 'Til godkjenning',
  published: 'Publisert',
  archived: 'Arkivert',
};

/** 'Utkast' | 'Til godkjenning' | 'Publisert' | 'Arkivert'. */
export const statusLabel = (status: Status): string => STATUS_LABELS[status];

/** Each transition's button label, and the verb a sentence about doing it uses. */
const TRANSITION_WORDS: Readonly<Record<Transition, readonly [label: string, verb: string]>> = {
  submit: ['Send til godkjenning', 'sende til godkjenning'],
  publish: ['Publiser', 'publisere'],
  unpublish: ['Avpubliser', 'avpublisere'],
  archive: ['Arkiver', 'arkivere'],
  restore: ['Gjenopprett', 'gjenopprette'],
};

/** The Norwegian button label for a transition, e.g. 'Publiser'. */
export const transitionLabel = (t: Transition): string => TRANSITION_WORDS[t][0];

/** The transition as a verb in a sentence: «Du kan ikke publisere …». */
export const transitionVerb = (t: Transition): string => TRANSITION_WORDS[t][1];
