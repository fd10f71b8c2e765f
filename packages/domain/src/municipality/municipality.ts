import { Result, Schema } from 'effect';
import { Slug } from '../content/slug.ts';
import { Text } from '../content/values.ts';
import { CountyNumber } from './county.ts';
import { InvalidMunicipalityNumber, MunicipalityCountyMismatch } from './errors.ts';

const FOUR_DIGITS = /^\d{4}$/;

/** Kommunenummer: four digits, the first two being the county's number (e.g. 3301 Drammen in 33 Buskerud). */
export const MunicipalityNumber = Text.check(
  Schema.makeFilter(
    (value: string) => FOUR_DIGITS.test(value) || 'Må være et kommunenummer med fire sifre.',
  ),
);
export type MunicipalityNumber = typeof MunicipalityNumber.Type;

const Year = Schema.Int.check(Schema.isBetween({ minimum: 1000, maximum: 9999 }));

/** Kommune. Population and its year travel together: a count means little without its year. */
export const Municipality = Schema.Struct({
  number: MunicipalityNumber,
  name: Schema.NonEmptyString,
  slug: Slug,
  countyNumber: CountyNumber,
  population: Schema.NullOr(Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))),
  populationYear: Schema.NullOr(Year),
}).check(
  Schema.makeFilter((m) =>
    m.number.startsWith(m.countyNumber)
      ? undefined
      : {
          path: ['number'],
          issue: new MunicipalityCountyMismatch({ number: m.number, countyNumber: m.countyNumber })
            .message,
        },
  ),
  Schema.makeFilter((m) =>
    (m.population === null) === (m.populationYear === null)
      ? undefined
      : { path: ['populationYear'], issue: 'Folketall og år for folketall må oppgis sammen.' },
  ),
);
export type Municipality = typeof Municipality.Type;

/** Accepts `number` when it is four digits that start with `countyNumber`. */
export const checkMunicipalityNumber = (
  number: string,
  countyNumber: string,
): Result.Result<string, InvalidMunicipalityNumber | MunicipalityCountyMismatch> => {
  if (!FOUR_DIGITS.test(number)) return Result.fail(new InvalidMunicipalityNumber({ number }));
  if (number.slice(0, 2) !== countyNumber) {
    return Result.fail(new MunicipalityCountyMismatch({ number, countyNumber }));
  }
  return Result.succeed(number);
};

const populationFormat = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });

/**
 * 98815 → '98 815' with a non-breaking space, so a number never wraps across lines.
 * Some ICU versions group with a narrow no-break space; it is normalised for stable output.
 */
export const formatPopulation = (n: number): string =>
  populationFormat.format(n).replace(/[\s\u202f]/g, '\u00a0');
