// `pnpm --filter @klimakommuner/api test:crash [rounds]`: kills the API with SIGKILL during a
// stream of writes, 20 rounds (or `rounds`) on PGlite and, with TEST_DATABASE_URL, on
// PostgreSQL; prints what was acknowledged and lost, and fails if any acknowledged write is gone.
import { crashRounds, prepareDatabase } from './support/crash.ts';
import { ENGINES } from './support/databases.ts';

const rounds = Number.parseInt(process.argv[2] ?? '20', 10);
let failed = false;
for (const engine of ENGINES) {
  const database = await prepareDatabase(engine);
  try {
    const started = performance.now();
    const report = await crashRounds({
      rounds,
      env: database.env,
      onRound: (round, acknowledged) =>
        console.log(`${engine} round ${round + 1}/${rounds}: ${acknowledged} acknowledged so far`),
    });
    const starts = [...report.startMs].sort((a, b) => a - b);
    const median = Math.round(starts[Math.floor(starts.length / 2)] ?? 0);
    console.log(
      `${engine}: ${report.rounds} rounds, ${report.acknowledged} writes acknowledged, ` +
        `${report.lost.length} lost; start median ${median} ms; ` +
        `${Math.round((performance.now() - started) / 1000)} s in all`,
    );
    if (report.lost.length > 0) {
      failed = true;
      console.error(`${engine}: lost ${report.lost.join(', ')}`);
    }
  } finally {
    await database.dispose();
  }
}
process.exit(failed ? 1 : 0);
