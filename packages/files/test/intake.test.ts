import { createHash } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  csvFile,
  docmFile,
  docxFile,
  jpegImage,
  oversizedStream,
  pdfFile,
  pixelBombPng,
  pngImage,
  svgWithScript,
} from '../src/fixtures/index.ts';
import { intakeStream, MAX_UPLOAD_BYTES } from '../src/intake.ts';
import { intakeMultipart } from '../src/multipart.ts';
import { localStorage } from '../src/storage/local.ts';
import type { Storage } from '../src/storage/storage.ts';
import { MULTIPART_TYPE, multipart } from './support/multipart.ts';
import { bytesOf, streamOf } from './support/streams.ts';
import { useTempDir } from './support/temp.ts';

const temp = useTempDir();
let storage: Storage;
let spoolDir: string;
let n = 0;

beforeAll(async () => {
  spoolDir = join(temp.path, 'spool');
  await mkdir(spoolDir);
});

/** A fresh, empty storage for each use, and the spool directory the uploads wait in. */
const fresh = async () => {
  const dir = join(temp.path, `storage-${++n}`);
  storage = localStorage(dir);
  return { storage, options: { spoolDir } };
};

const storedKeys = async (store: Storage) => {
  const keys: string[] = [];
  for await (const object of store.list('')) keys.push(object.key);
  return keys.sort();
};

const read = async (store: Storage, key: string) => {
  const got = await store.get(key);
  if (!got) throw new Error(`nothing under ${key}`);
  return bytesOf(got.body);
};

/** Nothing stored, nothing left waiting. */
const expectNothingLeft = async (store: Storage) => {
  expect(await storedKeys(store)).toEqual([]);
  expect(await readdir(spoolDir)).toEqual([]);
};

describe('documents', () => {
  it('stores a PDF as it came, with its hash and its text', async () => {
    const { storage, options } = await fresh();
    const pdf = pdfFile({ pages: [['Veileder for klimavennlige anskaffelser i Ås']] });
    const result = await intakeStream(storage, streamOf(pdf), { ...options, newId: () => 'f-1' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file).toMatchObject({
      id: 'f-1',
      kind: 'pdf',
      mediaType: 'application/pdf',
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      image: null,
    });
    expect(result.file.text).toContain('Veileder for klimavennlige anskaffelser i Ås');
    expect(await storedKeys(storage)).toEqual(['f-1/original']);
    expect((await read(storage, 'f-1/original')).equals(pdf)).toBe(true);
    expect(await readdir(spoolDir)).toEqual([]);
  });

  it('takes a multipart form: the file part and the other fields, whatever path or foreign extension the name has', async () => {
    const { storage, options } = await fresh();
    const docx = docxFile(['Mal for klimabudsjett']);
    const body = multipart([
      { name: 'title', data: 'Mal for klimabudsjett – Bærum' },
      {
        name: 'file',
        filename: 'C:\\Users\\ola\\mal.exe',
        contentType: 'application/x-msdownload',
        data: docx,
      },
    ]);
    const result = await intakeMultipart(storage, body, MULTIPART_TYPE, options);
    expect(result).toMatchObject({ ok: true, fields: { title: 'Mal for klimabudsjett – Bærum' } });
    if (!result.ok) return;
    expect(result.file.kind).toBe('docx');
    expect(result.file.text).toBeNull();
    expect(await storedKeys(storage)).toEqual([`${result.file.id}/original`]);
  });

  it.each([
    ['bilde.png', () => pdfFile({ pages: [['x']] }), '.png', 'PDF', '.pdf'],
    ['Budsjett.XLSX', () => docxFile(['Notat']), '.xlsx', 'Word', '.docx'],
    [
      'foto.jpeg',
      () =>
        csvFile([
          ['a', 'b'],
          [1, 2],
        ]),
      '.jpeg',
      'CSV',
      '.csv',
    ],
  ])(
    'refuses %s whose bytes are another allowed kind, and stores nothing',
    async (filename, make, named, label, extension) => {
      const { storage, options } = await fresh();
      const body = multipart([{ name: 'file', filename, contentType: 'image/png', data: make() }]);
      const result = await intakeMultipart(storage, body, MULTIPART_TYPE, options);
      expect(result).toMatchObject({
        ok: false,
        refusal: {
          code: 'name-mismatch',
          field: 'file',
          status: 415,
          message: `Filen heter ${named}, men innholdet er ${label}. Sjekk at du har valgt riktig fil, eller gi den endelsen ${extension}.`,
        },
      });
      await expectNothingLeft(storage);
    },
  );

  it.each([
    ['RAPPORT.PDF', () => Promise.resolve(pdfFile({ pages: [['x']] })), 'pdf'],
    ['notat', () => Promise.resolve(pdfFile({ pages: [['x']] })), 'pdf'],
    [
      'tall.txt',
      () =>
        Promise.resolve(
          csvFile([
            ['a', 'b'],
            [1, 2],
          ]),
        ),
      'csv',
    ],
    ['foto.jpeg', () => jpegImage({ width: 8, height: 8 }), 'jpeg'],
    ['foto.JFIF', () => jpegImage({ width: 8, height: 8 }), 'jpeg'],
    // An image named as another image kind is still the picture chosen (and is re-encoded).
    ['skjermbilde.jpg', () => pngImage({ width: 8, height: 8 }), 'png'],
  ])(
    'takes %s, whose name agrees with its bytes or names no allowed kind',
    async (filename, make, kind) => {
      const { storage, options } = await fresh();
      const body = multipart([
        { name: 'alt', data: 'Et bilde' },
        { name: 'file', filename, data: await make() },
      ]);
      const result = await intakeMultipart(storage, body, MULTIPART_TYPE, options);
      expect(result).toMatchObject({ ok: true, file: { kind } });
    },
  );

  it.each([
    [
      'an SVG with a script',
      svgWithScript,
      'not-allowed',
      'Filen er ikke en av de tillatte typene (PDF, Word, Excel, PowerPoint, OpenDocument, CSV, PNG, JPEG, WebP).',
    ],
    [
      'a macro-enabled Word document',
      () => docmFile(),
      'active-content',
      'Filen inneholder makroer',
    ],
  ])('refuses %s, in Norwegian, and stores nothing', async (_, make, code, message) => {
    const { storage, options } = await fresh();
    const body = multipart([{ name: 'file', filename: 'rapport.docx', data: make() }]);
    const result = await intakeMultipart(storage, body, MULTIPART_TYPE, options);
    expect(result).toMatchObject({ ok: false, refusal: { code, field: 'file', status: 415 } });
    if (!result.ok) expect(result.refusal.message).toContain(message);
    await expectNothingLeft(storage);
  });
});

describe('the size limit', () => {
  it('refuses an endless upload as soon as it passes 20 MB, without reading the rest', async () => {
    const { storage, options } = await fresh();
    const body = oversizedStream(1024 * 1024 * 1024);
    const result = await intakeStream(storage, body, options);
    expect(result).toMatchObject({
      ok: false,
      refusal: { code: 'too-large', status: 413, message: 'Filen er større enn 20 MB.' },
    });
    // Read up to the limit and at most a few chunks (buffers between the streams) past it.
    expect(body.produced).toBeGreaterThan(MAX_UPLOAD_BYTES);
    expect(body.produced).toBeLessThan(MAX_UPLOAD_BYTES + 1024 * 1024);
    expect(body.destroyed).toBe(false); // left for the server to answer and close
    await expectNothingLeft(storage);
  });

  it('refuses an endless file part of a multipart form the same way', async () => {
    const { storage, options } = await fresh();
    const file = oversizedStream(1024 * 1024 * 1024);
    const body = multipart([{ name: 'file', filename: 'stor.pdf', data: file }]);
    const result = await intakeMultipart(storage, body, MULTIPART_TYPE, options);
    expect(result).toMatchObject({ ok: false, refusal: { code: 'too-large' } });
    expect(file.produced).toBeLessThan(MAX_UPLOAD_BYTES + 1024 * 1024);
    await expectNothingLeft(storage);
  });

  it('takes a file of exactly the limit and refuses one byte more', async () => {
    const { storage, options } = await fresh();
    const csv = csvFile([
      ['a', 'b'],
      ['1', '2'],
    ]);
    const limit = { ...options, maxBytes: csv.length };
    expect((await intakeStream(storage, streamOf(csv), limit)).ok).toBe(true);
    const longer = Buffer.concat([csv, Buffer.from('\n')]);
    expect(await intakeStream(storage, streamOf(longer), limit)).toMatchObject({
      ok: false,
      refusal: { code: 'too-large' },
    });
  });

  it('refuses a declared length over the limit before reading anything', async () => {
    const { storage, options } = await fresh();
    const body = oversizedStream(100 * 1024 * 1024);
    const result = await intakeStream(storage, body, {
      ...options,
      contentLength: 100 * 1024 * 1024,
    });
    expect(result).toMatchObject({ ok: false, refusal: { code: 'too-large' } });
    expect(body.produced).toBe(0);
  });

  it('says so in the limit it was given', async () => {
    const { storage, options } = await fresh();
    const result = await intakeStream(storage, oversizedStream(3 * 1024 * 1024), {
      ...options,
      maxBytes: 1.5 * 1024 * 1024,
    });
    expect(result).toMatchObject({
      ok: false,
      refusal: { message: 'Filen er større enn 1,5 MB.' },
    });
  });
});

describe('images', () => {
  it('re-encodes an image into widths it has, never larger, and stores no uploaded bytes', async () => {
    const { storage, options } = await fresh();
    const png = await pngImage({ width: 700, height: 350 });
    const body = multipart([
      { name: 'alt', data: '  Kart over   kommunene i Follo ' },
      { name: 'file', filename: 'kart.png', data: png },
    ]);
    const result = await intakeMultipart(storage, body, MULTIPART_TYPE, {
      ...options,
      newId: () => 'img',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.image).toEqual({
      width: 700,
      height: 350,
      altText: 'Kart over kommunene i Follo',
    });
    expect(result.file.variants.map((v) => [v.name, v.mediaType, v.width, v.height])).toEqual([
      ['original', 'image/png', 700, 350],
      ['w320', 'image/webp', 320, 160],
      ['w640', 'image/webp', 640, 320],
      ['w700', 'image/webp', 700, 350],
    ]);
    expect(await storedKeys(storage)).toEqual(['img/original', 'img/w320', 'img/w640', 'img/w700']);
    for (const variant of result.file.variants) {
      const bytes = await read(storage, variant.key);
      expect(bytes.length).toBe(variant.size);
      const meta = await sharp(bytes).metadata();
      expect([meta.format, meta.width]).toEqual([variant.mediaType.slice(6), variant.width]);
    }
  });

  it('turns a photo upright and strips its metadata', async () => {
    const { storage, options } = await fresh();
    const jpeg = await jpegImage({ width: 64, height: 32, orientation: 6 });
    expect(jpeg.includes('Kari Nordmann')).toBe(true);
    const result = await intakeStream(storage, streamOf(jpeg), {
      ...options,
      altText: 'Solceller på taket',
    });
    if (!result.ok) throw new Error(result.refusal.message);
    expect(result.file.image).toMatchObject({ width: 32, height: 64 });
    const original = await read(storage, `${result.file.id}/original`);
    const meta = await sharp(original).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 32, height: 64 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(original.includes('Kari Nordmann')).toBe(false);
    // The red corner was top left as stored; turned 90° clockwise it is top right.
    const { data, info } = await sharp(original).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => data[(y * info.width + x) * info.channels] as number;
    expect(at(info.width - 2, 2)).toBeGreaterThan(200);
    expect(at(1, 2)).toBeLessThan(100);
  });

  it('needs alt text for an image, and says so next to the field', async () => {
    const { storage, options } = await fresh();
    const body = multipart([
      { name: 'alt', data: '   ' },
      { name: 'file', filename: 'a.png', data: await pngImage() },
    ]);
    const result = await intakeMultipart(storage, body, MULTIPART_TYPE, options);
    expect(result).toMatchObject({
      ok: false,
      refusal: {
        code: 'alt-missing',
        field: 'alt',
        message: 'Skriv en alternativ tekst som forteller hva bildet viser.',
      },
    });
    await expectNothingLeft(storage);
  });

  it('refuses alt text with characters that cannot be stored, and counts letters, not UTF-16 units', async () => {
    const png = await pngImage();
    for (const altText of [
      'Kart\u0000',
      'Kart \u0007over Follo',
      'Kart \ud800over Follo',
      'Kart\u0085',
    ]) {
      const { storage, options } = await fresh();
      const result = await intakeStream(storage, streamOf(png), { ...options, altText });
      expect(result, JSON.stringify(altText)).toMatchObject({
        ok: false,
        refusal: { code: 'alt-unstorable', field: 'alt', status: 400 },
      });
      await expectNothingLeft(storage);
    }
    // A thousand letters of two UTF-16 units each are a thousand letters.
    const { storage, options } = await fresh();
    const taken = await intakeStream(storage, streamOf(png), {
      ...options,
      altText: '🌍'.repeat(1000),
    });
    expect(taken.ok).toBe(true);
    const tooLong = await intakeStream(storage, streamOf(png), {
      ...options,
      altText: '🌍'.repeat(1001),
    });
    expect(tooLong).toMatchObject({ ok: false, refusal: { code: 'alt-too-long', field: 'alt' } });
  });

  it('answers an alt text longer than a form field may be as too long, next to the field', async () => {
    const { storage, options } = await fresh();
    const body = multipart([
      { name: 'alt', data: 'ø'.repeat(5_001) },
      { name: 'file', filename: 'a.png', data: await pngImage() },
    ]);
    const result = await intakeMultipart(storage, body, MULTIPART_TYPE, options);
    expect(result).toMatchObject({
      ok: false,
      refusal: { code: 'alt-too-long', field: 'alt', status: 400 },
    });
    await expectNothingLeft(storage);
  });

  it('refuses a PDF named .png where an image is wanted', async () => {
    const { storage, options } = await fresh();
    const body = multipart([
      { name: 'alt', data: 'Et bilde' },
      {
        name: 'file',
        filename: 'bilde.png',
        contentType: 'image/png',
        data: pdfFile({ pages: [['x']] }),
      },
    ]);
    const result = await intakeMultipart(storage, body, MULTIPART_TYPE, {
      ...options,
      accept: 'image',
    });
    expect(result).toMatchObject({
      ok: false,
      refusal: {
        code: 'not-an-image',
        message: 'Filen er ikke et bilde. Bruk PNG, JPEG eller WebP.',
      },
    });
    await expectNothingLeft(storage);
  });

  it('refuses a decompression bomb from its header, before decoding', async () => {
    const { storage, options } = await fresh();
    const result = await intakeStream(storage, streamOf(pixelBombPng()), {
      ...options,
      altText: 'Bombe',
    });
    expect(result).toMatchObject({
      ok: false,
      refusal: {
        code: 'too-many-pixels',
        message: 'Bildet er for stort (mer enn 50 megapiksler). Gjør det mindre og prøv igjen.',
      },
    });
    await expectNothingLeft(storage);
  });

  it('calls an image cut off halfway damaged and stores nothing of it', async () => {
    const { storage, options } = await fresh();
    const png = await pngImage({ width: 400, height: 400 });
    const cut = png.subarray(0, Math.floor(png.length * 0.6));
    const result = await intakeStream(storage, streamOf(cut), {
      ...options,
      altText: 'Halvt bilde',
    });
    expect(result).toMatchObject({ ok: false, refusal: { code: 'damaged' } });
    await expectNothingLeft(storage);
  });
});

describe('when storage fails', () => {
  it('removes the versions an image already had stored and passes the error on', async () => {
    const { storage: inner, options } = await fresh();
    let puts = 0;
    const failing: Storage = {
      ...inner,
      put: async (key, body, opts) => {
        if (++puts === 3) {
          // Fails after the first bytes, as a full disk would.
          await new Promise((resolve) => body.once('data', resolve));
          body.destroy();
          throw new Error('disk full');
        }
        return inner.put(key, body, opts);
      },
    };
    const png = await pngImage({ width: 900, height: 300 });
    await expect(
      intakeStream(failing, streamOf(png), { ...options, altText: 'Kart' }),
    ).rejects.toThrow('disk full');
    await expectNothingLeft(inner);
  });
});

describe('forms that are not what they should be', () => {
  it.each([
    ['no file', [{ name: 'title', data: 'Bare tittel' }], 'no-file'],
    [
      'two files',
      [
        { name: 'file', filename: 'a.csv', data: 'a;b\n1;2\n' },
        { name: 'file', filename: 'b.csv', data: 'a;b\n1;2\n' },
      ],
      'too-many-files',
    ],
  ] as const)('%s', async (_, parts, code) => {
    const { storage, options } = await fresh();
    const result = await intakeMultipart(storage, multipart(parts), MULTIPART_TYPE, options);
    expect(result).toMatchObject({ ok: false, refusal: { code } });
    await expectNothingLeft(storage);
  });

  it('a body cut off before its end, or not multipart at all', async () => {
    const { storage, options } = await fresh();
    const cut = multipart([{ name: 'file', filename: 'a.csv', data: 'a;b\n1;2\n' }], {
      end: false,
    });
    expect(await intakeMultipart(storage, cut, MULTIPART_TYPE, options)).toMatchObject({
      ok: false,
      refusal: { code: 'malformed' },
    });
    expect(
      await intakeMultipart(storage, streamOf('x'), 'application/json', options),
    ).toMatchObject({
      ok: false,
      refusal: { code: 'malformed' },
    });
    await expectNothingLeft(storage);
  });

  it('a client that goes away halfway', async () => {
    const { storage, options } = await fresh();
    const body = Readable.from(
      (async function* () {
        yield Buffer.from('%PDF-1.4\n');
        throw new Error('socket hang up');
      })(),
    );
    expect(await intakeStream(storage, body, options)).toMatchObject({
      ok: false,
      refusal: { code: 'malformed' },
    });
    await expectNothingLeft(storage);
  });
});
