import { Schema } from 'effect';
import { formatDateNb } from './dates.ts';
import { ParticipationStatus, participationStatusLabel } from './participation-status.ts';

/** A status change dated before the participation's latest change. */
export class ParticipationDateBeforeLast extends Schema.TaggedError<ParticipationDateBeforeLast>()(
  'ParticipationDateBeforeLast',
  { since: Schema.String, latest: Schema.String },
) {
  override get message(): string {
    return `Endringen kan ikke gjelde fra ${formatDateNb(this.since)}, fordi deltakelsen sist ble endret ${formatDateNb(this.latest)}. Velg ${formatDateNb(this.latest)} eller en senere dato.`;
  }
}

/** The participation already has the status it is being changed to. */
export class ParticipationUnchanged extends Schema.TaggedError<ParticipationUnchanged>()(
  'ParticipationUnchanged',
  { status: ParticipationStatus },
) {
  override get message(): string {
    return `Deltakelsen har allerede status «${participationStatusLabel(this.status)}».`;
  }
}

/** Only a withdrawn participation can be joined again. */
export class ParticipationAlreadyActive extends Schema.TaggedError<ParticipationAlreadyActive>()(
  'ParticipationAlreadyActive',
  { status: ParticipationStatus },
) {
  override get message(): string {
    return 'Kommunen deltar allerede i prosjektet.';
  }
}
