import { Schema } from 'effect';
import { Status, statusLabel, Transition } from './status.ts';

const VERBS: Readonly<Record<Transition, string>> = {
  submit: 'sende til godkjenning',
  publish: 'publisere',
  unpublish: 'avpublisere',
  archive: 'arkivere',
  restore: 'gjenopprette',
};

/** The transition does not start from the item's current status. */
export class InvalidTransition extends Schema.TaggedError<InvalidTransition>()(
  'InvalidTransition',
  { from: Status, transition: Transition },
) {
  override get message(): string {
    return `Du kan ikke ${VERBS[this.transition]} noe som har status «${statusLabel(this.from)}».`;
  }
}
