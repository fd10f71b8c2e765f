import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface DbConfig {
  databaseUrl?: string;
  /**
   * A read replica of `databaseUrl` (`DATABASE_READ_URL`) for anonymous public reads; only with
   * `databaseUrl`.
   */
  readUrl?: string;
  /** A directory for the embedded database, or 'memory://' for a throwaway in-memory one. */
  pgliteDir?: string;
}

export const MEMORY = 'memory://';

const findUp = (from: string): string | null => {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
};

/**
 * The monorepo root: the nearest ancestor holding pnpm-workspace.yaml, looked up from `from`
 * (the working directory), then from this file's location; the working directory otherwise.
 */
export const findRepoRoot = (from: string = process.cwd()): string =>
  findUp(from) ?? findUp(import.meta.dirname) ?? resolve(from);

export const dbConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): DbConfig => {
  const url = env.DATABASE_URL?.trim();
  const readUrl = env.DATABASE_READ_URL?.trim();
  if (url) return readUrl ? { databaseUrl: url, readUrl } : { databaseUrl: url };
  const dir = env.PGLITE_DIR?.trim();
  if (dir === MEMORY) return { pgliteDir: MEMORY };
  // Relative to the repo root, not the cwd: `pnpm --filter` runs scripts inside the package.
  return { pgliteDir: resolve(findRepoRoot(), dir || '.data/pglite') };
};
