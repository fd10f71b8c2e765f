import { type RawBuilder, sql } from 'kysely';

/**
 * `value` (a date, a moment or a text passed as a parameter) as a scalar subquery. PostgreSQL evaluates
 * it once per execution but plans without looking at it, so a prepared list's custom plans cost
 * what its generic plan costs and PostgreSQL keeps the generic plan after five calls instead of
 * planning every call (docs/decisions/0042). Semantics are those of the value itself.
 */
export const planIndependent = (
  value: string | Date,
  type: 'date' | 'timestamptz' | 'text',
): RawBuilder<unknown> => sql`(select cast(${value} as ${sql.raw(type)}))`;
