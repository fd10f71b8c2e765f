import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FileUse, removableFiles, sweepFiles } from '../src/retention.ts';
import { localStorage } from '../src/storage/local.ts';
import { streamOf } from './support/streams.ts';
import { useTempDir } from './support/temp.ts';

const DAY = 86_400_000;
const policy = { auditWindowMs: 90 * DAY, orphanGraceMs: 2 * DAY };
const now = new Date('2026-11-30T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
const stored = (fileId: string, days = 400) => ({ fileId, modifiedAt: daysAgo(days) });

describe('which files may go', () => {
  it('keeps a deleted resource’s files until the deletion is past the audit window', () => {
    const uses: FileUse[] = [
      { fileId: 'recent', deletedAt: daysAgo(89) },
      { fileId: 'exactly', deletedAt: daysAgo(90) },
      { fileId: 'old', deletedAt: daysAgo(200) },
    ];
    const files = [stored('recent'), stored('exactly'), stored('old')];
    expect(removableFiles(files, uses, now, policy)).toEqual(['exactly', 'old']);
  });

  it('keeps a file while anything still uses it, and counts from the last deletion', () => {
    const uses: FileUse[] = [
      { fileId: 'shared', deletedAt: daysAgo(300) },
      { fileId: 'shared', deletedAt: null },
      { fileId: 'shared', deletedAt: daysAgo(200) },
      { fileId: 'versions', deletedAt: daysAgo(300) },
      { fileId: 'versions', deletedAt: daysAgo(10) },
      { fileId: 'live', deletedAt: null },
    ];
    const files = [stored('shared'), stored('versions'), stored('live')];
    expect(removableFiles(files, uses, now, policy)).toEqual([]);
  });

  it('gives an upload nothing uses yet its grace, then lets it go', () => {
    const files = [stored('fresh', 1), stored('abandoned', 3)];
    expect(removableFiles(files, [], now, policy)).toEqual(['abandoned']);
  });
});

describe('the sweep', () => {
  const temp = useTempDir();

  it('removes every key of the files that may go, and nothing else', async () => {
    const storage = localStorage(join(temp.path, 'files'));
    for (const key of [
      'gone/original',
      'gone/w320',
      'gone/w640',
      'kept/original',
      'fresh/original',
    ]) {
      await storage.put(key, streamOf(key));
    }
    const asked: string[][] = [];
    const report = await sweepFiles(storage, {
      policy,
      now: new Date(Date.now() + 3 * DAY), // the uploads above are three days old by then
      batchSize: 2,
      usesOf: async (ids) => {
        asked.push([...ids]);
        return [
          { fileId: 'gone', deletedAt: new Date(Date.now() - 100 * DAY) },
          { fileId: 'kept', deletedAt: new Date(Date.now() - 10 * DAY) },
          { fileId: 'fresh', deletedAt: null },
        ].filter((use) => ids.includes(use.fileId));
      },
    });
    expect(report).toEqual({ examined: 3, removed: ['gone'] });
    expect(asked.flat().sort()).toEqual(['fresh', 'gone', 'kept']);
    expect(asked.every((batch) => batch.length <= 2)).toBe(true);
    const left: string[] = [];
    for await (const object of storage.list('')) left.push(object.key);
    expect(left.sort()).toEqual(['fresh/original', 'kept/original']);
  });
});
