import { join } from 'node:path';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import {
  type IntakeOptions,
  type IntakeResult,
  MAX_UPLOAD_BYTES,
  refused,
  spoolRefusal,
  storeSpooled,
  withSpoolDir,
} from './intake.ts';
import { type Spooled, spool } from './spool.ts';
import type { Storage } from './storage/storage.ts';

export interface MultipartOptions extends IntakeOptions {
  /** The form field of the file; default `file`. */
  readonly fileField?: string;
  /** The form field of the image's alt text; default `alt`. */
  readonly altField?: string;
}

export type MultipartResult = IntakeResult & {
  /** The form's text fields (the first value of each), when the form could be read. */
  readonly fields: Readonly<Record<string, string>>;
};

/** The text fields of an upload form are short: a title, an alt text. */
const FIELD_LIMITS = { fields: 20, fieldSize: 10_000, fieldNameSize: 100, parts: 30 };

type Parsed =
  | { readonly done: 'file'; readonly spooled: Spooled }
  | { readonly done: 'no-file' }
  | { readonly done: 'too-many-files' }
  | { readonly done: 'alt-too-long' }
  | { readonly done: 'malformed' };

/**
 * A `multipart/form-data` upload: one file in `fileField` (and the alt text in `altField` for
 * images), parsed as it streams (busboy); the file goes to a temporary file under the size
 * limit, refused as soon as it is crossed, then is checked and stored as `intakeStream` does.
 * On refusal the rest of the body is left unread: answer and close the connection.
 */
export const intakeMultipart = async (
  storage: Storage,
  body: Readable,
  contentType: string | undefined,
  options: MultipartOptions = {},
): Promise<MultipartResult> => {
  const maxBytes = options.maxBytes ?? MAX_UPLOAD_BYTES;
  const fields: Record<string, string> = {};
  const answer = (result: IntakeResult): MultipartResult => ({ ...result, fields });
  if (options.contentLength !== undefined && options.contentLength > maxBytes + 64 * 1024) {
    return answer(refused('too-large', options));
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType ?? '' },
      // One byte over the limit reaches the spool, which then refuses.
      limits: { ...FIELD_LIMITS, files: 1, fileSize: maxBytes + 1 },
      defParamCharset: 'utf8',
    });
  } catch {
    return answer(refused('malformed', options));
  }

  return withSpoolDir(options, async (dir) => {
    const path = join(dir, 'upload');
    // The one file part, while it is being spooled.
    const part: { file?: Readable; spooling?: Promise<Spooled>; name?: string | undefined } = {};
    const parsed = await new Promise<Parsed>((resolve) => {
      let settled = false;
      const settle = (result: Parsed) => {
        if (settled) return;
        settled = true;
        body.unpipe(parser);
        resolve(result);
      };
      parser.on('file', (name, stream, info) => {
        if (name !== (options.fileField ?? 'file') || part.spooling) {
          stream.resume();
          if (part.spooling) settle({ done: 'too-many-files' });
          return;
        }
        // busboy passes one byte past the limit, then would read on to the end of the body,
        // discarding: stop reading the body right there instead.
        stream.once('limit', () => body.unpipe(parser));
        part.file = stream;
        part.name = info.filename;
        part.spooling = spool(stream, path, maxBytes);
        part.spooling.then(
          (spooled) => {
            if (typeof spooled === 'string') settle({ done: 'file', spooled });
          },
          () => settle({ done: 'malformed' }),
        );
      });
      parser.on('field', (name, value, info) => {
        // An alt text longer than a field may be is longer than MAX_ALT_TEXT characters too.
        if (info.valueTruncated && name === (options.altField ?? 'alt'))
          settle({ done: 'alt-too-long' });
        else if (info.valueTruncated || info.nameTruncated) settle({ done: 'malformed' });
        else if (!(name in fields)) fields[name] = value;
      });
      parser.on('filesLimit', () => settle({ done: 'too-many-files' }));
      parser.on('fieldsLimit', () => settle({ done: 'malformed' }));
      parser.on('partsLimit', () => settle({ done: 'malformed' }));
      parser.on('error', () => settle({ done: 'malformed' }));
      parser.on('close', () => {
        if (!part.spooling) settle({ done: 'no-file' });
        else
          part.spooling.then(
            (spooled) => settle({ done: 'file', spooled }),
            () => {},
          );
      });
      body.on('error', () => settle({ done: 'malformed' }));
      body.pipe(parser);
    });
    // A file part cut short by a refusal: end it, and let its spooling finish before clean-up.
    if (part.file && !part.file.readableEnded) part.file.destroy();
    await part.spooling?.catch(() => undefined);

    if (parsed.done !== 'file') return answer(refused(parsed.done, options));
    const refusal = spoolRefusal(parsed.spooled, options);
    if (refusal) return answer(refusal);
    return answer(
      await storeSpooled(storage, path, fields[options.altField ?? 'alt'], {
        ...options,
        fileName: part.name ?? options.fileName,
      }),
    );
  });
};
