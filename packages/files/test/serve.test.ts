import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { asciiFallback, contentDisposition, downloadName } from '../src/filename.ts';
import { pdfFile } from '../src/fixtures/index.ts';
import { fileHeaders, serveFile } from '../src/serve.ts';
import { localStorage } from '../src/storage/local.ts';
import type { Storage } from '../src/storage/storage.ts';
import { bytesOf, streamOf } from './support/streams.ts';
import { useTempDir } from './support/temp.ts';

const temp = useTempDir();
let storage: Storage;
const pdf = pdfFile({ pages: [['Rapport']] });
const report = {
  key: 'r1/original',
  kind: 'pdf' as const,
  mediaType: 'application/pdf',
  sha256: 'ab'.repeat(32),
  title: 'Klimaregnskap for Ås og Bærum 2026',
};

beforeAll(async () => {
  storage = localStorage(join(temp.path, 'files'));
  await storage.put('r1/original', streamOf(pdf));
  await storage.put('i1/w640', streamOf('webp bytes'));
});

describe('download names', () => {
  it('are made from the title and the detected kind, never a path', () => {
    expect(downloadName('Klimaregnskap for Ås', 'pdf')).toBe('Klimaregnskap for Ås.pdf');
    expect(downloadName('../../etc/passwd', 'csv')).toBe('etc passwd.csv');
    expect(downloadName('C:\\Users\\ola\\rapport.exe', 'docx')).toBe(
      'C Users ola rapport.exe.docx',
    );
    expect(downloadName('  \u0000 ', 'jpeg')).toBe('fil.jpg');
    // A right-to-left override would show «rapport\u202egpj.pdf» as «rapportfdp.jpg».
    expect(downloadName('rapport\u202egpj', 'pdf')).toBe('rapportgpj.pdf');
    expect(downloadName('a'.repeat(300), 'pdf')).toHaveLength(124);
  });

  it('are spelled out for old clients and encoded per RFC 5987 for the rest', () => {
    expect(asciiFallback('Ærlig talt – Øst-Ås "ny".pdf')).toBe('Aerlig talt _ Ost-As _ny_.pdf');
    expect(contentDisposition('attachment', 'Tiltak i Ås (2026).pdf')).toBe(
      `attachment; filename="Tiltak i As (2026).pdf"; filename*=UTF-8''Tiltak%20i%20%C3%85s%20%282026%29.pdf`,
    );
  });
});

describe('serving a stored file', () => {
  it('sends a document as an attachment, sandboxed, with its detected type', async () => {
    const served = await serveFile(storage, report, 'public');
    expect(served.status).toBe(200);
    if (served.status !== 200) return;
    expect(served.headers).toEqual({
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.length),
      'Content-Disposition': `attachment; filename="Klimaregnskap for As og Baerum 2026.pdf"; filename*=UTF-8''Klimaregnskap%20for%20%C3%85s%20og%20B%C3%A6rum%202026.pdf`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      ETag: `"${'ab'.repeat(32)}"`,
      'Cache-Control': 'public, max-age=3600',
      'Accept-Ranges': 'none',
    });
    expect((await bytesOf(served.body)).equals(pdf)).toBe(true);
  });

  it('shows an image inline, under the version’s own type and extension', () => {
    const headers = fileHeaders(
      {
        key: 'i1/w640',
        kind: 'png',
        mediaType: 'image/webp',
        sha256: 'cd'.repeat(32),
        title: 'Kart',
      },
      10,
      'public',
    );
    expect(headers['Content-Type']).toBe('image/webp');
    expect(headers['Content-Disposition']).toMatch(/^inline; filename="Kart\.webp"/);
  });

  it('keeps a draft’s file out of every cache, and names CSV as UTF-8', () => {
    const headers = fileHeaders({ ...report, kind: 'csv', mediaType: 'text/csv' }, 5, 'private');
    expect(headers['Cache-Control']).toBe('private, no-store');
    expect(headers['Content-Type']).toBe('text/csv; charset=utf-8');
  });

  it('answers 304 to a client that has it, and 404 for nothing stored', async () => {
    const etag = `"${'ab'.repeat(32)}"`;
    expect(await serveFile(storage, report, 'public', `W/"x", ${etag}`)).toEqual({
      status: 304,
      headers: { ETag: etag, 'Cache-Control': 'public, max-age=3600' },
    });
    expect(await serveFile(storage, { ...report, key: 'gone/original' }, 'public')).toEqual({
      status: 404,
    });
  });
});
