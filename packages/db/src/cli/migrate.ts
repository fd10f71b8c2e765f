import { migrate } from '../migrate.ts';
import { runCli } from './run.ts';

await runCli(async (db) => {
  const applied: string[] = [];
  await migrate(db, { onApplied: (name) => applied.push(name) });
  return applied.length === 0
    ? 'Database schema is up to date'
    : `Applied ${applied.length} migration(s): ${applied.join(', ')}`;
});
