// Starts the API for the browser tests on a fresh embedded database in a temporary folder, with
// the test accounts created first through `users:create`, the command the README documents.
// Production mode: no demo users, so every account here is one the tests made.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { accounts } from './accounts.ts';

const apiDir = resolve(import.meta.dirname, '..', 'apps', 'api');
const dataDir = mkdtempSync(join(tmpdir(), 'kk-e2e-'));
const env = { ...process.env, NODE_ENV: 'production', PGLITE_DIR: join(dataDir, 'pglite') };

for (const account of Object.values(accounts)) {
  const args = ['src/cli/users-create.ts', '--email', account.email, '--name', account.name];
  args.push('--role', account.role);
  if (account.organisation) args.push('--organisation', account.organisation);
  const created = spawnSync(process.execPath, args, {
    cwd: apiDir,
    env: { ...env, KK_PASSWORD: account.password },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (created.status !== 0) {
    console.error(`users:create failed for ${account.email}`);
    process.exit(1);
  }
}

const api = spawn(process.execPath, ['src/main.ts'], { cwd: apiDir, env, stdio: 'inherit' });
const stop = () => api.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
api.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
