import { addDays, type IsoDate, type ParticipationStatus } from '@klimakommuner/domain';
import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database, ParticipationEventTable } from './schema.ts';

// Scale fixtures (issue 10): copies of the real data set so that the cost of a read can be
// measured as data grows. Never part of production seeding: `pnpm db:seed --synthetic N` adds it
// on request (refused when NODE_ENV=production), the API never does.

/** Every synthetic slug starts with this, and every synthetic name says «syntetisk». */
export const SYNTHETIC_PREFIX = 'syntetisk-';
/** The note of every synthetic participation and step; they are also marked `demo`. */
export const SYNTHETIC_NOTE = 'Syntetiske data – ikke ekte deltakelse';

const PARTICIPANTS_PER_PROJECT = 5;
const STATUSES: readonly ParticipationStatus[] = [
  'participating',
  'implementing',
  'interested',
  'completed',
  'withdrawn',
];

const slugOf = (copy: number, slug: string) => `${SYNTHETIC_PREFIX}${copy}-${slug}`;

/**
 * How far copy k moves its member municipalities along the list of all municipalities (by
 * number): k × MUNICIPALITY_STRIDE places. 31 shares no factor with 357 (3 · 7 · 17), so a
 * hundred copies spread the members over the whole country, about eight networks a municipality,
 * as new networks would, instead of making the same 30 municipalities members of 101 networks.
 */
const MUNICIPALITY_STRIDE = 31;

/**
 * Adds copies 1…`factor` of the real data set (everything whose slug does not start with
 * SYNTHETIC_PREFIX): each copy has its own organisations, regions, memberships (each with an
 * earlier, ended one before it, so there are histories), people, published projects with their
 * themes, and five participations of each project with a history, marked demo. Copy k moves every
 * municipality it names k × MUNICIPALITY_STRIDE places along the list of municipalities, so the
 * copies' members spread over the country. Idempotent: a copy that exists is left alone, so a
 * second run adds nothing and a larger factor adds only the missing copies. One transaction per
 * copy.
 */
export const seedSynthetic = async (
  db: Kysely<Database>,
  factor: number,
  today: IsoDate,
): Promise<{ added: number }> => {
  if (!Number.isInteger(factor) || factor < 1)
    throw new Error('The factor must be a whole number ≥ 1');
  const synthetic = `${SYNTHETIC_PREFIX}%`;
  const [
    organisations,
    regions,
    regionMunicipalities,
    memberships,
    people,
    projects,
    themes,
    municipalities,
  ] = await Promise.all([
    db
      .selectFrom('organisation')
      .select(['id', 'slug', 'name', 'short_name', 'kind', 'established', 'county_number'])
      .where('slug', 'not like', synthetic)
      .orderBy('slug')
      .execute(),
    db
      .selectFrom('region')
      .select(['id', 'slug', 'name'])
      .where('slug', 'not like', synthetic)
      .execute(),
    db.selectFrom('region_municipality').select(['region_id', 'municipality_number']).execute(),
    db
      .selectFrom('membership')
      .select([
        'organisation_id',
        'municipality_number',
        'region_id',
        'from_date',
        'from_precision',
        'to_date',
      ])
      .execute(),
    db
      .selectFrom('person')
      .select(['id', 'name', 'title', 'organisation_id', 'municipality_number'])
      .where('name', 'not like', 'Syntetisk %')
      .execute(),
    db
      .selectFrom('project')
      .select([
        'id',
        'slug',
        'title',
        'summary',
        'status',
        'start_date',
        'end_date',
        'owner_organisation_id',
      ])
      .where('slug', 'not like', synthetic)
      .execute(),
    db.selectFrom('project_theme').select(['project_id', 'theme_id']).execute(),
    db.selectFrom('municipality').select('number').orderBy('number').execute(),
  ]);
  const position = new Map(municipalities.map((m, i) => [m.number, i]));
  const first = organisations[0];
  if (first === undefined) return { added: 0 };
  const realOrganisations = new Set(organisations.map((o) => o.id));
  const realRegions = new Set(regions.map((r) => r.id));
  let added = 0;
  for (let copy = 1; copy <= factor; copy++) {
    const exists = await db
      .selectFrom('organisation')
      .select('id')
      .where('slug', '=', slugOf(copy, first.slug))
      .executeTakeFirst();
    if (exists) continue;
    /** Where this copy puts what the real data set has in municipality `number`. */
    const moved = (number: string): string => {
      const at = position.get(number);
      if (at === undefined) return number;
      const to = (at + copy * MUNICIPALITY_STRIDE) % municipalities.length;
      return municipalities[to]?.number ?? number;
    };
    await db.transaction().execute(async (trx) => {
      const orgIds = new Map(
        (
          await trx
            .insertInto('organisation')
            .values(
              organisations.map((o) => ({
                slug: slugOf(copy, o.slug),
                name: `${o.name} (syntetisk ${copy})`,
                short_name: o.short_name === null ? null : `${o.short_name} S${copy}`,
                kind: o.kind,
                established: o.established,
                county_number: o.county_number,
                status: 'published' as const,
              })),
            )
            .returning(['id', 'slug'])
            .execute()
        ).map((row, i) => [organisations[i]?.id ?? '', row.id]),
      );
      const regionIds = new Map<string, string>();
      if (regions.length > 0) {
        const rows = await trx
          .insertInto('region')
          .values(
            regions.map((r) => ({
              slug: slugOf(copy, r.slug),
              name: `${r.name} (syntetisk ${copy})`,
            })),
          )
          .returning('id')
          .execute();
        for (const [i, row] of rows.entries()) regionIds.set(regions[i]?.id ?? '', row.id);
        const links = regionMunicipalities.flatMap((rm) => {
          const id = regionIds.get(rm.region_id);
          return id === undefined
            ? []
            : [{ region_id: id, municipality_number: moved(rm.municipality_number) }];
        });
        if (links.length > 0) await trx.insertInto('region_municipality').values(links).execute();
      }
      const copied = memberships.flatMap((m) => {
        const organisation = orgIds.get(m.organisation_id);
        if (organisation === undefined || !realOrganisations.has(m.organisation_id)) return [];
        if (m.region_id !== null && !realRegions.has(m.region_id)) return [];
        const member = {
          organisation_id: organisation,
          municipality_number: m.municipality_number === null ? null : moved(m.municipality_number),
          region_id: m.region_id === null ? null : (regionIds.get(m.region_id) ?? null),
        };
        // An earlier, ended membership of the same member: a history, not only today.
        const earlier = {
          ...member,
          from_date: addDays(m.from_date, -3 * 365),
          from_precision: 'day' as const,
          to_date: addDays(m.from_date, -366),
        };
        return [
          {
            ...member,
            from_date: m.from_date,
            from_precision: m.from_precision,
            to_date: m.to_date,
          },
          earlier,
        ];
      });
      if (copied.length > 0) await trx.insertInto('membership').values(copied).execute();
      const ownPeople = people.filter(
        (p) => p.organisation_id === null || orgIds.has(p.organisation_id),
      );
      if (ownPeople.length > 0) {
        await trx
          .insertInto('person')
          .values(
            ownPeople.map((p) => ({
              name: `Syntetisk ${p.name}`,
              title: p.title,
              organisation_id:
                p.organisation_id === null ? null : (orgIds.get(p.organisation_id) ?? null),
              municipality_number:
                p.municipality_number === null ? null : moved(p.municipality_number),
            })),
          )
          .execute();
      }
      if (projects.length === 0) return;
      const projectRows = await trx
        .insertInto('project')
        .values(
          projects.map((p) => ({
            slug: slugOf(copy, p.slug),
            title: `${p.title} (syntetisk ${copy})`,
            summary: p.summary,
            body: 'Syntetiske data for å måle ytelse.',
            body_html: '<p>Syntetiske data for å måle ytelse.</p>',
            owner_organisation_id: orgIds.get(p.owner_organisation_id) ?? p.owner_organisation_id,
            status: p.status,
            start_date: p.start_date,
            end_date: p.end_date,
            workflow_status: 'published' as const,
          })),
        )
        .returning('id')
        .execute();
      const projectIds = new Map(projectRows.map((row, i) => [projects[i]?.id ?? '', row.id]));
      const links = themes.flatMap((t) => {
        const id = projectIds.get(t.project_id);
        return id === undefined ? [] : [{ project_id: id, theme_id: t.theme_id }];
      });
      if (links.length > 0) await trx.insertInto('project_theme').values(links).execute();
      // Five participations a project, of the owner's direct members (any municipality else).
      const directMembers = new Map<string, string[]>();
      for (const m of memberships) {
        if (m.municipality_number === null) continue;
        const list = directMembers.get(m.organisation_id) ?? [];
        const number = moved(m.municipality_number);
        if (!list.includes(number)) list.push(number);
        directMembers.set(m.organisation_id, list);
      }
      const fallback = [
        ...new Set(regionMunicipalities.map((rm) => moved(rm.municipality_number))),
      ];
      const participations = projects.flatMap((p, i) => {
        const id = projectIds.get(p.id);
        const pool = directMembers.get(p.owner_organisation_id) ?? fallback;
        if (id === undefined || pool.length === 0) return [];
        const numbers = [
          ...new Set(
            Array.from(
              { length: PARTICIPANTS_PER_PROJECT },
              (_, k) => pool[(i + k * 3 + copy) % pool.length],
            ),
          ),
        ];
        return numbers.flatMap((number, k) => {
          if (number === undefined) return [];
          const planned = addDays('2025-02-01', (i * 7 + k * 31 + copy) % 600);
          const since = planned < today ? planned : today;
          const status = STATUSES[(i + k + copy) % STATUSES.length] ?? 'participating';
          return [
            {
              project_id: id,
              municipality_number: number,
              status,
              since,
              note: SYNTHETIC_NOTE,
              demo: true,
            },
          ];
        });
      });
      if (participations.length === 0) return;
      const inserted = await trx
        .insertInto('participation')
        .values(participations)
        .returning(['id', 'status', 'since'])
        .execute();
      const events = inserted.flatMap((p): Insertable<ParticipationEventTable>[] => [
        {
          participation_id: p.id,
          status: 'interested',
          since: addDays(p.since, -120),
          note: SYNTHETIC_NOTE,
        },
        { participation_id: p.id, status: p.status, since: p.since, note: SYNTHETIC_NOTE },
      ]);
      await trx.insertInto('participation_event').values(events).execute();
    });
    added++;
  }
  // After a bulk load PostgreSQL's statistics still describe the tables before it, until
  // autovacuum gets to them; plans made meanwhile would be measured, not the steady state.
  if (added > 0)
    await sql`analyze organisation, region, region_municipality, membership, person, project,
      project_theme, participation, participation_event`.execute(db);
  return { added };
};
