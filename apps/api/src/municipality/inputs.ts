import { CountyNumber, Cursor, maxText, Slug } from '@klimakommuner/domain';
import { Schema } from 'effect';
import { PageLimit, standard } from '../content/inputs.ts';

export const MunicipalityFilter = Schema.Struct({
  organisation: Schema.optionalKey(Slug),
  county: Schema.optionalKey(CountyNumber),
  q: Schema.optionalKey(maxText(100)),
  membersOnly: Schema.optionalKey(Schema.Boolean),
  limit: PageLimit,
  cursor: Schema.optionalKey(Cursor),
});

/** The whole input may be left out: `municipalities.list()` lists the first page of all. */
export const ListMunicipalities = standard(Schema.UndefinedOr(MunicipalityFilter));
