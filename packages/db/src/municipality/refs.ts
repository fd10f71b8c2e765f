import type { MunicipalityRef } from '@klimakommuner/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/** Municipality refs with their county, for a set of numbers (or all when omitted). */
export const loadMunicipalityRefs = async (
  db: Kysely<Database>,
  numbers?: readonly string[],
): Promise<Map<string, MunicipalityRef>> => {
  if (numbers?.length === 0) return new Map();
  let query = db
    .selectFrom('municipality as m')
    .innerJoin('county as c', 'c.number', 'm.county_number')
    .select(['m.number', 'm.name', 'm.slug', 'c.number as county_number', 'c.name as county_name']);
  if (numbers) query = query.where('m.number', 'in', numbers);
  const rows = await query.execute();
  return new Map(
    rows.map((m) => [
      m.number,
      {
        number: m.number,
        name: m.name,
        slug: m.slug,
        county: { number: m.county_number, name: m.county_name },
      },
    ]),
  );
};

/**
 * A MunicipalityRef built in SQL from the municipality joined as `m` and its county as `c`; null
 * where a left join found none.
 */
export const municipalityRefJson = (m: string, c: string) =>
  sql<MunicipalityRef | null>`case when ${sql.ref(`${m}.number`)} is null then null
    else json_build_object('number', ${sql.ref(`${m}.number`)}, 'name', ${sql.ref(`${m}.name`)},
      'slug', ${sql.ref(`${m}.slug`)}, 'county',
      json_build_object('number', ${sql.ref(`${c}.number`)}, 'name', ${sql.ref(`${c}.name`)})) end`;
