import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DatabaseLockedError,
  dbConfigFromEnv,
  findRepoRoot,
  openDatabase,
  ping,
} from '../src/index.ts';
import { acquireDirLock, lockPathFor } from '../src/lock.ts';

// The lock is taken before PGlite opens the directory, so only one test starts a PGlite.
describe('one process per embedded database directory', () => {
  let root: string;
  let dir: string;
  let sleeper: ChildProcess;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'kk-lock-'));
    // A real, live process other than this one that "owns" the database.
    sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  });
  afterEach(() => rmSync(lockPathFor(dir), { force: true }));
  afterAll(() => {
    sleeper.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses a directory locked by another live process', async () => {
    dir = join(root, 'live');
    writeFileSync(lockPathFor(dir), `${sleeper.pid}\n`);
    const opening = openDatabase({ pgliteDir: dir });
    await expect(opening).rejects.toBeInstanceOf(DatabaseLockedError);
    await expect(opening).rejects.toThrow(`in use by another process (pid ${sleeper.pid})`);
    await expect(opening).rejects.toThrow('set DATABASE_URL');
  });

  it('refuses a second open in the same process', async () => {
    dir = join(root, 'same');
    const release = acquireDirLock(dir);
    await expect(openDatabase({ pgliteDir: dir })).rejects.toThrow(/in use by this process/);
    release();
    expect(existsSync(lockPathFor(dir))).toBe(false);
  });

  it('takes over a stale lock, refuses a second open and releases the lock on close', async () => {
    dir = join(root, 'stale');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    writeFileSync(lockPathFor(dir), `${dead.stdout.toString()}\n`);
    const handle = await openDatabase({ pgliteDir: dir });
    try {
      expect(readFileSync(lockPathFor(dir), 'utf8').trim()).toBe(String(process.pid));
      await expect(openDatabase({ pgliteDir: dir })).rejects.toBeInstanceOf(DatabaseLockedError);
      await ping(handle.db);
    } finally {
      await handle.close();
    }
    expect(existsSync(lockPathFor(dir))).toBe(false);
  });

  it('does not delete a lock another process took after ours was released', () => {
    dir = join(root, 'handover');
    const release = acquireDirLock(dir);
    writeFileSync(lockPathFor(dir), `${sleeper.pid}\n`);
    release();
    expect(readFileSync(lockPathFor(dir), 'utf8').trim()).toBe(String(sleeper.pid));
  });
});

describe('dbConfigFromEnv', () => {
  const repo = findRepoRoot(import.meta.dirname);
  it('prefers DATABASE_URL', () => {
    expect(dbConfigFromEnv({ DATABASE_URL: 'postgres://x/y', PGLITE_DIR: 'z' })).toEqual({
      databaseUrl: 'postgres://x/y',
    });
  });
  it('resolves PGLITE_DIR against the repo root and defaults to .data/pglite', () => {
    expect(existsSync(join(repo, 'pnpm-workspace.yaml'))).toBe(true);
    expect(dbConfigFromEnv({ PGLITE_DIR: 'tmp/db' })).toEqual({ pgliteDir: join(repo, 'tmp/db') });
    expect(dbConfigFromEnv({ PGLITE_DIR: '/abs/db' })).toEqual({ pgliteDir: '/abs/db' });
    expect(dbConfigFromEnv({ PGLITE_DIR: 'memory://' })).toEqual({ pgliteDir: 'memory://' });
    expect(dbConfigFromEnv({})).toEqual({ pgliteDir: join(repo, '.data/pglite') });
  });
});
