import { Readable } from 'node:stream';

export interface Part {
  readonly name: string;
  readonly filename?: string;
  readonly contentType?: string;
  readonly data: Uint8Array | string | Readable;
}

export const BOUNDARY = '----klimakommuner-test-boundary';
export const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

const header = (part: Part): Buffer =>
  Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"${
      part.filename === undefined ? '' : `; filename="${part.filename}"`
    }\r\n${part.contentType ? `Content-Type: ${part.contentType}\r\n` : ''}\r\n`,
  );

/** A multipart/form-data body as a browser sends it, streamed (a Readable part is not held). */
export const multipart = (parts: readonly Part[], options: { end?: boolean } = {}): Readable =>
  Readable.from(
    (async function* () {
      for (const part of parts) {
        yield header(part);
        if (part.data instanceof Readable) {
          for await (const chunk of part.data) yield chunk as Buffer;
        } else yield Buffer.from(part.data);
        yield Buffer.from('\r\n');
      }
      if (options.end !== false) yield Buffer.from(`--${BOUNDARY}--\r\n`);
    })(),
    { objectMode: false },
  );
