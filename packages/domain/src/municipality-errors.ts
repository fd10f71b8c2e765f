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
