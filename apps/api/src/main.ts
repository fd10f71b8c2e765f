import {
  DatabaseLockedError,
  dbConfigFromEnv,
  seedDemoEvents,
  seedDemoParticipations,
} from '@klimakommuner/db';
import { todayIso } from '@klimakommuner/domain';
import { seedDemoArticles } from './article/demo.ts';
import { cacheEnabled } from './cache/responses.ts';
import { DEMO_PASSWORD, seedDemoUsers } from './demo-users.ts';
import { maskSecrets } from './errors.ts';
import { seedDemoResources } from './resource/demo.ts';
import { type RunningServer, startServer } from './server.ts';

const development = process.env.NODE_ENV === 'development';
const port = Number.parseInt(process.env.PORT ?? '4000', 10);
// In development (demo editors with documented passwords) only this machine may connect.
const host = process.env.HOST?.trim() || (development ? '127.0.0.1' : '0.0.0.0');
const dbConfig = dbConfigFromEnv();

if (process.env.DATABASE_READ_URL?.trim() && !dbConfig.databaseUrl) {
  console.error(
    'DATABASE_READ_URL is ignored without DATABASE_URL (the embedded PGlite has no replica).',
  );
}

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, got «${process.env.PORT}».`);
  process.exit(1);
}

// Says which database without printing DATABASE_URL (its password): engine and host only.
const describeDatabase = (): string => {
  const where = (text: string, name: string) => {
    try {
      const url = new URL(text);
      return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
    } catch {
      return `PostgreSQL (${name})`;
    }
  };
  if (dbConfig.databaseUrl) {
    const primary = where(dbConfig.databaseUrl, 'DATABASE_URL');
    return dbConfig.readUrl
      ? `${primary}, public reads from ${where(dbConfig.readUrl, 'DATABASE_READ_URL')}`
      : primary;
  }
  return `embedded PGlite in ${dbConfig.pgliteDir}`;
};

// SIGTERM/SIGINT: stop taking requests, finish those in flight, close the database (PGlite
// writes everything and shuts down cleanly, releasing its lock), exit 0. Signals during startup
// (opening PGlite takes seconds) wait for it first. A second signal exits at once.
let server: RunningServer | undefined;
let stopping = false;
const stop = (signal: string) => {
  if (stopping) {
    console.error(`${signal} again: exiting without waiting`);
    process.exit(1);
  }
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
  server = await startServer({
    port,
    host,
    dbConfig,
    // `pnpm dev` only: demo editors with documented passwords (see demo-users.ts), the demo
    // participations and resources (marked «Demodata»); production seeding adds none of them.
    ...(development
      ? {
          afterMigrate: async (handle, storage) => {
            const created = await seedDemoUsers(handle);
            if (created.length > 0) {
              console.log(`Demo users (password ${DEMO_PASSWORD}): ${created.join(', ')}`);
            }
            const { added } = await seedDemoParticipations(handle.db, todayIso());
            if (added > 0) console.log(`Demo participations: ${added}`);
            const resources = await seedDemoResources(handle, storage);
            if (resources.added > 0) console.log(`Demo resources: ${resources.added}`);
            const events = await seedDemoEvents(handle.db);
            if (events.added > 0) console.log(`Demo events: ${events.added}`);
            const articles = await seedDemoArticles(handle, storage);
            if (articles.added > 0) console.log(`Demo articles: ${articles.added}`);
          },
        }
      : {}),
  });
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  console.log(
    `API listening on http://${shown.includes(':') ? `[${shown}]` : shown}:${server.port} ` +
      `(bound to ${host}; database: ${describeDatabase()}; cache ${cacheEnabled() ? 'on' : 'off'})`,
  );
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
