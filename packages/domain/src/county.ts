import { Schema } from 'effect';

/** Fylkesnummer: two digits, e.g. '03' (Oslo) or '32' (Akershus). */
export const CountyNumber = Schema.String.check(
  Schema.makeFilter(
    (value: string) => /^\d{2}$/.test(value) || 'Fylkesnummeret må ha nøyaktig to sifre.',
  ),
);
export type CountyNumber = typeof CountyNumber.Type;

/** Fylke. */
export const County = Schema.Struct({
  number: CountyNumber,
  name: Schema.NonEmptyString,
});
export type County = typeof County.Type;
