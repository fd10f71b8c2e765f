import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface DbConfig {
  databaseUrl?: string;
  /** A directory for the embedded database, or 'memory://' for a throwaway in-memory one. */
  pgliteDir?: string;
}

export const MEMORY = 'memory://';

/** The nearest ancestor of `from` that holds pnpm-workspace.yaml (the monorepo root). */
export const findRepoRoot = (from: string = process.cwd()): string => {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(from);
    dir = parent;
  }
};

export const dbConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): DbConfig => {
  const url = env.DATABASE_URL?.trim();
  if (url) return { databaseUrl: url };
  const dir = env.PGLITE_DIR?.trim();
  if (dir === MEMORY) return { pgliteDir: MEMORY };
  // Relative to the repo root, not the cwd: `pnpm --filter` runs scripts inside the package.
  const root = findRepoRoot(import.meta.dirname);
  return { pgliteDir: resolve(root, dir || '.data/pglite') };
};
