import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase, search, seed } from '@klimakommuner/db';
import { localStorage } from '@klimakommuner/files';
import { afterAll, expect, it } from 'vitest';
import { seedDemoResources } from '../src/resource/demo.ts';

// The demo set `pnpm dev` adds: real files through intake, marked, published, idempotent.

const dir = mkdtempSync(join(tmpdir(), 'kk-demo-resources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('adds marked demo resources with real files once, and they are found', async () => {
  const handle = await openDatabase({ pgliteDir: 'memory://' });
  try {
    await migrate(handle.db);
    await seed(handle.db);
    const storage = localStorage(dir);
    expect(await seedDemoResources(handle, storage)).toEqual({ added: 4 });
    expect(await seedDemoResources(handle, storage)).toEqual({ added: 0 });
    const all = await search(handle.db, {});
    expect(all.total).toBe(3);
    expect(all.items.every((item) => item.demo)).toBe(true);
    expect(all.items.flatMap((item) => item.fileKinds).sort()).toEqual(['Excel', 'PDF', 'PNG']);
    // The PDF's text was extracted and is searchable.
    expect((await search(handle.db, { q: 'kartlegg utslippene' })).items[0]?.slug).toBe(
      'veileder-for-klimabudsjett-demo',
    );
  } finally {
    await handle.close();
  }
});
