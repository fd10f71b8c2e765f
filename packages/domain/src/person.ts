import { Schema } from 'effect';
import { MunicipalityNumber } from './municipality.ts';
import { Slug } from './slug.ts';

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
