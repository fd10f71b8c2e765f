import { todayIso } from '@klimakommuner/domain';
import { seedDemoParticipations } from '../demo.ts';
import { seedDemoEvents } from '../event/demo.ts';
import { migrate } from '../migrate.ts';
import { topUpSyntheticResources } from '../resource/synthetic.ts';
import { seed } from '../seed.ts';
import { seedSynthetic } from '../synthetic.ts';
import { runCli } from './run.ts';

// `pnpm db:seed` seeds the reference data; `pnpm db:seed --demo` adds the marked demo
// participations too (what `pnpm dev` does; the browser tests use it); `pnpm db:seed
// --synthetic N` adds N marked copies of the data set for measuring, and `--resources N` tops the
// synthetic resources up to N for the library (neither ever in production).
const args = process.argv.slice(2);
const demo = args.includes('--demo');
const at = args.indexOf('--synthetic');
const factorText = at === -1 ? undefined : args[at + 1];
const factor = factorText === undefined ? null : Number(factorText);

const resourcesAt = args.indexOf('--resources');
const resourcesText = resourcesAt === -1 ? undefined : args[resourcesAt + 1];
const resources = resourcesText === undefined ? null : Number(resourcesText);

if (at !== -1 && (factor === null || !Number.isInteger(factor) || factor < 1)) {
  console.error('--synthetic tar et heltall ≥ 1, for eksempel --synthetic 100.');
  process.exit(2);
}
if (resourcesAt !== -1 && (resources === null || !Number.isInteger(resources) || resources < 1)) {
  console.error('--resources tar et heltall ≥ 1, for eksempel --resources 10000.');
  process.exit(2);
}
if ((factor !== null || resources !== null) && process.env.NODE_ENV === 'production') {
  console.error('Syntetiske data legges aldri inn i produksjon (NODE_ENV=production).');
  process.exit(2);
}

await runCli(async (db) => {
  await migrate(db);
  const { changed } = await seed(db);
  const parts = [
    changed ? 'Seeded the reference data' : 'Reference data already seeded, nothing changed',
  ];
  if (demo) {
    const { added } = await seedDemoParticipations(db, todayIso());
    parts.push(`demo participations added: ${added}`);
    const events = await seedDemoEvents(db, todayIso());
    parts.push(`demo events added: ${events.added}`);
  }
  if (factor !== null) {
    const { added } = await seedSynthetic(db, factor, todayIso());
    parts.push(`synthetic copies added: ${added} (of ${factor})`);
  }
  if (resources !== null) {
    const added = await topUpSyntheticResources(db, resources);
    parts.push(`synthetic resources added: ${added} (up to ${resources})`);
  }
  return parts.join('; ');
});
