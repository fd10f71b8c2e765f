import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import {
  type DbHandle,
  listMunicipalities,
  listProjects,
  SYNTHETIC_NOTE,
  SYNTHETIC_PREFIX,
  search,
  seedSynthetic,
  topUpSyntheticResources,
} from '../src/index.ts';
import { onEachEngine, TODAY } from './engines.ts';

// The scale fixtures: N marked copies of the real data set; a second run adds nothing.

const counts = async (handle: DbHandle) => {
  const { rows } = await sql<{
    organisations: number;
    regions: number;
    memberships: number;
    people: number;
    projects: number;
    participations: number;
    unmarked: number;
  }>`select
      (select count(*) from organisation where slug like ${`${SYNTHETIC_PREFIX}%`}) as organisations,
      (select count(*) from region where slug like ${`${SYNTHETIC_PREFIX}%`}) as regions,
      (select count(*) from membership m join organisation o on o.id = m.organisation_id
        where o.slug like ${`${SYNTHETIC_PREFIX}%`}) as memberships,
      (select count(*) from person where name like 'Syntetisk %') as people,
      (select count(*) from project where slug like ${`${SYNTHETIC_PREFIX}%`}) as projects,
      (select count(*) from participation pa join project p on p.id = pa.project_id
        where p.slug like ${`${SYNTHETIC_PREFIX}%`}) as participations,
      (select count(*) from participation pa join project p on p.id = pa.project_id
        where p.slug like ${`${SYNTHETIC_PREFIX}%`} and (not pa.demo or pa.note <> ${SYNTHETIC_NOTE})) as unmarked`.execute(
    handle.db,
  );
  const row = rows[0];
  if (!row) throw new Error('no counts');
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
};

const syntheticSuite = (db: () => DbHandle): void => {
  let handle: DbHandle;
  let real: Record<string, number>;
  let realMembers: number;
  beforeAll(async () => {
    handle = db();
    realMembers = (await listMunicipalities(handle.db, { membersOnly: true, limit: 500 }, TODAY))
      .items.length;
    const { rows } = await sql<Record<string, number>>`select
        (select count(*) from organisation) as organisations,
        (select count(*) from region) as regions,
        (select count(*) from membership) as memberships,
        (select count(*) from person) as people,
        (select count(*) from project) as projects`.execute(handle.db);
    real = Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v)]));
  });

  it('adds N marked copies of the real data set, and nothing on a second run', async () => {
    expect(await counts(handle)).toMatchObject({ organisations: 0, projects: 0 });
    expect(await seedSynthetic(handle.db, 2, TODAY)).toEqual({ added: 2 });
    const two = await counts(handle);
    expect(two).toEqual({
      organisations: 2 * (real.organisations ?? 0),
      regions: 2 * (real.regions ?? 0),
      // Each copied membership brings an earlier, ended one: a history.
      memberships: 2 * 2 * (real.memberships ?? 0),
      people: 2 * (real.people ?? 0),
      projects: 2 * (real.projects ?? 0),
      participations: expect.any(Number),
      unmarked: 0,
    });
    expect(two.participations).toBeGreaterThanOrEqual(2 * (real.projects ?? 0));

    // The copies' members are other municipalities than the real ones: they spread over the
    // country instead of making the same municipalities members of ever more networks.
    const members = await listMunicipalities(handle.db, { membersOnly: true, limit: 500 }, TODAY);
    expect(members.items.length).toBeGreaterThan(2 * realMembers);
    expect(Math.max(...members.items.map((m) => m.organisationCount))).toBeLessThan(3);

    expect(await seedSynthetic(handle.db, 2, TODAY)).toEqual({ added: 0 });
    expect(await counts(handle)).toEqual(two);

    expect(await seedSynthetic(handle.db, 3, TODAY)).toEqual({ added: 1 });
    const three = await counts(handle);
    expect(three.organisations).toBe(3 * (real.organisations ?? 0));
    expect(three.memberships).toBe(3 * 2 * (real.memberships ?? 0));
    expect(three.projects).toBe(3 * (real.projects ?? 0));
    expect((three.participations ?? 0) * 2).toBe((two.participations ?? 0) * 3);
  });

  it('shows synthetic projects as such in the public lists', async () => {
    const page = await listProjects(handle.db, { q: 'syntetisk 1', limit: 100 }, new Date(), TODAY);
    expect(page.items.length).toBe(real.projects);
    for (const p of page.items) expect(p.title).toMatch(/\(syntetisk 1\)$/);
    expect(page.items.some((p) => p.demoParticipantCount > 0)).toBe(true);
    expect(page.items.every((p) => p.demoParticipantCount === p.participantCount)).toBe(true);
  });

  it('tops the synthetic resources up to a total, published, marked and searchable', async () => {
    const library = async () =>
      Number(
        (
          await sql<{ n: number }>`select count(*)::int as n from resource
            where slug like 'syntetisk-%' and demo and workflow_status = 'published'`.execute(
            handle.db,
          )
        ).rows[0]?.n,
      );
    expect(await topUpSyntheticResources(handle.db, 30)).toBe(30);
    expect(await topUpSyntheticResources(handle.db, 30)).toBe(0);
    expect(await topUpSyntheticResources(handle.db, 45)).toBe(15);
    expect(await library()).toBe(45);
    const found = await search(handle.db, {}, new Date());
    expect(found.total).toBeGreaterThanOrEqual(45);
    expect(found.items.every((item) => item.demo)).toBe(true);
  });
};

onEachEngine('synthetic scale fixtures', syntheticSuite);
