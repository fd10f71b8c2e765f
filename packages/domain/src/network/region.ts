import { Schema } from 'effect';
import { Slug } from '../content/slug.ts';
import { MunicipalityNumber } from '../municipality/municipality.ts';

/** A group of municipalities that joins an organisation together (e.g. Hallingdalsregionen). */
export interface RegionRecord {
  readonly slug: string;
  readonly name: string;
  /** Kommunenummer of the member municipalities. */
  readonly municipalities: readonly string[];
}

export const Region = Schema.Struct({
  slug: Slug,
  name: Schema.NonEmptyString,
  municipalities: Schema.Array(MunicipalityNumber).check(
    Schema.isUnique({ message: 'En kommune kan bare stå én gang i en region.' }),
  ),
});
export type Region = typeof Region.Type;
