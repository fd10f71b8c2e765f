// The floor of an uncached API list in `pnpm bench` (PostgreSQL only), in a process of its own:
// a raw node:http server that, for every request, first runs on PostgreSQL the one statement the
// API's procedure sends for that list (prepared on its connection, as the API prepares it), reads
// its rows, and then answers with the API's recorded bytes. No tRPC, no kysely, no JSON to build:
// what any uncached implementation of the list has to do at the least. The bench shows it beside
// the raw server and the API, so that the API's uncached ratio can be read against what the
// database round trip alone allows on the same machine.
// Usage: DATABASE_URL=… node floor-server.ts BODY_FILE CONTENT_TYPE PORT LIST
// LIST: `municipalities` (members only, 50) or `projects` (5), the inputs of bench.ts's targets.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { todayIso } from '../../packages/domain/src/index.ts';
import { type CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { listMunicipalities, listProjects } from '../../packages/db/src/index.ts';
import type { Database } from '../../packages/db/src/schema.ts';

const [file, contentType, port, list] = process.argv.slice(2);
const url = process.env.DATABASE_URL;
if (!file || !contentType || !port || !url || (list !== 'municipalities' && list !== 'projects'))
  throw new Error(
    'DATABASE_URL=… floor-server.ts BODY_FILE CONTENT_TYPE PORT municipalities|projects',
  );
const body = readFileSync(file);

// The statement, as the db package compiles it for this list today: kysely's log hands it over.
const statements: CompiledQuery[] = [];
const recorder = new Kysely<Database>({
  dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
  log: (event) => {
    if (event.level === 'query') statements.push(event.query);
  },
});
const today = todayIso();
if (list === 'municipalities')
  await listMunicipalities(recorder, { membersOnly: true, limit: 50 }, today);
else await listProjects(recorder, { limit: 5 }, new Date(), today);
await recorder.destroy();
const [statement, ...more] = statements;
if (!statement || more.length > 0) throw new Error(`${list}: expected one statement`);

// As the API's pool: JIT off, every statement prepared once per connection (named).
const pool = new pg.Pool({ connectionString: url, options: '-c jit=off' });
const query = { name: 'floor', text: statement.sql, values: [...statement.parameters] };
createServer((_req, res) => {
  pool.query(query).then(
    () => {
      res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
      res.end(body);
    },
    (error: Error) => {
      res.writeHead(500).end(error.message);
    },
  );
}).listen(Number(port), '127.0.0.1', () => process.send?.('listening'));
