import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** A temporary directory for the file's tests, removed afterwards; `write` puts bytes in it. */
export const useTempDir = () => {
  let dir = '';
  let n = 0;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kk-files-test-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    get path() {
      return dir;
    },
    async write(bytes: Uint8Array, name = `file-${++n}`): Promise<string> {
      const path = join(dir, name);
      await writeFile(path, bytes);
      return path;
    },
  };
};
