import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { detectFile } from './detect/detect.ts';
import {
  checkImage,
  type ImageOptions,
  ImageUnreadable,
  MAX_PIXELS,
  type StoredVariant,
  storeImage,
} from './images.ts';
import { type FileKind, isImageKind, KINDS, claimedKind } from './kinds.ts';
import { measure } from './measure.ts';
import { extractPdfText, type PdfTextOptions } from './pdf-text.ts';
import {
  MAX_ALT_TEXT,
  type Refusal,
  type RefusalCode,
  type RefusalContext,
  refusal,
} from './refusal.ts';
import { type Spooled, spool } from './spool.ts';
import type { Storage } from './storage/storage.ts';

/** 20 MB (of 1 048 576 bytes): the largest upload taken. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export interface IntakeOptions {
  readonly maxBytes?: number;
  /** `image`: only PNG, JPEG and WebP (a PDF is refused as «not an image», whatever its name). */
  readonly accept?: 'any' | 'image';
  /** Where an upload waits while it is checked; default the system's temporary directory. */
  readonly spoolDir?: string;
  readonly image?: ImageOptions;
  /** `false`: do not extract the text of PDFs. */
  readonly pdfText?: PdfTextOptions | false;
  /** The length the client declared, if any: over the limit, nothing is read at all. */
  readonly contentLength?: number;
  readonly newId?: () => string;
  /**
   * The name the uploader gave the file. When its extension names an allowed kind other than
   * the one its bytes are («rapport.pdf» saved as «bilde.png»), the upload is refused: the editor
   * has most likely chosen the wrong file, or a file made to pass for another. An image named as
   * another image kind is taken.
   */
  readonly fileName?: string | undefined;
}

/** An accepted upload: what is stored under `${id}/…`, for the database to remember. */
export interface StoredFile {
  readonly id: string;
  readonly kind: FileKind;
  readonly mediaType: string;
  /** Size and hash of the stored `original` (for images: as re-encoded). */
  readonly size: number;
  readonly sha256: string;
  /** `original` first; images add WebP versions `w320`, `w640`, `w1280`. */
  readonly variants: readonly StoredVariant[];
  readonly image: {
    readonly width: number;
    readonly height: number;
    readonly altText: string;
  } | null;
  /** The text of a PDF, for search; null for other kinds or when it could not be read. */
  readonly text: string | null;
}

export type IntakeResult =
  | { readonly ok: true; readonly file: StoredFile }
  | { readonly ok: false; readonly refusal: Refusal };

export const refused = (
  code: RefusalCode,
  options: IntakeOptions = {},
  context: RefusalContext = {},
): IntakeResult => ({
  ok: false,
  refusal: refusal(code, {
    maxBytes: options.maxBytes ?? MAX_UPLOAD_BYTES,
    maxPixels: options.image?.maxPixels ?? MAX_PIXELS,
    ...context,
  }),
});

/** A temporary directory for one upload, removed whatever happens. */
export const withSpoolDir = async <T>(
  options: IntakeOptions,
  use: (dir: string) => Promise<T>,
): Promise<T> => {
  const dir = await mkdtemp(join(options.spoolDir ?? tmpdir(), 'kk-upload-'));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

export const spoolRefusal = (spooled: Spooled, options: IntakeOptions): IntakeResult | null =>
  spooled === 'too-large'
    ? refused('too-large', options)
    : spooled === 'aborted'
      ? refused('malformed', options)
      : null;

const normaliseAlt = (alt: string | undefined): string => (alt ?? '').replace(/\s+/g, ' ').trim();

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Whether an alt text (normalised: its whitespace is plain spaces) can be stored and shown: no
 * control character (PostgreSQL refuses NUL, and the others have no place in a sentence read
 * aloud) and no lone UTF-16 surrogate (it has no UTF-8 form).
 */
const storableAlt = (alt: string): boolean => !CONTROL.test(alt) && alt.isWellFormed();

/**
 * Checks a spooled upload and, when it passes, stores it under a new id: documents as they
 * are, images re-encoded (they need alt text). Nothing is stored for a refused file.
 */
export const storeSpooled = async (
  storage: Storage,
  path: string,
  altText: string | undefined,
  options: IntakeOptions,
): Promise<IntakeResult> => {
  const detection = await detectFile(path);
  if ('refused' in detection) return refused(detection.refused, options);
  const { kind } = detection;
  const info = KINDS[kind];
  if (options.accept === 'image' && !isImageKind(kind)) return refused('not-an-image', options);
  const claimed = options.fileName === undefined ? null : claimedKind(options.fileName);
  // An image named as another image kind (a PNG saved as .jpg) is still the picture chosen, and
  // is re-encoded anyway: only a name that claims another sort of file is refused.
  if (
    claimed !== null &&
    claimed.kind !== kind &&
    !(isImageKind(claimed.kind) && isImageKind(kind))
  )
    return refused('name-mismatch', options, { named: claimed.extension, actual: info });
  const id = (options.newId ?? randomUUID)();

  if (isImageKind(kind)) {
    const alt = normaliseAlt(altText);
    if (!alt) return refused('alt-missing', options);
    if ([...alt].length > MAX_ALT_TEXT) return refused('alt-too-long', options);
    if (!storableAlt(alt)) return refused('alt-unstorable', options);
    const checked = await checkImage(path, kind, options.image?.maxPixels);
    if ('refused' in checked) return refused(checked.refused, options);
    let variants: StoredVariant[];
    try {
      variants = await storeImage(storage, id, path, kind, checked, options.image);
    } catch (error) {
      if (error instanceof ImageUnreadable) return refused('damaged', options);
      throw error;
    }
    const original = variants[0] as StoredVariant;
    return {
      ok: true,
      file: {
        id,
        kind,
        mediaType: info.mediaType,
        size: original.size,
        sha256: original.sha256,
        variants,
        image: { ...checked, altText: alt },
        text: null,
      },
    };
  }

  const key = `${id}/original`;
  const measured = measure(createReadStream(path));
  await storage.put(key, measured.stream, { contentType: info.mediaType });
  const { size, sha256 } = measured.result();
  const extracted =
    kind === 'pdf' && options.pdfText !== false
      ? await extractPdfText(path, {
          maxBytes: options.maxBytes ?? MAX_UPLOAD_BYTES,
          ...options.pdfText,
        })
      : null;
  return {
    ok: true,
    file: {
      id,
      kind,
      mediaType: info.mediaType,
      size,
      sha256,
      variants: [{ name: 'original', key, mediaType: info.mediaType, size, sha256 }],
      image: null,
      text: extracted?.ok ? extracted.text : null,
    },
  };
};

/**
 * A raw upload: the request body is the file. It streams to a temporary file under the size
 * limit (refused as soon as it is crossed), is checked by its bytes and stored; see
 * `storeSpooled`. On refusal the body is left unread: answer with `refusal.status` and close
 * the connection.
 */
export const intakeStream = async (
  storage: Storage,
  body: Readable,
  options: IntakeOptions & { readonly altText?: string } = {},
): Promise<IntakeResult> => {
  const maxBytes = options.maxBytes ?? MAX_UPLOAD_BYTES;
  if (options.contentLength !== undefined && options.contentLength > maxBytes) {
    return refused('too-large', options);
  }
  return withSpoolDir(options, async (dir) => {
    const path = join(dir, 'upload');
    const spooled = await spool(body, path, maxBytes);
    return spoolRefusal(spooled, options) ?? storeSpooled(storage, path, options.altText, options);
  });
};
