import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has run anywhere; add a new date-prefixed file instead.
// Forward-only (no `down`): a schema change is undone by a new migration.
// Runs on PostgreSQL 15 and PGlite (PostgreSQL 18): gen_random_uuid() is core since 13.

const timestamps = { default: sql`now()` };

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('county')
    .addColumn('number', 'char(2)', (c) => c.primaryKey().check(sql`number ~ '^[0-9]{2}$'`))
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('municipality')
    .addColumn('number', 'char(4)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('county_number', 'char(2)', (c) => c.notNull().references('county.number'))
    .addColumn('population', 'integer', (c) => c.check(sql`population >= 0`))
    .addColumn('population_year', 'integer')
    .addCheckConstraint('municipality_number_format', sql`number ~ '^[0-9]{4}$'`)
    // Kommunenummer: the first two digits are the county's number.
    .addCheckConstraint('municipality_number_in_county', sql`left(number, 2) = county_number`)
    .addCheckConstraint(
      'municipality_population_year',
      sql`(population is null) = (population_year is null)`,
    )
    .execute();
  await db.schema
    .createIndex('municipality_county_idx')
    .on('municipality')
    .column('county_number')
    .execute();

  await db.schema
    .createTable('organisation')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('network', 'county-authority')`),
    )
    .addColumn('established', 'integer')
    .addColumn('county_number', 'char(2)', (c) => c.references('county.number'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(timestamps.default))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(timestamps.default))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('region')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('region_municipality')
    .addColumn('region_id', 'uuid', (c) => c.notNull().references('region.id').onDelete('cascade'))
    .addColumn('municipality_number', 'char(4)', (c) =>
      c.notNull().references('municipality.number'),
    )
    .addPrimaryKeyConstraint('region_municipality_pk', ['region_id', 'municipality_number'])
    .execute();

  // Overlapping periods of the same member in one organisation are rejected by the domain's
  // checkMembership inside the writing transaction: an exclusion constraint would need
  // btree_gist, which PGlite only has as a separate extension package.
  await db.schema
    .createTable('membership')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('organisation_id', 'uuid', (c) =>
      c.notNull().references('organisation.id').onDelete('cascade'),
    )
    .addColumn('municipality_number', 'char(4)', (c) => c.references('municipality.number'))
    .addColumn('region_id', 'uuid', (c) => c.references('region.id'))
    .addColumn('from_date', 'date', (c) => c.notNull())
    .addColumn('to_date', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(timestamps.default))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(timestamps.default))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint(
      'membership_one_member',
      sql`(municipality_number is null) <> (region_id is null)`,
    )
    .addCheckConstraint('membership_period', sql`to_date is null or to_date >= from_date`)
    .execute();
  await db.schema
    .createIndex('membership_organisation_idx')
    .on('membership')
    .column('organisation_id')
    .execute();
  await db.schema
    .createIndex('membership_municipality_idx')
    .on('membership')
    .column('municipality_number')
    .execute();
  await db.schema
    .createIndex('membership_region_idx')
    .on('membership')
    .column('region_id')
    .execute();
}
