import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';
import {
  counties,
  municipalities,
  organisations,
  people,
  projects,
  regions,
  seedProjectLeader,
  themes,
} from './seed-data.ts';

const changedRows = (
  results: readonly { numInsertedOrUpdatedRows?: bigint | undefined }[],
): number => results.reduce((sum, r) => sum + Number(r.numInsertedOrUpdatedRows ?? 0n), 0);

/**
 * Loads the reference facts. Idempotent: rows are upserted only where a value differs, so a
 * second run writes nothing and reports `changed: false`. A fixed number of statements.
 */
export const seed = (db: Kysely<Database>): Promise<{ changed: boolean }> =>
  db.transaction().execute(async (trx) => {
    let changed = 0;
    changed += changedRows(
      await trx
        .insertInto('county')
        .values(counties)
        .onConflict((oc) =>
          oc
            .column('number')
            .doUpdateSet({ name: (eb) => eb.ref('excluded.name') })
            .where(sql<boolean>`county.name is distinct from excluded.name`),
        )
        .execute(),
    );
    changed += changedRows(
      await trx
        .insertInto('municipality')
        .values(municipalities)
        .onConflict((oc) =>
          oc
            .column('number')
            .doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'),
              slug: eb.ref('excluded.slug'),
              county_number: eb.ref('excluded.county_number'),
              population: eb.ref('excluded.population'),
              population_year: eb.ref('excluded.population_year'),
              previous_number: eb.ref('excluded.previous_number'),
            }))
            .where(
              sql<boolean>`(municipality.name, municipality.slug, municipality.county_number, municipality.population, municipality.population_year, municipality.previous_number)
                is distinct from (excluded.name, excluded.slug, excluded.county_number, excluded.population, excluded.population_year, excluded.previous_number)`,
            ),
        )
        .execute(),
    );
    changed += changedRows(
      await trx
        .insertInto('organisation')
        .values(organisations.map(({ members: _m, memberFrom: _f, ...row }) => row))
        .onConflict((oc) =>
          oc
            .column('slug')
            .doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'),
              short_name: eb.ref('excluded.short_name'),
              kind: eb.ref('excluded.kind'),
              established: eb.ref('excluded.established'),
              county_number: eb.ref('excluded.county_number'),
              updated_at: sql`now()`,
              version: sql`organisation.version + 1`,
            }))
            .where(
              sql<boolean>`(organisation.name, organisation.short_name, organisation.kind, organisation.established, organisation.county_number)
                is distinct from (excluded.name, excluded.short_name, excluded.kind, excluded.established, excluded.county_number)`,
            ),
        )
        .execute(),
    );
    changed += changedRows(
      await trx
        .insertInto('region')
        .values(regions.map(({ slug, name }) => ({ slug, name })))
        .onConflict((oc) =>
          oc
            .column('slug')
            .doUpdateSet({ name: (eb) => eb.ref('excluded.name') })
            .where(sql<boolean>`region.name is distinct from excluded.name`),
        )
        .execute(),
    );

    const regionIds = new Map(
      (await trx.selectFrom('region').select(['id', 'slug']).execute()).map((r) => [r.slug, r.id]),
    );
    const orgIds = new Map(
      (await trx.selectFrom('organisation').select(['id', 'slug']).execute()).map((o) => [
        o.slug,
        o.id,
      ]),
    );
    const regionId = (slug: string) => must(regionIds.get(slug), `region ${slug}`);

    const links = regions.flatMap((r) =>
      r.municipalities.map((n) => ({ region_id: regionId(r.slug), municipality_number: n })),
    );
    if (links.length > 0) {
      changed += changedRows(
        await trx
          .insertInto('region_municipality')
          .values(links)
          .onConflict((oc) => oc.doNothing())
          .execute(),
      );
    }

    // Memberships have no natural key: insert those whose (organisation, member, from) is missing.
    const existing = new Set(
      (
        await trx
          .selectFrom('membership')
          .select(['organisation_id', 'municipality_number', 'region_id', 'from_date'])
          .execute()
      ).map((m) => key(m.organisation_id, m.municipality_number ?? m.region_id ?? '', m.from_date)),
    );
    const missing = organisations.flatMap((o) => {
      if (o.memberFrom === null) return [];
      const from_date = o.memberFrom;
      const organisation_id = must(orgIds.get(o.slug), `organisation ${o.slug}`);
      const rows = [
        ...o.members.municipalities.map((n) => ({
          organisation_id,
          municipality_number: n,
          region_id: null,
          from_date,
          from_precision: 'unknown' as const,
        })),
        ...o.members.regions.map((s) => ({
          organisation_id,
          municipality_number: null,
          region_id: regionId(s),
          from_date,
          from_precision: 'unknown' as const,
        })),
      ];
      return rows.filter(
        (r) =>
          !existing.has(
            key(organisation_id, r.municipality_number ?? r.region_id ?? '', from_date),
          ),
      );
    });
    if (missing.length > 0) {
      changed += changedRows(await trx.insertInto('membership').values(missing).execute());
    }
    changed += await seedContent(trx, orgIds);
    return { changed: changed > 0 };
  });

/**
 * Themes, people and projects. These become editors' content once seeded, so only missing rows
 * are added (by theme slug, by person name and organisation or municipality, by project slug):
 * a second run changes nothing, and it never undoes an editor's change. A new project gets its
 * themes and the seeded leader; an existing one keeps whatever the editors gave it.
 */
const seedContent = async (
  trx: Kysely<Database>,
  orgIds: ReadonlyMap<string, string>,
): Promise<number> => {
  let changed = 0;
  changed += changedRows(
    await trx
      .insertInto('theme')
      .values(themes)
      .onConflict((oc) => oc.column('slug').doNothing())
      .execute(),
  );
  const existingPeople = new Set(
    (
      await trx
        .selectFrom('person')
        .select(['name', 'organisation_id', 'municipality_number'])
        .execute()
    ).map((p) => key(p.name, p.organisation_id ?? '', p.municipality_number ?? '')),
  );
  const newPeople = people
    .map((p) => ({
      name: p.name,
      title: p.title,
      organisation_id:
        p.organisation === null
          ? null
          : must(orgIds.get(p.organisation), `organisation ${p.organisation}`),
      municipality_number: p.municipality,
    }))
    .filter(
      (p) => !existingPeople.has(key(p.name, p.organisation_id ?? '', p.municipality_number ?? '')),
    );
  if (newPeople.length > 0) {
    changed += changedRows(await trx.insertInto('person').values(newPeople).execute());
  }

  const added = await trx
    .insertInto('project')
    .values(
      projects.map((p) => ({
        slug: p.slug,
        title: p.title,
        summary: p.summary,
        owner_organisation_id: must(orgIds.get(p.owner), `organisation ${p.owner}`),
        status: p.status,
        workflow_status: 'published' as const,
      })),
    )
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning(['id', 'slug', 'owner_organisation_id'])
    .execute();
  if (added.length === 0) return changed;
  changed += added.length;
  const [themeRows, leaders] = await Promise.all([
    trx.selectFrom('theme').select(['id', 'slug']).execute(),
    trx
      .selectFrom('person')
      .select(['id', 'organisation_id'])
      .where('name', '=', seedProjectLeader.name)
      .where('title', '=', seedProjectLeader.title)
      .orderBy('created_at')
      .execute(),
  ]);
  const themeIds = new Map(themeRows.map((t) => [t.slug, t.id]));
  const bySlug = new Map(projects.map((p) => [p.slug, p]));
  const projectThemes = added.flatMap((row) =>
    (bySlug.get(row.slug)?.themes ?? []).map((t) => ({
      project_id: row.id,
      theme_id: must(themeIds.get(t), `theme ${t}`),
    })),
  );
  if (projectThemes.length > 0) {
    await trx
      .insertInto('project_theme')
      .values(projectThemes)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  const projectLeaders = added.flatMap((row) => {
    const leader = leaders.find((l) => l.organisation_id === row.owner_organisation_id);
    return leader ? [{ project_id: row.id, person_id: leader.id, position: 0 }] : [];
  });
  if (projectLeaders.length > 0) {
    await trx
      .insertInto('project_leader')
      .values(projectLeaders)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return changed;
};

const key = (...parts: string[]): string => parts.join('|');

const must = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`Seed data refers to an unknown ${what}`);
  return value;
};
