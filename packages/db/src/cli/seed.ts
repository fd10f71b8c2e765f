import { migrate } from '../migrate.ts';
import { seed } from '../seed.ts';
import { runCli } from './run.ts';

await runCli(async (db) => {
  await migrate(db);
  const { changed } = await seed(db);
  return changed ? 'Seeded the reference data' : 'Reference data already seeded, nothing changed';
});
