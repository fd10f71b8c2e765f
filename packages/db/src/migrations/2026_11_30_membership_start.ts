import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has run anywhere; add a new date-prefixed file instead.
// Forward-only (no `down`). Runs on PostgreSQL 15 and PGlite (PostgreSQL 18).
//
// What is known about the day a membership began: 'day' (from_date is that day), 'year' (only
// the year; from_date is 1 January) or 'unknown' (from_date is the earliest day it can have
// begun, used by the membership rules, never shown). The reference facts give no join dates, so
// the rows the seed wrote (those without a 'membership.add' audit row: every membership an editor
// adds has one) become 'unknown'. Also: the kommunenummer a municipality had before 2024, so an
// editor who types an old number is told the new one.

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('membership')
    .addColumn('from_precision', 'text', (c) => c.notNull().defaultTo('day'))
    .execute();
  await db.schema
    .alterTable('membership')
    .addCheckConstraint(
      'membership_from_precision',
      sql`from_precision in ('day', 'year', 'unknown')`,
    )
    .execute();
  await sql`
    update membership m set from_precision = 'unknown'
    where not exists (
      select 1 from audit_log a
      where a.record_type = 'membership' and a.record_id = m.id::text and a.action = 'membership.add'
    )`.execute(db);

  await db.schema.alterTable('municipality').addColumn('previous_number', 'char(4)').execute();
  await db.schema
    .createIndex('municipality_previous_number_idx')
    .on('municipality')
    .column('previous_number')
    .execute();
}
