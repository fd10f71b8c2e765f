import { DatabaseLockedError, dbConfigFromEnv, seedDemoParticipations } from '@klimakommuner/db';
import { todayIso } from '@klimakommuner/domain';
import { DEMO_PASSWORD, seedDemoUsers } from './demo-users.ts';
import { maskSecrets } from './errors.ts';
import { type RunningServer, startServer } from './server.ts';

const port = Number.parseInt(process.env.PORT ?? '4000', 10);
const host = process.env.HOST?.trim() || '0.0.0.0';
const dbConfig = dbConfigFromEnv();

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got «${process.env.PORT}».`);
  process.exit(1);
}

// Says which database without printing DATABASE_URL (its password): engine and host only.
const describeDatabase = (): string => {
  if (dbConfig.databaseUrl) {
    try {
      const url = new URL(dbConfig.databaseUrl);
      return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
    } catch {
      return 'PostgreSQL (DATABASE_URL)';
    }
  }
  return `embedded PGlite in ${dbConfig.pgliteDir}`;
};

// Signals during startup (opening PGlite takes seconds) wait for it, then shut down cleanly:
// closing the database releases the PGlite lock for the next start.
let server: RunningServer | undefined;
let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  if (server) void shutdown(server);
};
const shutdown = (running: RunningServer) =>
  running.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('Shutdown failed:', error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

try {
  const development = process.env.NODE_ENV === 'development';
  server = await startServer({
    port,
    host,
    dbConfig,
    // `pnpm dev` only: demo editors with documented passwords (see demo-users.ts) and the
    // demo participations (marked «Demodata»); production seeding adds neither.
    ...(development
      ? {
          afterMigrate: async (handle) => {
            const created = await seedDemoUsers(handle);
            if (created.length > 0) {
              console.log(`Demo users (password ${DEMO_PASSWORD}): ${created.join(', ')}`);
            }
            const { added } = await seedDemoParticipations(handle.db, todayIso());
            if (added > 0) console.log(`Demo participations: ${added}`);
          },
        }
      : {}),
  });
  console.log(`API listening on http://localhost:${server.port} (database: ${describeDatabase()})`);
  if (stopping) await shutdown(server);
} catch (error) {
  if (error instanceof DatabaseLockedError) {
    console.error(error.message);
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`Port ${port} is already in use: stop that process or set PORT.`);
  } else {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`API failed to start: ${maskSecrets(text)}`);
  }
  process.exit(1);
}
