// `pnpm bench:markdown`: how long each of CommonMark's pathological inputs takes to render at the
// field limit, and how fast `/health` answers while 50 such previews are in flight (one batch,
// then 50 parallel requests). Prints figures; asserts nothing (see docs/benchmarks.md).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { renderMarkdown } from '../apps/api/src/content/markdown.ts';
import { pathologicalCases } from '../apps/api/test/fixtures/pathological.ts';
import { MAX_MARKDOWN_LENGTH } from '../packages/domain/src/content/markdown.ts';
import { repoRoot, waitFor } from './lib/processes.ts';

const RUNS = Number(process.env.BENCH_MARKDOWN_RUNS ?? 5);
const IN_FLIGHT = 50;
const port = 4820 + Number(process.env.E2E_PORT_OFFSET ?? 0);
const cases = pathologicalCases(MAX_MARKDOWN_LENGTH);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

console.log(
  `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; ` +
    `inputs of at most ${MAX_MARKDOWN_LENGTH} characters, ${RUNS} runs each\n`,
);

// ——— 1. Each case on its own, in this process (first run cold, then the median). ———
// Wall-clock time depends on what else the machine runs; the CPU time this process spent is
// printed next to it, which other processes do not inflate.
console.log('| case | length | first run | median | slowest | median CPU |');
console.log('|---|---:|---:|---:|---:|---:|');
let slowest = 0;
let slowestCpu = 0;
for (const { name, input } of cases) {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    renderMarkdown(input);
    const used = process.cpuUsage(startCpu);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  const max = Math.max(...times);
  slowest = Math.max(slowest, max);
  slowestCpu = Math.max(slowestCpu, median(cpu));
  console.log(
    `| ${name} | ${input.length} | ${ms(times[0] ?? 0)} | ${ms(median(times))} | ${ms(max)} | ${ms(median(cpu))} |`,
  );
}
console.log(
  `\nSlowest single rendering: ${ms(slowest)}; highest median CPU time: ${ms(slowestCpu)} ` +
    '(the limit is 100 ms)\n',
);

// ——— 2. /health while 50 pathological previews are in flight. ———
const dataDir = mkdtempSync(join(tmpdir(), 'kk-markdown-bench-'));
const env = { ...process.env, NODE_ENV: 'production', PGLITE_DIR: join(dataDir, 'pglite') };
const email = 'bench@example.no';
const password = 'et-langt-benchpassord-2026';
const created = spawnSync(
  process.execPath,
  ['src/cli/users-create.ts', '--email', email, '--name', 'Bench', '--role', 'admin'],
  { cwd: join(repoRoot, 'apps/api'), env: { ...env, KK_PASSWORD: password }, stdio: 'ignore' },
);
if (created.status !== 0) throw new Error('could not create the bench user');

let api: ChildProcess | undefined = spawn(process.execPath, ['src/main.ts'], {
  cwd: join(repoRoot, 'apps/api'),
  env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const cleanUp = () => {
  api?.kill('SIGTERM');
  api = undefined;
  rmSync(dataDir, { recursive: true, force: true });
};
process.on('exit', cleanUp);

const url = `http://127.0.0.1:${port}`;
await waitFor(`${url}/ready`);
const signIn = await fetch(`${url}/trpc/auth.signIn`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email, password }),
});
const token = ((await signIn.json()) as { result: { data: { token: string } } }).result.data.token;
const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };

// The longest cases first, repeated up to 50 (not the NUL case: the API refuses NUL in any text).
const heavy = cases
  .filter(({ input }) => !input.includes('\u0000'))
  .sort((a, b) => b.input.length - a.input.length)
  .map((c) => c.input);
const bodies = Array.from({ length: IN_FLIGHT }, (_, i) => heavy[i % heavy.length] ?? '');

// The poller runs in a thread of its own, so this process's work (sending 50 bodies, reading
// their answers) does not count against /health.
const POLLER = `
const { parentPort, workerData } = require('node:worker_threads');
const latencies = [];
let done = false;
parentPort.on('message', () => { done = true; });
(async () => {
  while (!done) {
    const start = performance.now();
    const response = await fetch(workerData.url);
    await response.arrayBuffer();
    latencies.push([performance.timeOrigin + start, performance.now() - start]);
    await new Promise((r) => setTimeout(r, 5));
  }
  parentPort.postMessage(latencies);
})();
`;

/** Polls /health every 5 ms until `work` settles; returns the latencies and how long it took. */
const healthDuring = async (work: () => Promise<unknown>) => {
  const poller = new Worker(POLLER, { eval: true, workerData: { url: `${url}/health` } });
  const result = new Promise<[number, number][]>((resolve) => poller.once('message', resolve));
  // Its first requests (connection, compilation) are slow whatever the API does: not counted.
  await new Promise((r) => setTimeout(r, 200));
  const start = performance.now();
  const from = performance.timeOrigin + start;
  await work();
  const elapsed = performance.now() - start;
  poller.postMessage('stop');
  const latencies = (await result).filter(([at]) => at >= from).map(([, latency]) => latency);
  await poller.terminate();
  return { latencies, elapsed };
};

const ok = async (response: Response) => {
  const text = await response.text();
  if (!response.ok || text.includes('"error"'))
    throw new Error(`preview answered ${text.slice(0, 200)}`);
};
const batch = () =>
  fetch(`${url}/trpc/${Array(IN_FLIGHT).fill('projects.preview').join(',')}?batch=1`, {
    method: 'POST',
    headers,
    body: JSON.stringify(Object.fromEntries(bodies.map((body, i) => [i, { body }]))),
  }).then(ok);
const parallel = () =>
  Promise.all(
    bodies.map((body) =>
      fetch(`${url}/trpc/projects.preview`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ body }),
      }).then(ok),
    ),
  );

const idle = await healthDuring(() => new Promise((r) => setTimeout(r, 500)));
console.log('| /health while … | answers | median | p99 | slowest | previews took |');
console.log('|---|---:|---:|---:|---:|---:|');
const row = (label: string, r: { latencies: number[]; elapsed: number }) =>
  console.log(
    `| ${label} | ${r.latencies.length} | ${ms(median(r.latencies))} | ` +
      `${ms(percentile(r.latencies, 99))} | ${ms(Math.max(...r.latencies))} | ${ms(r.elapsed)} |`,
  );
row('idle', idle);
row(`one batch of ${IN_FLIGHT} previews`, await healthDuring(batch));
row(`${IN_FLIGHT} parallel previews`, await healthDuring(parallel));
console.log('\n(the limit for /health is 50 ms)');
cleanUp();
process.exit(0);
