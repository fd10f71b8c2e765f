import { type ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const apiDir = resolve(import.meta.dirname, '..', '..');

export interface ApiProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** How it ended: exit code or signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it printed so far. */
  output(): string;
}

/**
 * Starts `node src/main.ts` — the API as `pnpm start` runs it — on a free port of 127.0.0.1,
 * with `env` added (DATABASE_URL or PGLITE_DIR), and resolves once it listens.
 */
export const startApi = async (env: Record<string, string>): Promise<ApiProcess> => {
  const child = spawn(process.execPath, ['src/main.ts'], {
    cwd: apiDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      // Compiled once, reused by every later start: the tests start the API many times.
      NODE_COMPILE_CACHE: join(tmpdir(), 'kk-api-test-compile-cache'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  const url = await new Promise<string>((done, fail) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = /API listening on (http:\/\/\S+?:\d+)/.exec(text);
      if (match?.[1]) done(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(({ code, signal }) =>
      fail(new Error(`the API exited (${signal ?? code}) before listening:\n${text}`)),
    );
  });
  return { url, child, exited, output: () => text };
};

/** Sends `signal` and waits for the process to end. */
export const stopApi = async (api: ApiProcess, signal: NodeJS.Signals = 'SIGTERM') => {
  if (api.child.exitCode === null && api.child.signalCode === null) api.child.kill(signal);
  return api.exited;
};
