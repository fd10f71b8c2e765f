import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  articlesInReview,
  fileForServing,
  listArticles,
  migrate,
  openDatabase,
  seed,
} from '@klimakommuner/db';
import { localStorage } from '@klimakommuner/files';
import { afterAll, expect, it } from 'vitest';
import { seedDemoArticles } from '../src/article/demo.ts';

// The demo articles `pnpm dev` adds: real images through intake, marked, published, idempotent.

const dir = mkdtempSync(join(tmpdir(), 'kk-demo-articles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('adds marked demo articles with real images once, newest first, one in review', async () => {
  const handle = await openDatabase({ pgliteDir: 'memory://' });
  try {
    await migrate(handle.db);
    await seed(handle.db);
    const storage = localStorage(dir);
    expect(await seedDemoArticles(handle, storage)).toEqual({ added: 5 });
    expect(await seedDemoArticles(handle, storage)).toEqual({ added: 0 });
    const page = await listArticles(handle.db, {});
    expect(page.items).toHaveLength(4);
    expect(page.items.every((a) => a.demo)).toBe(true);
    expect(page.items[0]?.slug).toBe('felles-klimaregnskap-i-follo-demo');
    const images = page.items.flatMap((a) => (a.image ? [a.image] : []));
    expect(images).toHaveLength(2);
    expect(images.every((i) => i.altText !== '' && i.widths.length > 0)).toBe(true);
    expect((await fileForServing(handle.db, images[0]?.file ?? '', new Date()))?.public).toBe(true);
    expect((await articlesInReview(handle.db, 'all')).map((a) => a.demo)).toEqual([true]);
  } finally {
    await handle.close();
  }
});
