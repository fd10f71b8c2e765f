// `pnpm bench`: throughput of the API and the portal, each side by side with a raw node:http
// server (a process of its own) that sends the same bytes, so the figures show what our stack
// costs on top of Node itself. Targets: the API lists (municipalities.list, projects.list), the
// portal's /kommuner, a network page, a project page, the front page, the library's search and
// `/sok`; with the caches on and off (CACHE=off); at 1× and 100× synthetic data
// (`pnpm db:seed --synthetic 100`); at 10 and 50 connections. On a fresh embedded PGlite by
// default; on PostgreSQL with DATABASE_URL (a database of its own is created on that server for
// each data size and dropped afterwards). Prints a Markdown table, then each target's 100×
// throughput against its 1×.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { repoRoot, waitFor } from './lib/processes.ts';

const list = (value: string | undefined, fallback: number[]) =>
  value ? value.split(',').map((x) => Number(x.trim())) : fallback;
const rounds = Number(process.env.BENCH_ROUNDS ?? 1);
const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const connectionCounts = list(process.env.BENCH_CONNECTIONS, [10, 50]);
const scales = list(process.env.BENCH_SCALES, [1, 100]);
const modes = (process.env.BENCH_CACHE ?? 'on,off').split(',').map((x) => x.trim());
// BENCH_TARGETS: only the targets whose name contains one of these (e.g. `municipalities,/kommuner`).
const only = (process.env.BENCH_TARGETS ?? '')
  .split(',')
  .map((x) => x.trim())
  .filter((x) => x !== '');
const adminUrl = process.env.DATABASE_URL?.trim() || undefined;
// BENCH_PORT_OFFSET moves every port, so that two checkouts can measure at once.
const offset = Number(process.env.BENCH_PORT_OFFSET ?? 0);
const ports = {
  api: 4810 + offset,
  portal: 3810 + offset,
  baseline: 4890 + offset,
  floor: 4891 + offset,
  api2: 4811 + offset,
  portal2: 3811 + offset,
};
const apiUrl = `http://127.0.0.1:${ports.api}`;
const portalUrl = `http://127.0.0.1:${ports.portal}`;

const work = mkdtempSync(join(tmpdir(), 'kk-bench-'));
const children = new Set<ChildProcess>();
const spawnChild = (cwd: string, args: string[], env: Record<string, string>) => {
  const child = spawn(process.execPath, args, {
    cwd: join(repoRoot, cwd),
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
};
const stop = async (child: ChildProcess) => {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
};
const dropped: (() => Promise<void>)[] = [];
const cleanUp = () => {
  for (const child of children) child.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
};
process.on('exit', cleanUp);

/** The synthetic seed (`pnpm db:seed --synthetic N`) when this checkout has it. */
const seedCli = join(repoRoot, 'packages/db/src/cli/seed.ts');
const hasSynthetic = readFileSync(seedCli, 'utf8').includes('--synthetic');
/** How many synthetic resources the library holds at 1× (production seeds none): 100 a scale. */
const RESOURCES_PER_SCALE = 100;

const adminQuery = async (statement: string, url = adminUrl) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
};

/** A fresh database for one data size: its env for the apps and the seed. */
const prepare = async (scale: number): Promise<Record<string, string>> => {
  let env: Record<string, string>;
  if (adminUrl) {
    const name = `kk_bench_${randomBytes(4).toString('hex')}`;
    await adminQuery(`create database ${name}`);
    dropped.push(() => adminQuery(`drop database if exists ${name} with (force)`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    env = { DATABASE_URL: url.toString() };
  } else env = { PGLITE_DIR: join(work, `pglite-${scale}`) };
  const args = [
    seedCli,
    ...(scale > 1 ? ['--synthetic', String(scale)] : []),
    '--resources',
    String(RESOURCES_PER_SCALE * scale),
  ];
  const started = Date.now();
  const seeded = spawnSync(process.execPath, args, {
    cwd: join(repoRoot, 'packages/db'),
    env: { ...process.env, NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (seeded.status !== 0) throw new Error(`seeding ${scale}× failed`);
  // As autovacuum would leave it: statistics for the planner, visibility for index-only scans.
  if (env.DATABASE_URL) await adminQuery('vacuum analyze', env.DATABASE_URL);
  console.error(`${scale}×: ${seeded.stdout.toString().trim()} (${Date.now() - started} ms)`);
  return env;
};

interface Figures {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly failed: number;
}

const measure = async (url: string, connections: number): Promise<Figures> => {
  const result = await autocannon({ url, connections, duration: seconds, timeout: 20 });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
  };
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const medianOf = (runs: Figures[]): Figures => ({
  rps: median(runs.map((r) => r.rps)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  failed: runs.reduce((sum, r) => sum + r.failed, 0),
});

/** A raw server (its own process) answering with the bytes `url` answers now. */
const baselineFor = async (url: string): Promise<ChildProcess> => {
  const recorded = await fetch(url);
  if (!recorded.ok) throw new Error(`${url} answered ${recorded.status}`);
  const file = join(work, 'body');
  writeFileSync(file, Buffer.from(await recorded.arrayBuffer()));
  const contentType = recorded.headers.get('content-type') ?? 'application/octet-stream';
  const child = spawnChild(
    'scripts',
    ['lib/raw-server.ts', file, contentType, String(ports.baseline)],
    {},
  );
  await new Promise((resolve) => child.once('message', resolve));
  return child;
};

/**
 * The floor of an uncached API list (its own process, lib/floor-server.ts): the list's one SQL
 * statement on PostgreSQL for every request, then the bytes the baseline sends (`body`, written by
 * baselineFor just before).
 */
const floorFor = async (
  list: 'municipalities' | 'projects',
  env: Record<string, string>,
): Promise<ChildProcess> => {
  const child = spawnChild(
    'scripts',
    ['lib/floor-server.ts', join(work, 'body'), 'application/json', String(ports.floor), list],
    env,
  );
  await new Promise((resolve) => child.once('message', resolve));
  return child;
};

/** The slug of the first item `procedure` lists, or of the one with the most members. */
const pickSlug = async (procedure: string, input: unknown) => {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetch(`${apiUrl}/trpc/${procedure}${query}`);
  const body = (await res.json()) as {
    result: { data: { items: { slug: string; memberCount?: number }[] } };
  };
  const [first, ...rest] = body.result.data.items;
  if (!first) throw new Error(`${procedure} listed nothing`);
  return rest.reduce((a, b) => ((b.memberCount ?? 0) > (a.memberCount ?? 0) ? b : a), first).slug;
};

/**
 * PostgreSQL only: a second API and portal process on the same database; a write made in the
 * database (as any process or script would) until the second portal's cached page shows it.
 */
const writeVisibility = async (env: Record<string, string>): Promise<number[]> => {
  const api2 = spawnChild('apps/api', ['src/main.ts'], {
    ...env,
    PORT: String(ports.api2),
    HOST: '127.0.0.1',
  });
  await waitFor(`http://127.0.0.1:${ports.api2}/ready`, 600_000);
  const portal2 = spawnChild('apps/portal', ['server.js'], {
    PORT: String(ports.portal2),
    HOST: '127.0.0.1',
    API_URL: `http://127.0.0.1:${ports.api2}`,
  });
  await waitFor(`http://127.0.0.1:${ports.portal2}`);
  const page = `http://127.0.0.1:${ports.portal2}/tema/mobilitet`;
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  const times: number[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      // The old page is in the second portal's cache.
      for (let j = 0; j < 3; j++) await (await fetch(page)).arrayBuffer();
      const text = `Målt skriving ${i} ${Date.now()}`;
      const written = performance.now();
      await client.query(`update theme set description = $1 where slug = 'mobilitet'`, [text]);
      for (;;) {
        if ((await (await fetch(page)).text()).includes(text)) break;
        if (performance.now() - written > 10_000) throw new Error('not visible within 10 s');
      }
      times.push(performance.now() - written);
    }
  } finally {
    await client.end();
    await stop(portal2);
    await stop(api2);
  }
  return times;
};

let visibility: number[] = [];
// Another checkout's bench on the same ports would be measured instead of ours.
for (const port of Object.values(ports)) {
  const taken = await fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${port} is in use: stop that process or set BENCH_PORT_OFFSET`);
}

const rows: string[] = [];
/** req/s of each cache mode, target and connection count, by data scale. */
const throughput = new Map<string, Partial<Record<number, number>>>();
const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');

console.log(
  `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB, load ${loadavg()[0]?.toFixed(1)}; ` +
    `${adminUrl ? 'PostgreSQL' : 'PGlite'}; ${rounds} round(s) × ${seconds} s; ` +
    `${new Date().toISOString()}\n`,
);
for (const scale of scales) {
  if (scale > 1 && !hasSynthetic) {
    console.log(
      `${scale}×: skipped — this checkout has no \`pnpm db:seed --synthetic\` (it comes with issue 10's item 3).\n`,
    );
    continue;
  }
  const env = await prepare(scale);
  for (const mode of modes) {
    const cache = mode === 'off' ? 'off' : 'on';
    const api = spawnChild('apps/api', ['src/main.ts'], {
      ...env,
      PORT: String(ports.api),
      HOST: '127.0.0.1',
      CACHE: cache,
    });
    await waitFor(`${apiUrl}/ready`, 600_000);
    const portal = spawnChild('apps/portal', ['server.js'], {
      PORT: String(ports.portal),
      HOST: '127.0.0.1',
      API_URL: apiUrl,
      CACHE: cache,
    });
    await waitFor(portalUrl);
    const input = encodeURIComponent(JSON.stringify({ membersOnly: true, limit: 50 }));
    const network = await pickSlug('organisations.list', undefined);
    const project = await pickSlug('projects.list', { limit: 1 });
    const targets: { name: string; url: string; floor?: 'municipalities' | 'projects' }[] = [
      {
        name: 'API municipalities.list',
        url: `${apiUrl}/trpc/municipalities.list?input=${input}`,
        floor: 'municipalities',
      },
      // A paginated list of content: 6 projects at 1×, 606 at 100×; a page of 5 is full at both,
      // so 100× against 1× shows what pagination keeps (a page of 20 would hold 6 rows at 1×).
      {
        name: 'API projects.list (5)',
        url: `${apiUrl}/trpc/projects.list?input=${encodeURIComponent(JSON.stringify({ limit: 5 }))}`,
        floor: 'projects',
      },
      { name: 'portal /kommuner', url: `${portalUrl}/kommuner` },
      { name: `portal /nettverk/${network}`, url: `${portalUrl}/nettverk/${network}` },
      { name: 'portal /prosjekter/…', url: `${portalUrl}/prosjekter/${project}` },
      { name: 'portal /', url: `${portalUrl}/` },
      // The library with a query and two facets, over 100 synthetic resources a scale.
      {
        name: 'portal /verktoy?q=klima&type=guide&tema=utslippskutt',
        url: `${portalUrl}/verktoy?q=klima&type=guide&tema=utslippskutt`,
      },
      { name: 'portal /sok?q=klima', url: `${portalUrl}/sok?q=klima` },
    ];
    for (const target of targets.filter(
      (t) => only.length === 0 || only.some((part) => t.name.includes(part)),
    )) {
      // Warm up (and fill the caches), then record the bytes the baseline sends.
      await measure(target.url, 10).catch(() => undefined);
      const baseline = await baselineFor(target.url);
      // Uncached on PostgreSQL, an API list is also measured against its floor (floor-server.ts).
      const floor =
        cache === 'off' && env.DATABASE_URL && target.floor
          ? await floorFor(target.floor, env)
          : null;
      for (const connections of connectionCounts) {
        const base: Figures[] = [];
        const least: Figures[] = [];
        const cand: Figures[] = [];
        for (let round = 0; round < rounds; round++) {
          base.push(await measure(`http://127.0.0.1:${ports.baseline}/`, connections));
          if (floor) least.push(await measure(`http://127.0.0.1:${ports.floor}/`, connections));
          cand.push(await measure(target.url, connections));
        }
        const b = medianOf(base);
        const line = (name: string, c: Figures) =>
          `| ${scale}× | ${cache} | ${name} | ${connections} | ${fmt(c.rps)} | ${c.p50} ms | ` +
          `${c.p99} ms | ${fmt(b.rps)} | ${b.p99} ms | ${(c.rps / b.rps).toFixed(3)} | ${c.failed} |`;
        if (floor) {
          const row = line(
            `floor of ${target.name} (its SQL statement and the bytes)`,
            medianOf(least),
          );
          rows.push(row);
          console.error(row);
        }
        const c = medianOf(cand);
        const row = line(target.name, c);
        rows.push(row);
        console.error(row);
        throughput.set(`${cache} | ${target.name} | ${connections}`, {
          ...throughput.get(`${cache} | ${target.name} | ${connections}`),
          [scale]: c.rps,
        });
      }
      await stop(baseline);
      if (floor) await stop(floor);
    }
    if (adminUrl && scale === 1 && cache === 'on') visibility = await writeVisibility(env);
    await stop(portal);
    await stop(api);
  }
}
console.log(
  '| data | cache | target | conns | req/s | p50 | p99 | raw req/s | raw p99 | ratio | failed |',
);
console.log('|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
// Issue 10: «uncached at 100× data, paginated lists keep ≥ 0.7× of their 1× throughput».
const scaled = [...throughput].filter(([, by]) => by[1] !== undefined && by[100] !== undefined);
if (scaled.length > 0) {
  console.log('\n| cache | target | conns | 100× req/s against 1× |\n|---|---|---:|---:|');
  for (const [key, by] of scaled)
    console.log(`| ${key} | ${((by[100] ?? 0) / (by[1] ?? 1)).toFixed(2)} |`);
}
if (visibility.length > 0) {
  console.log(
    `\nA write in the database, until another process's portal page shows it (5 writes): ` +
      `${visibility.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}`,
  );
}
for (const drop of dropped) await drop();
cleanUp();
// The library's search at 10 000 and 100 000 resources (issue 11) needs PostgreSQL; it is its own
// script, `pnpm bench:search`, run here too unless BENCH_SEARCH=off.
if (process.env.BENCH_SEARCH === 'off' || only.length > 0) {
  console.log('\nThe search benchmark was not run (BENCH_SEARCH=off or BENCH_TARGETS).');
} else if (!adminUrl) {
  console.log('\nThe search benchmark needs PostgreSQL (DATABASE_URL): `pnpm bench:search`.');
} else {
  console.log('\n`pnpm bench:search`:');
  const search = spawnSync(process.execPath, [join(repoRoot, 'scripts/search-bench.ts')], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: adminUrl },
  });
  process.exit(search.status ?? 1);
}
process.exit(0);
