import { Schema } from 'effect';

// Only error classes live here: the union of every aggregate's errors is DomainError (../errors.ts).

/** An event that ends before it starts (or, all day, on a day before its first). */
export class EventEndsBeforeStart extends Schema.TaggedError<EventEndsBeforeStart>()(
  'EventEndsBeforeStart',
  { allDay: Schema.Boolean },
) {
  override get message(): string {
    return this.allDay
      ? 'Siste dag kan ikke være før første dag.'
      : 'Arrangementet kan ikke slutte før det begynner.';
  }
}

/** An event with neither a place to meet nor a link to join online. */
export class EventWithoutPlace extends Schema.TaggedError<EventWithoutPlace>()(
  'EventWithoutPlace',
  {},
) {
  override get message(): string {
    return 'Skriv en adresse, en lenke til det digitale møtet, eller begge.';
  }
}

/** A registration deadline without a registration link, or after the event has started. */
export class RegistrationDeadlineInvalid extends Schema.TaggedError<RegistrationDeadlineInvalid>()(
  'RegistrationDeadlineInvalid',
  { problem: Schema.Literals(['without-link', 'after-start']) },
) {
  override get message(): string {
    return this.problem === 'without-link'
      ? 'En påmeldingsfrist trenger en lenke til påmeldingen.'
      : 'Påmeldingsfristen må være før arrangementet begynner.';
  }
}

/** A cancelled event says why; a moved one says where to (a note for the public). */
export class EventStatusReasonMissing extends Schema.TaggedError<EventStatusReasonMissing>()(
  'EventStatusReasonMissing',
  { status: Schema.Literals(['cancelled', 'moved']) },
) {
  override get message(): string {
    return this.status === 'cancelled'
      ? 'Skriv hvorfor arrangementet er avlyst.'
      : 'Skriv hva som er endret: ny tid, nytt sted eller begge.';
  }
}
