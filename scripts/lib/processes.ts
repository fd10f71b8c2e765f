// Starts the three apps as child processes, prefixes their output, and stops them together.
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

export interface ProcessSpec {
  readonly name: string;
  readonly cwd: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Record<string, string>;
}

const children: ChildProcess[] = [];

const prefixLines = (name: string, chunk: Buffer, out: NodeJS.WriteStream) => {
  for (const line of chunk.toString().split('\n')) {
    if (line.trim() !== '') out.write(`[${name}] ${line}\n`);
  }
};

export const start = (spec: ProcessSpec): ChildProcess => {
  const child = spawn(spec.command, spec.args, {
    cwd: resolve(repoRoot, spec.cwd),
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => prefixLines(spec.name, chunk, process.stdout));
  child.stderr?.on('data', (chunk: Buffer) => prefixLines(spec.name, chunk, process.stderr));
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[${spec.name}] stopped (${signal ?? `exit code ${code}`}); stopping the others`);
    stopAll(code ?? 1);
  });
  children.push(child);
  return child;
};

let stopping = false;
export const stopAll = (exitCode = 0) => {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(exitCode), 3000).unref();
  Promise.all(
    children.map((c) =>
      c.exitCode === null ? new Promise((r) => c.once('exit', r)) : Promise.resolve(),
    ),
  ).then(() => process.exit(exitCode));
};

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

/** Polls a URL until it answers 2xx, so the apps start after the API is ready. */
export const waitFor = async (url: string, timeoutMs = 60_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not become ready within ${timeoutMs / 1000} s`);
};
