import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Its own file, so the CLI's seconds (a PGlite start, migrate, seed) overlap the other files.
describe('pnpm users:create', () => {
  const run = (env: Record<string, string>, args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['src/cli/users-create.ts', ...args], {
        cwd: new URL('..', import.meta.url),
        env: { ...process.env, DATABASE_URL: '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
      });
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });

  it('refuses a weak password and a missing one without a terminal', async () => {
    const admin = ['--email', 'x@test.no', '--name', 'X', '--role', 'admin'];
    const weak = await run({ KK_PASSWORD: 'passord12345', PGLITE_DIR: 'memory://' }, admin);
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('Passordet er for vanlig');
    const none = await run({ KK_PASSWORD: '', PGLITE_DIR: 'memory://' }, admin);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('KK_PASSWORD');
  });

  it('creates an editor in a PGlite directory', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kk-cli-'));
    try {
      const made = await run({ KK_PASSWORD: 'et langt og godt passord', PGLITE_DIR: dir }, [
        '--email',
        ' Ny@Test.no ',
        '--name',
        'Ny Redaktør',
        '--role',
        'editor',
        '--organisation',
        'ken',
      ]);
      expect(made.stderr).toBe('');
      expect(made.status).toBe(0);
      expect(made.stdout).toContain('Opprettet ny@test.no (editor)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
