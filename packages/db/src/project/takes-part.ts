import type { IsoDate } from '@klimakommuner/domain';
import { type RawBuilder, sql } from 'kysely';

/**
 * The domain's takesPartOn(participation, today), in SQL, for the participation row named
 * `alias`: the latest history event on or before `today` (by since, then by the order it was
 * recorded) is not withdrawn; a participation without any event falls back to its own status
 * and since, as the domain does. Every count and filter of participants goes through this, and
 * test/suites/takes-part.ts checks it against the domain's function on generated histories.
 * `today` may also be given as SQL (planIndependent).
 */
export const takesPartSql = (
  today: IsoDate | RawBuilder<unknown>,
  alias = 'participation',
): RawBuilder<boolean> => {
  const id = sql.ref(`${alias}.id`);
  const since = sql.ref(`${alias}.since`);
  const status = sql.ref(`${alias}.status`);
  const day = typeof today === 'string' ? sql`cast(${today} as date)` : today;
  return sql<boolean>`coalesce(
    (select e.status <> 'withdrawn' from participation_event e
      where e.participation_id = ${id} and e.since <= ${day}
      order by e.since desc, e.id desc limit 1),
    (not exists (select 1 from participation_event e where e.participation_id = ${id})
      and ${since} <= ${day} and ${status} <> 'withdrawn')
  )`;
};
