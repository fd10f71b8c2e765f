import { readdir, readlink } from 'node:fs/promises';
import { request } from 'node:http';
import {
  csvFile,
  pdfFile,
  pngImage,
  svgWithScript,
  windowsExecutable,
} from '@klimakommuner/files/fixtures';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { B } from './global-setup.ts';
import { freshAddress, signIn, useServer } from './harness.ts';

// The upload endpoint beside /trpc (docs/contracts-resources.md): who may upload, what is
// refused with which Norwegian message, and that nothing of a refused upload is stored.

const t = useServer();
let editorB: string;
let editorA: string;

beforeAll(async () => {
  editorB = await signIn(t.url, 'editorB');
  editorA = await signIn(t.url, 'editorA');
});

/** What is stored: every file id directory under the test servers' FILES_DIR. */
/** What the upload endpoint answers: a file ref, or an error. */
interface UploadAnswer {
  readonly status: number;
  readonly body: {
    readonly file: { readonly id: string } & Record<string, unknown>;
    readonly error: Record<string, unknown>;
  };
}

const stored = async (): Promise<string[]> =>
  (await readdir(inject('filesDir')).catch(() => [] as string[])).filter((n) => n !== '.tmp');

export const upload = async (
  token: string | null,
  file: { bytes: Buffer; name: string; type: string },
  options: { organisation?: string; alt?: string } = {},
): Promise<UploadAnswer> => {
  const form = new FormData();
  if (options.alt !== undefined) form.set('alt', options.alt);
  form.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const query = options.organisation === undefined ? '' : `?organisation=${options.organisation}`;
  const response = await fetch(`${t.url}/files${query}`, {
    method: 'POST',
    body: form,
    headers: {
      'X-Forwarded-For': freshAddress(),
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
    },
  });
  return { status: response.status, body: (await response.json()) as UploadAnswer['body'] };
};

/** A multipart body of `size` bytes: a PDF's first line as the file «stor.pdf», then filler. */
const oversized = (size: number) => {
  const boundary = 'kk-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="stor.pdf"\r\n` +
      `Content-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { boundary, head, tail, filler: size - head.length - tail.length };
};

/** A node:http upload of a multipart body to B, as `token`, and its JSON answer when it comes. */
const uploadRequest = (
  token: string,
  boundary: string,
  length: number | null,
  onAnswer: (answer: UploadAnswer) => void,
  onBadAnswer: (error: unknown) => void,
) => {
  const req = request(`${t.url}/files?organisation=${B}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
      'X-Forwarded-For': freshAddress(),
      ...(length === null ? {} : { 'Content-Length': String(length) }),
    },
  });
  req.on('error', () => {}); // the server may stop reading: the answer still comes
  req.on('response', (res) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk) => {
      text += chunk;
    });
    res.on('end', () => {
      try {
        onAnswer({ status: res.statusCode ?? 0, body: JSON.parse(text) });
      } catch (error) {
        onBadAnswer(error);
      }
    });
  });
  return req;
};

/**
 * A multipart upload of `size` bytes of a PDF's first line followed by filler, streamed with
 * node:http (a declared Content-Length, or chunked): the answer, whenever it comes; the server
 * may close the connection before the client has sent everything.
 */
const streamed = (token: string, size: number, declare: boolean) =>
  new Promise<UploadAnswer>((resolve, reject) => {
    const { boundary, head, tail, filler } = oversized(size);
    const req = uploadRequest(
      token,
      boundary,
      declare ? size : null,
      (answer) => {
        req.destroy();
        resolve(answer);
      },
      reject,
    );
    req.write(head);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < filler && !req.destroyed) {
        const piece = chunk.subarray(0, Math.min(chunk.length, filler - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      if (!req.destroyed) req.end(tail);
    };
    pump();
  });

/** `bytes` in `n` pieces of about equal size. */
const chunked = (bytes: Buffer, n: number): Buffer[] => {
  const step = Math.ceil(bytes.length / n);
  return Array.from({ length: n }, (_, k) => bytes.subarray(k * step, (k + 1) * step));
};

const pdf = () => ({
  bytes: pdfFile({ pages: [['Veileder for grønne anskaffelser i Ås kommune']] }),
  name: 'veileder.pdf',
  type: 'application/pdf',
});

describe('POST /files', () => {
  it('takes an editor’s PDF for their organisation and answers the file ref', async () => {
    const { status, body } = await upload(editorB, pdf(), { organisation: B });
    expect(status).toBe(201);
    expect(body.file).toMatchObject({
      kind: 'pdf',
      kindLabel: 'PDF',
      mediaType: 'application/pdf',
      image: null,
    });
    expect(body.file.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await stored()).toContain(body.file.id);
  });

  it('takes an image with alt text, and refuses one without', async () => {
    const png = {
      bytes: await pngImage({ width: 700, height: 400 }),
      name: 'kart.png',
      type: 'image/png',
    };
    const taken = await upload(editorB, png, { organisation: B, alt: 'Kart over Follo' });
    expect(taken.status).toBe(201);
    expect(taken.body.file).toMatchObject({
      kind: 'png',
      altText: 'Kart over Follo',
      image: { width: 700, height: 400, widths: [320, 640, 700] },
    });
    const before = await stored();
    const refused = await upload(editorB, png, { organisation: B });
    expect(refused).toMatchObject({
      status: 400,
      body: {
        error: {
          field: 'alt',
          message: 'Skriv en alternativ tekst som forteller hva bildet viser.',
        },
      },
    });
    expect(await stored()).toEqual(before);
  });

  it('refuses alt text it cannot store or that is too long, next to the field, storing nothing', async () => {
    const png = { bytes: await pngImage(), name: 'kart.png', type: 'image/png' };
    const before = await stored();
    const unstorable = {
      status: 400,
      body: {
        error: {
          code: 'alt-unstorable',
          field: 'alt',
          message:
            'Den alternative teksten inneholder tegn som ikke kan lagres (et nulltegn, et kontrolltegn eller et ufullstendig tegn).',
        },
      },
    };
    // PostgreSQL refuses a NUL: it was once a 500, with the image left in storage.
    expect(
      await upload(editorB, png, { organisation: B, alt: 'Kart\u0000 over Follo' }),
    ).toMatchObject(unstorable);
    expect(
      await upload(editorB, png, { organisation: B, alt: 'Kart \u001b[31mrød' }),
    ).toMatchObject(unstorable);
    // Longer than a form field may be (10 000 bytes): the alt text's own message, not «malformed».
    expect(await upload(editorB, png, { organisation: B, alt: 'å'.repeat(6_000) })).toMatchObject({
      status: 400,
      body: {
        error: {
          code: 'alt-too-long',
          field: 'alt',
          message: 'Den alternative teksten kan ha høyst 1000 tegn.',
        },
      },
    });
    expect(await stored()).toEqual(before);
  });

  it('refuses an SVG with a script, a renamed program, a PDF renamed to .png and a file over 20 MB, storing nothing', async () => {
    const before = await stored();
    const notAllowed =
      'Filen er ikke en av de tillatte typene (PDF, Word, Excel, PowerPoint, OpenDocument, CSV, PNG, JPEG, WebP).';
    const svg = await upload(
      editorB,
      { bytes: svgWithScript(), name: 'logo.png', type: 'image/png' },
      { organisation: B },
    );
    expect(svg).toMatchObject({
      status: 415,
      body: { error: { field: 'file', message: notAllowed } },
    });
    const exe = await upload(
      editorB,
      { bytes: windowsExecutable(), name: 'rapport.pdf', type: 'application/pdf' },
      { organisation: B },
    );
    expect(exe).toMatchObject({ status: 415, body: { error: { message: notAllowed } } });
    const renamed = await upload(
      editorB,
      { bytes: pdfFile({ pages: [['Kart']] }), name: 'kart.png', type: 'image/png' },
      { organisation: B },
    );
    expect(renamed).toMatchObject({
      status: 415,
      body: {
        error: {
          code: 'name-mismatch',
          field: 'file',
          message:
            'Filen heter .png, men innholdet er PDF. Sjekk at du har valgt riktig fil, eller gi den endelsen .pdf.',
        },
      },
    });
    const tooBig = {
      status: 413,
      body: { error: { field: 'file', message: 'Filen er større enn 20 MB.' } },
    };
    // Declared too big: refused before a byte of it is read.
    expect(await streamed(editorB, 21 * 1024 * 1024, true)).toMatchObject(tooBig);
    // Sent without a length: refused once 20 MB have passed, never held whole.
    expect(await streamed(editorB, 21 * 1024 * 1024, false)).toMatchObject(tooBig);
    expect(await stored()).toEqual(before);
  });

  it('reads a refused body to its end while it keeps coming, so the client is never reset', async () => {
    // A client under load (the admin forwarding a 21 MB form during the browser tests) may still
    // be sending seconds after the refusal went out. Cutting the connection then resets it, and
    // fetch reports the reset as «fetch failed» instead of the answer (a CI flake). The server
    // discards the rest for as long as it keeps coming.
    const size = 21 * 1024 * 1024;
    const { boundary, head, tail, filler } = oversized(size);
    const pieces = [head, ...chunked(Buffer.alloc(filler, 0x20), 25)];
    const outcome = await new Promise<UploadAnswer & { sentAll: boolean }>((resolve, reject) => {
      let written = 0;
      let answer: UploadAnswer | undefined;
      const req = uploadRequest(
        editorB,
        boundary,
        size,
        (got) => {
          answer = got;
        },
        reject,
      );
      req.on('socket', (socket) => socket.on('close', () => (written = socket.bytesWritten)));
      // About 2.5 s of steady sending, well past the moment the refusal went out.
      const send = (k: number) => {
        if (req.destroyed) return;
        if (k === pieces.length) return void req.end(tail);
        req.write(pieces[k]);
        setTimeout(() => send(k + 1), 100);
      };
      req.on('close', () =>
        setTimeout(() => {
          if (answer === undefined) return reject(new Error('no answer'));
          resolve({ ...answer, sentAll: written >= size });
        }, 50),
      );
      send(0);
    });
    expect(outcome).toEqual({
      status: 413,
      body: {
        error: { code: 'too-large', field: 'file', message: 'Filen er større enn 20 MB.' },
      },
      sentAll: true,
    });
  });

  it('takes uploads only from someone who may create content in the organisation', async () => {
    const before = await stored();
    expect(await upload(null, pdf(), { organisation: B })).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHORIZED' } },
    });
    expect(await upload(editorA, pdf(), { organisation: B })).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN' } },
    });
    expect(await upload(editorB, pdf(), {})).toMatchObject({
      status: 400,
      body: { error: { field: 'organisation' } },
    });
    const json = await fetch(`${t.url}/files?organisation=${B}`, {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${editorB}` },
    });
    expect(json.status).toBe(415);
    expect(await stored()).toEqual(before);
  });
});

describe('GET /files/<id>', () => {
  /** How many of the server process's open files are `path`. */
  const openHandles = async (path: string) => {
    const dir = `/proc/${inject('serverPid')}/fd`;
    const links = await Promise.all(
      (await readdir(dir)).map((fd) => readlink(`${dir}/${fd}`).catch(() => '')),
    );
    return links.filter((link) => link === path).length;
  };

  it.runIf(process.platform === 'linux')(
    'closes the file at once when the client goes away before it has it all',
    async () => {
      // 8 MB: more than the sockets' buffers hold, so the server is still reading when it is cut.
      const rows = Array.from({ length: 200_000 }, (_, i) => [`Kommune ${i}`, i * 7, 'tonn CO2']);
      const csv = {
        bytes: csvFile([['Navn', 'Utslipp', 'Enhet'], ...rows]),
        name: 'utslipp.csv',
        type: 'text/csv',
      };
      expect(csv.bytes.length).toBeGreaterThan(6_000_000);
      const taken = await upload(editorB, csv, { organisation: B });
      expect(taken.status).toBe(201);
      const path = `${inject('filesDir')}/${taken.body.file.id}/original`;
      for (let round = 0; round < 5; round++) {
        await new Promise<void>((resolve, reject) => {
          const req = request(`${t.url}/files/${taken.body.file.id}`, {
            headers: { Authorization: `Bearer ${editorB}` },
          });
          req.on('response', (res) => {
            expect(res.statusCode).toBe(200);
            res.once('data', () => {
              req.destroy();
              resolve();
            });
          });
          req.on('error', () => {});
          req.on('close', () => resolve());
          setTimeout(() => reject(new Error('no answer')), 5_000).unref();
          req.end();
        });
      }
      // Until garbage collection, which may never come, an unclosed file stays open.
      await expect.poll(() => openHandles(path), { timeout: 2_000 }).toBe(0);
    },
  );
});
