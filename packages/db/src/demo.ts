import { addDays, type IsoDate, membersOn, type ParticipationStatus } from '@klimakommuner/domain';
import type { Insertable, Kysely } from 'kysely';
import { loadMembershipWorld } from './network/membership-world.ts';
import type { Database, ParticipationEventTable } from './schema.ts';
import { DEMO_NOTE, projects } from './seed-data.ts';

const DEMO_COUNT = 20;
const DEMO_OWNER = 'kommunenettverk-for-klimaomstilling';
const STATUSES: readonly ParticipationStatus[] = [
  'participating',
  'implementing',
  'interested',
  'completed',
  'participating',
  'withdrawn',
];

/**
 * Adds a demo set of about twenty participations of today's members of Kommunenettverk for
 * klimaomstilling in its six seeded projects, each marked as demo (the `demo` column, which every
 * page shows) with the note «Demodata – ikke ekte deltakelse», and a history. For development
 * and the browser tests only (the API calls it when NODE_ENV=development, `pnpm db:seed --demo`
 * on request); production seeding adds none. Deterministic and idempotent: a pair that already has a
 * participation is left alone, so a second run adds nothing.
 */
export const seedDemoParticipations = (
  db: Kysely<Database>,
  today: IsoDate,
): Promise<{ added: number }> =>
  db.transaction().execute(async (trx) => {
    const [world, rows] = await Promise.all([
      loadMembershipWorld(trx),
      trx
        .selectFrom('project')
        .select(['id', 'slug'])
        .where(
          'slug',
          'in',
          projects.filter((p) => p.owner === DEMO_OWNER).map((p) => p.slug),
        )
        .orderBy('slug')
        .execute(),
    ]);
    const members = membersOn(DEMO_OWNER, today, world.memberships, world.regions);
    if (members.length === 0 || rows.length === 0) return { added: 0 };
    const seen = new Set<string>();
    const wanted = Array.from({ length: DEMO_COUNT }, (_, i) => {
      const project = rows[i % rows.length];
      const member = members[(i * 5) % members.length];
      if (!project || !member) return null;
      const key = `${project.id}|${member.municipality}`;
      if (seen.has(key)) return null;
      seen.add(key);
      const planned = addDays('2025-01-15', i * 29);
      const since = planned < today ? planned : today;
      const status = STATUSES[i % STATUSES.length] ?? 'participating';
      return { project_id: project.id, municipality_number: member.municipality, status, since };
    }).filter((w) => w !== null);
    if (wanted.length === 0) return { added: 0 };
    const added = await trx
      .insertInto('participation')
      .values(wanted.map((w) => ({ ...w, note: DEMO_NOTE, demo: true })))
      .onConflict((oc) => oc.columns(['project_id', 'municipality_number']).doNothing())
      .returning(['id', 'status', 'since'])
      .execute();
    const events = added.flatMap((p): Insertable<ParticipationEventTable>[] =>
      p.status === 'withdrawn'
        ? [
            {
              participation_id: p.id,
              status: 'participating',
              since: addDays(p.since, -90),
              note: DEMO_NOTE,
            },
            { participation_id: p.id, status: p.status, since: p.since, note: DEMO_NOTE },
          ]
        : [{ participation_id: p.id, status: p.status, since: p.since, note: DEMO_NOTE }],
    );
    if (events.length > 0) await trx.insertInto('participation_event').values(events).execute();
    return { added: added.length };
  });
