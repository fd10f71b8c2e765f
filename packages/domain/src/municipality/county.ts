import { Schema } from 'effect';
import { Text } from '../content/values.ts';

/** Fylkesnummer: two digits, e.g. '03' (Oslo) or '32' (Akershus). */
export const CountyNumber = Text.check(
  Schema.makeFilter(
    (value: string) => /^\d{2}$/.test(value) || 'Må være et fylkesnummer med to sifre.',
  ),
);
export type CountyNumber = typeof CountyNumber.Type;

/** Fylke. */
export const County = Schema.Struct({
  number: CountyNumber,
  name: Schema.NonEmptyString,
});
export type County = typeof County.Type;
