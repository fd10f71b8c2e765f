import {
  addDays,
  PARTICIPATION_STATUSES,
  type ParticipationStep,
  type ParticipationTimeline,
  takesPartOn,
} from '@klimakommuner/domain';
import { beforeAll, expect, it } from 'vitest';
import {
  type DbHandle,
  getMunicipality,
  getProject,
  getTheme,
  listProjects,
  participationMatrix,
  takesPartSql,
} from '../../src/index.ts';
import { onEachEngine } from '../engines.ts';

const START = '2026-01-01';
const DAYS = 12;
const NOW = new Date('2026-01-06T12:00:00Z');
const KKO = 'kommunenettverk-for-klimaomstilling';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

interface Generated extends ParticipationTimeline {
  readonly project: string;
  readonly municipality: string;
  /** Written without history events, as rows from before the history was kept. */
  readonly bare: boolean;
}

/**
 * The domain's takesPartOn and the SQL every count and filter uses (takesPartSql) must give the
 * same answer for every participation on every day; the reads built on them must agree too.
 */
const takesPartSuite = (db: () => DbHandle): void => {
  let handle: DbHandle;
  const generated = new Map<string, Generated>();

  beforeAll(async () => {
    handle = db();
    const [projects, municipalities] = await Promise.all([
      handle.db.selectFrom('project').select(['id', 'slug']).orderBy('slug').execute(),
      // KKO's direct members, so the matrix shows every generated row.
      handle.db
        .selectFrom('membership as m')
        .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
        .select('m.municipality_number')
        .where('o.slug', '=', KKO)
        .where('m.municipality_number', 'is not', null)
        .orderBy('m.municipality_number')
        .execute(),
    ]);
    const next = random(20261130);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    for (const project of projects) {
      for (const { municipality_number } of municipalities) {
        const municipality = municipality_number ?? '';
        if (next() < 0.3) continue;
        const history: ParticipationStep[] = [];
        let since = addDays(START, Math.floor(next() * 4));
        const steps = 1 + Math.floor(next() * 4);
        for (let i = 0; i < steps; i++) {
          history.push({ status: pick(PARTICIPATION_STATUSES), since });
          since = addDays(since, Math.floor(next() * 4));
        }
        const last = history.at(-1) as ParticipationStep;
        const bare = next() < 0.1;
        const { id } = await handle.db
          .insertInto('participation')
          .values({
            project_id: project.id,
            municipality_number: municipality,
            status: last.status,
            since: last.since,
            demo: next() < 0.3,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (!bare) {
          await handle.db
            .insertInto('participation_event')
            .values(history.map((step) => ({ participation_id: id, ...step })))
            .execute();
        }
        generated.set(id, {
          project: project.slug,
          municipality,
          bare,
          status: last.status,
          since: last.since,
          history: bare ? [] : history,
        });
      }
    }
  });

  it('takesPartSql is the domain takesPartOn on every day, same-day steps and bare rows included', async () => {
    expect(generated.size).toBeGreaterThan(50);
    for (let offset = -1; offset <= DAYS; offset++) {
      const day = addDays(START, offset);
      const rows = await handle.db
        .selectFrom('participation')
        .select(['id', takesPartSql(day).as('takes_part')])
        .execute();
      const mismatches = rows.filter((row) => {
        const timeline = generated.get(row.id);
        return timeline !== undefined && takesPartOn(timeline, day) !== row.takes_part;
      });
      expect(mismatches, `on ${day}`).toEqual([]);
    }
  });

  it('counts, filters, the project page, the matrix and the municipality page agree', async () => {
    const today = '2026-01-05';
    const taking = [...generated.values()].filter((t) => takesPartOn(t, today));
    const projects = (await listProjects(handle.db, { limit: 100 }, NOW, today)).items;
    for (const summary of projects) {
      const expected = taking.filter((t) => t.project === summary.slug);
      expect(summary.participantCount, summary.slug).toBe(expected.length);
      const detail = await getProject(handle.db, summary.slug, NOW, today);
      expect(detail?.participations.filter((p) => p.takesPart)).toHaveLength(expected.length);
      const theme = await getTheme(handle.db, summary.themes[0]?.slug ?? '', NOW, today);
      expect(theme?.projects.find((p) => p.slug === summary.slug)?.participantCount).toBe(
        expected.length,
      );
    }
    const matrix = await participationMatrix(handle.db, KKO, today, NOW);
    for (const row of matrix?.rows ?? []) {
      row.cells.forEach((cell, column) => {
        const slug = matrix?.projects[column]?.slug;
        const expected = taking.some(
          (t) => t.project === slug && t.municipality === row.municipality.number,
        );
        expect(cell?.takesPart ?? false, `${row.municipality.name} in ${slug}`).toBe(expected);
      });
    }
    for (const slug of ['asker', 'baerum', 'lier']) {
      const municipality = await getMunicipality(handle.db, slug, today, NOW);
      const number = municipality?.number ?? '';
      const filtered = await listProjects(
        handle.db,
        { municipality: number, limit: 100 },
        NOW,
        today,
      );
      const onPage = (municipality?.projects ?? []).filter((p) => p.takesPart);
      expect(onPage.map((p) => p.project.slug)).toEqual(filtered.items.map((p) => p.slug));
      expect(onPage.map((p) => p.project.slug).sort()).toEqual(
        taking
          .filter((t) => t.municipality === number)
          .map((t) => t.project)
          .sort(),
      );
    }
  });
};

onEachEngine('one definition of "takes part"', takesPartSuite);
