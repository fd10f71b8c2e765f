import type { OrganisationRef, RegionRef } from '@klimakommuner/domain';
import { sql } from 'kysely';

/**
 * An OrganisationRef built in SQL from the organisation joined as `o`; null where a left join
 * found none.
 */
export const organisationRefJson = (o: string) =>
  sql<OrganisationRef | null>`case when ${sql.ref(`${o}.slug`)} is null then null
    else json_build_object('slug', ${sql.ref(`${o}.slug`)}, 'name', ${sql.ref(`${o}.name`)},
      'shortName', ${sql.ref(`${o}.short_name`)}, 'kind', ${sql.ref(`${o}.kind`)}) end`;

/** A RegionRef built in SQL from the region joined as `r`; null where a left join found none. */
export const regionRefJson = (r: string) =>
  sql<RegionRef | null>`case when ${sql.ref(`${r}.slug`)} is null then null
    else json_build_object('slug', ${sql.ref(`${r}.slug`)}, 'name', ${sql.ref(`${r}.name`)}) end`;
