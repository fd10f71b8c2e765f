// `pnpm bench`: throughput of the API and the portal against a raw node:http server that sends
// the same bytes, so the figures show what our stack costs on top of Node itself.
// Runs the built apps on a fresh embedded database; prints a table; not part of CI.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { repoRoot, waitFor } from './lib/processes.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ports = { api: 4810, portal: 3810, baseline: 4890 };

const dataDir = mkdtempSync(join(tmpdir(), 'kk-bench-'));
const children: ChildProcess[] = [];
const run = (cwd: string, args: string[], env: Record<string, string>) => {
  const child = spawn(process.execPath, args, {
    cwd: join(repoRoot, cwd),
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
};
const cleanUp = () => {
  // The portal first, so that it does not log failed API calls while the API stops.
  for (const child of [...children].reverse()) child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
};
process.on('exit', cleanUp);

const apiUrl = `http://127.0.0.1:${ports.api}`;
const portalUrl = `http://127.0.0.1:${ports.portal}`;
run('apps/api', ['src/main.ts'], {
  PORT: String(ports.api),
  HOST: '127.0.0.1',
  PGLITE_DIR: join(dataDir, 'pglite'),
});
await waitFor(`${apiUrl}/ready`);
run('apps/portal', ['build'], { PORT: String(ports.portal), HOST: '127.0.0.1', API_URL: apiUrl });
await waitFor(portalUrl);

interface Target {
  readonly name: string;
  readonly url: string;
}
const input = encodeURIComponent(JSON.stringify({ membersOnly: true, limit: 50 }));
const targets: Target[] = [
  { name: 'API municipalities.list', url: `${apiUrl}/trpc/municipalities.list?input=${input}` },
  { name: 'portal /kommuner', url: `${portalUrl}/kommuner` },
];

/** A server that answers every request with one recorded response, byte for byte. */
const baselineFor = async (url: string): Promise<Server> => {
  const recorded = await fetch(url);
  if (!recorded.ok) throw new Error(`${url} answered ${recorded.status}`);
  const body = Buffer.from(await recorded.arrayBuffer());
  const contentType = recorded.headers.get('content-type') ?? 'application/octet-stream';
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(ports.baseline, '127.0.0.1', resolve));
  return server;
};

const measure = async (url: string) => {
  const result = await autocannon({ url, connections, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  return { rps: result.requests.average, p99: result.latency.p99 };
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

console.log(
  `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB; ${rounds} rounds × ${seconds} s, ${connections} connections\n`,
);
const rows: string[] = [];
for (const target of targets) {
  const baseline = await baselineFor(target.url);
  const baselineUrl = `http://127.0.0.1:${ports.baseline}/`;
  const base: { rps: number; p99: number }[] = [];
  const cand: { rps: number; p99: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    base.push(await measure(baselineUrl));
    cand.push(await measure(target.url));
  }
  await new Promise((resolve) => baseline.close(resolve));
  const b = { rps: median(base.map((r) => r.rps)), p99: median(base.map((r) => r.p99)) };
  const c = { rps: median(cand.map((r) => r.rps)), p99: median(cand.map((r) => r.p99)) };
  rows.push(
    `| ${target.name} | ${c.rps.toFixed(0)} | ${c.p99} ms | ${b.rps.toFixed(0)} | ${b.p99} ms | ${(c.rps / b.rps).toFixed(3)} |`,
  );
}
console.log('| target | req/s | p99 | baseline req/s | baseline p99 | ratio |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
cleanUp();
process.exit(0);
