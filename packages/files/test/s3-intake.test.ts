import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfFile, pngImage } from '../src/fixtures/index.ts';
import { intakeStream } from '../src/intake.ts';
import { serveFile } from '../src/serve.ts';
import { openStorage } from '../src/storage/open.ts';
import type { Storage } from '../src/storage/storage.ts';
import { startTestS3, type TestS3 } from './support/s3-server.ts';
import { bytesOf, streamOf } from './support/streams.ts';
import { useTempDir } from './support/temp.ts';

/** Intake and serving on S3-compatible storage, end to end (the storage suite covers the rest). */
const temp = useTempDir();
let s3: TestS3;
let storage: Storage;

beforeAll(async () => {
  s3 = await startTestS3();
  storage = openStorage(s3.config);
});

afterAll(async () => {
  await s3?.stop();
});

describe('intake into S3-compatible storage', () => {
  it('stores an image’s versions and serves the original', async () => {
    const result = await intakeStream(
      storage,
      streamOf(await pngImage({ width: 500, height: 250 })),
      {
        spoolDir: temp.path,
        altText: 'Vindmøller ved Øyeren',
      },
    );
    if (!result.ok) throw new Error(result.refusal.message);
    const keys: string[] = [];
    for await (const object of storage.list(`${result.file.id}/`)) keys.push(object.key);
    expect(keys.sort()).toEqual(
      ['original', 'w320', 'w500'].map((name) => `${result.file.id}/${name}`),
    );
    const original = result.file.variants[0];
    if (!original) throw new Error('no original');
    const served = await serveFile(
      storage,
      {
        key: original.key,
        kind: 'png',
        mediaType: original.mediaType,
        sha256: original.sha256,
        title: 'Vindmøller',
      },
      'public',
    );
    if (served.status !== 200) throw new Error(`status ${served.status}`);
    expect(served.headers['Content-Length']).toBe(String(original.size));
    expect((await bytesOf(served.body)).length).toBe(original.size);
  });

  it('stores a PDF and leaves nothing of a refused upload', async () => {
    const pdf = pdfFile({ pages: [['Klimatilpasning i Nordre Follo']] });
    const accepted = await intakeStream(storage, streamOf(pdf), { spoolDir: temp.path });
    expect(accepted).toMatchObject({ ok: true, file: { kind: 'pdf', size: pdf.length } });
    const before: string[] = [];
    for await (const object of storage.list('')) before.push(object.key);
    const refusedUpload = await intakeStream(storage, streamOf('<svg onload="alert(1)"/>'), {
      spoolDir: temp.path,
    });
    expect(refusedUpload).toMatchObject({ ok: false, refusal: { code: 'not-allowed' } });
    const after: string[] = [];
    for await (const object of storage.list('')) after.push(object.key);
    expect(after.sort()).toEqual(before.sort());
  });
});
