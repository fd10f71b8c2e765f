import { Schema } from 'effect';

/** The kommunenummer is not four digits. */
export class InvalidMunicipalityNumber extends Schema.TaggedError<InvalidMunicipalityNumber>()(
  'InvalidMunicipalityNumber',
  { number: Schema.String },
) {
  // The message is derived from the fields so every instance speaks Norwegian the same way.
  override get message(): string {
    return 'Kommunenummeret må ha nøyaktig fire sifre.';
  }
}

/** The kommunenummer's first two digits are not its county's number. */
export class MunicipalityCountyMismatch extends Schema.TaggedError<MunicipalityCountyMismatch>()(
  'MunicipalityCountyMismatch',
  { number: Schema.String, countyNumber: Schema.String },
) {
  override get message(): string {
    return `Kommunenummer ${this.number} hører ikke til fylke ${this.countyNumber} (de to første sifrene må være fylkesnummeret).`;
  }
}

/**
 * No municipality has this kommunenummer today: a typo, or a number from before a reform
 * (numbers changed on 1 January 2020 and 1 January 2024). When we know which municipality had it
 * before 2024, `renumberedTo` names it, so the editor learns today's number.
 */
export class UnknownMunicipalityNumber extends Schema.TaggedError<UnknownMunicipalityNumber>()(
  'UnknownMunicipalityNumber',
  {
    number: Schema.String,
    renumberedTo: Schema.NullOr(Schema.Struct({ number: Schema.String, name: Schema.String })),
  },
) {
  override get message(): string {
    if (this.renumberedTo !== null) {
      const { name, number } = this.renumberedTo;
      return `${this.number} var kommunenummeret til ${name} før 2024. ${name} har nå kommunenummer ${number}.`;
    }
    return `Ingen kommune har kommunenummer ${this.number} i dag. Numrene ble endret i 2020 og 2024, så et eldre nummer finnes ikke lenger. Skriv navnet på kommunen og velg den fra listen.`;
  }
}
