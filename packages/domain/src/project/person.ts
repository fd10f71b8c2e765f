import { Schema } from 'effect';
import { Slug } from '../content/slug.ts';
import { Email, emptyOr, MAX_EMAIL_INPUT_LENGTH, Text } from '../content/values.ts';
import { MunicipalityNumber } from '../municipality/municipality.ts';

/**
 * A contact person: a project leader or a municipality's contact. Email and phone are only
 * shown publicly with the person's consent (publicContact).
 */
export const Person = Schema.Struct({
  id: Schema.NonEmptyString,
  name: Schema.NonEmptyString,
  /** The role title, e.g. 'Prosjektleder'. */
  title: Schema.String,
  /** The slug of the organisation the person works for, if any. */
  organisation: Schema.NullOr(Slug),
  /** The kommunenummer of the municipality the person works for, if any. */
  municipality: Schema.NullOr(MunicipalityNumber),
  email: Schema.NullOr(Schema.String),
  phone: Schema.NullOr(Schema.String),
  /** Whether the person agreed to show email and phone publicly. */
  consent: Schema.Boolean,
});
export type Person = typeof Person.Type;

export interface PublicContact {
  readonly email: string | null;
  readonly phone: string | null;
}

/** The email and phone the public may see: both null unless the person consented. */
export const publicContact = (
  person: Pick<Person, 'email' | 'phone' | 'consent'>,
): PublicContact =>
  person.consent ? { email: person.email, phone: person.phone } : { email: null, phone: null };

/** A person's email as typed: empty for none, else a valid address (stored normalised). */
export const PersonEmail = emptyOr(
  Schema.is(Email),
  'E-postadressen må være gyldig, som navn@kommune.no.',
  MAX_EMAIL_INPUT_LENGTH,
);

/** A person's phone as typed: empty for none, else digits and spaces, a leading +, 8–15 digits. */
export const Phone = Text.check(
  Schema.makeFilter((value: string) => {
    const trimmed = value.trim();
    if (trimmed === '') return true;
    const digits = trimmed.replace(/[\s-]/g, '');
    return (
      (/^\+?[0-9 -]+$/.test(trimmed) && /^\+?[0-9]{8,15}$/.test(digits)) ||
      'Telefonnummeret må ha 8 til 15 sifre, som 900 00 000 eller +47 900 00 000.'
    );
  }),
);
