import { Schema } from 'effect';
import { Status, statusLabel, Transition, transitionVerb } from './status.ts';

// The errors every content kind shares: versions, existence, the workflow. Only error classes
// live in an aggregate's errors.ts: the union of them all is DomainError (../errors.ts).

/**
 * Someone else saved the record after the editor loaded it (optimistic locking on `version`).
 * `current` may carry the stored version so the editor can see what changed.
 */
export class StaleVersion extends Schema.TaggedError<StaleVersion>()('StaleVersion', {
  recordType: Schema.optionalKey(Schema.String),
  recordId: Schema.optionalKey(Schema.String),
  expectedVersion: Schema.optionalKey(Schema.Number),
  currentVersion: Schema.optionalKey(Schema.Number),
  current: Schema.optionalKey(Schema.Unknown),
}) {
  override get message(): string {
    return 'Noen andre har endret dette mens du redigerte. Se endringene deres under, og lagre på nytt.';
  }
}

const NOT_FOUND: Readonly<Record<string, string>> = {
  organisation: 'Fant ikke organisasjonen.',
  municipality: 'Fant ikke kommunen.',
  region: 'Fant ikke regionen.',
  membership: 'Fant ikke medlemskapet.',
  user: 'Fant ikke brukeren.',
  token: 'Fant ikke API-nøkkelen.',
  project: 'Fant ikke prosjektet.',
  participation: 'Fant ikke deltakelsen.',
  person: 'Fant ikke personen.',
  theme: 'Fant ikke temaet.',
  resource: 'Fant ikke ressursen.',
  file: 'Fant ikke filen.',
};

/** The record does not exist, or is not visible to the actor; the message names its kind. */
export class NotFound extends Schema.TaggedError<NotFound>()('NotFound', {
  recordType: Schema.optionalKey(Schema.String),
  recordId: Schema.optionalKey(Schema.String),
}) {
  override get message(): string {
    return NOT_FOUND[this.recordType ?? ''] ?? 'Fant ikke det du lette etter.';
  }
}

/** The transition does not start from the item's current status. */
export class InvalidTransition extends Schema.TaggedError<InvalidTransition>()(
  'InvalidTransition',
  { from: Status, transition: Transition },
) {
  override get message(): string {
    return `Du kan ikke ${transitionVerb(this.transition)} noe som har publiseringsstatus «${statusLabel(this.from)}».`;
  }
}

/** A publication time comes with a transition other than publish. */
export class PublishAtWithoutPublish extends Schema.TaggedError<PublishAtWithoutPublish>()(
  'PublishAtWithoutPublish',
  {},
) {
  override get message(): string {
    return 'Et publiseringstidspunkt kan bare settes når du publiserer.';
  }
}

/** Not a date and time as a datetime-local field sends it (`YYYY-MM-DDTHH:mm`), or not a real day. */
export class OsloTimeInvalid extends Schema.TaggedError<OsloTimeInvalid>()('OsloTimeInvalid', {
  value: Schema.String,
}) {
  override get message(): string {
    return 'Skriv dato og klokkeslett, for eksempel 01.03.2026 kl. 08:00.';
  }
}

/** A wall-clock time Norway skips: the night summer time begins, 02:00 jumps to 03:00. */
export class OsloTimeSkipped extends Schema.TaggedError<OsloTimeSkipped>()('OsloTimeSkipped', {
  value: Schema.String,
}) {
  override get message(): string {
    const [date = '', time = ''] = this.value.split('T');
    const [year, month, day] = date.split('-').map(Number);
    return `Klokka ${time.replace(':', '.')} finnes ikke natt til ${day}.${String(month).padStart(2, '0')}.${year}: da stilles klokka fram fra 02.00 til 03.00 (sommertid). Velg et annet klokkeslett.`;
  }
}
