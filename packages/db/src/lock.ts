import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export class DatabaseLockedError extends Error {
  override readonly name = 'DatabaseLockedError';
  readonly dir: string;
  readonly pid: number;
  constructor(dir: string, pid: number) {
    const who = pid === process.pid ? 'this process' : `another process (pid ${pid})`;
    super(
      `The embedded database at ${dir} is in use by ${who}, e.g. \`pnpm dev\`. ` +
        'Stop that process first, or set DATABASE_URL to use PostgreSQL.',
    );
    this.dir = dir;
    this.pid = pid;
  }
}

export const lockPathFor = (dir: string): string => `${dir.replace(/[/\\]+$/, '')}.lock`;

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readPid = (path: string): number | null => {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
};

/**
 * PGlite is single-process: two processes on one data directory corrupt it. Takes
 * `<dir>.lock` (holding our pid) or throws DatabaseLockedError; a lock whose pid is dead is
 * stale (a crash or Ctrl-C) and is taken over. Returns the release function.
 * Two processes taking over the same stale lock at the same instant could both succeed; that
 * window is a few microseconds of a developer starting two commands at once, accepted here.
 */
export const acquireDirLock = (dir: string): (() => void) => {
  const path = lockPathFor(dir);
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw error;
      const pid = readPid(path);
      // A lock file without a pid yet is being written by its owner right now.
      if (pid === null && attempt < 4) continue;
      if (pid !== null && isAlive(pid)) throw new DatabaseLockedError(dir, pid);
      try {
        unlinkSync(path);
      } catch {}
    }
  }
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (readPid(path) !== process.pid) return;
    try {
      unlinkSync(path);
    } catch {}
  };
  process.on('exit', release);
  return release;
};
