import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  createResource,
  deleteResource,
  fileUses,
  migrate,
  openDatabase,
  recordFile,
  seed,
  transitionResource,
} from '@klimakommuner/db';
import { FILE_AUDIT_WINDOW_DAYS } from '@klimakommuner/domain';
import { intakeStream, localStorage } from '@klimakommuner/files';
import { pdfFile } from '@klimakommuner/files/fixtures';
import { Result } from 'effect';
import { afterAll, expect, it } from 'vitest';
import { sweepStoredFiles } from '../src/resource/sweep.ts';

// Deleting a resource keeps its files until the deletion is past the audit window.

const dir = mkdtempSync(join(tmpdir(), 'kk-sweep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DAY = 24 * 60 * 60 * 1000;

it('keeps a deleted resource’s file through the audit window, then removes it; orphans after a day', async () => {
  const handle = await openDatabase({ pgliteDir: 'memory://' });
  try {
    await migrate(handle.db);
    await seed(handle.db);
    const storage = localStorage(dir);
    const upload = async () => {
      const intake = await intakeStream(storage, Readable.from([pdfFile({ pages: [['Tekst']] })]));
      if (!intake.ok) throw new Error(intake.refusal.message);
      await recordFile(
        handle.db,
        { file: { ...intake.file, kindLabel: 'PDF' }, organisation: 'ken' },
        null,
      );
      return intake.file.id;
    };
    const kept = await upload();
    const orphan = await upload();
    const created = await createResource(
      handle.db,
      {
        title: 'Slettes',
        summary: '',
        body: '',
        bodyHtml: '',
        kind: 'report',
        themes: ['mat'],
        project: null,
        owner: 'ken',
        municipalities: [],
        audience: [],
        language: 'nb',
        attachments: [{ file: kept, title: 'Rapport', altText: null }],
        links: [],
        publishedOn: null,
        lastReviewedOn: null,
      },
      null,
    );
    if (Result.isFailure(created)) throw created.failure;
    const published = await transitionResource(
      handle.db,
      { slug: created.success.slug, version: 1, transition: 'publish' },
      null,
    );
    if (Result.isFailure(published)) throw published.failure;
    // In use: nothing goes, however late.
    const later = new Date(Date.now() + 2 * DAY);
    expect((await sweepStoredFiles(handle.db, storage, later)).removed).toEqual([orphan]);
    expect(await storage.head(`${orphan}/original`)).toBeNull();
    expect(await storage.head(`${kept}/original`)).not.toBeNull();

    await deleteResource(handle.db, { slug: created.success.slug, version: 2 }, null);
    const inWindow = new Date(Date.now() + (FILE_AUDIT_WINDOW_DAYS - 1) * DAY);
    expect((await sweepStoredFiles(handle.db, storage, inWindow)).removed).toEqual([]);
    const past = new Date(Date.now() + (FILE_AUDIT_WINDOW_DAYS + 1) * DAY);
    expect((await sweepStoredFiles(handle.db, storage, past)).removed).toEqual([kept]);
    expect(await storage.head(`${kept}/original`)).toBeNull();
    expect(await fileUses(handle.db, [kept, orphan])).toEqual([]);
  } finally {
    await handle.close();
  }
});
