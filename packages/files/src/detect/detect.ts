import { open } from 'node:fs/promises';
import { fileTypeFromBuffer } from 'file-type';
import type { FileKind } from '../kinds.ts';
import type { RefusalCode } from '../refusal.ts';
import { inspectCsv } from './csv.ts';
import { inspectZip } from './zip.ts';

export type Detection =
  | { readonly kind: FileKind }
  | {
      readonly refused: Extract<
        RefusalCode,
        'not-allowed' | 'active-content' | 'damaged' | 'csv-encoding' | 'empty'
      >;
    };

/** The start of the file that detection reads: magic numbers, the ZIP's first entry, CSV sample. */
export const HEAD_BYTES = 64 * 1024;

const BINARY_KINDS: Readonly<Record<string, FileKind>> = {
  pdf: 'pdf',
  png: 'png',
  apng: 'png',
  jpg: 'jpeg',
  webp: 'webp',
};

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export const readHead = async (path: string): Promise<{ head: Buffer; size: number }> => {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    await handle.read(head, 0, head.length, 0);
    return { head, size };
  } finally {
    await handle.close();
  }
};

/**
 * What a file is, decided by its bytes alone (never its name or declared type), against the
 * allow-list: PDF, PNG, JPEG and WebP by their magic numbers (file-type); ZIP files by what is
 * inside (zip.ts); anything else must be a UTF-8 CSV table (csv.ts).
 */
export const detectFile = async (path: string): Promise<Detection> => {
  const { head, size } = await readHead(path);
  if (size === 0) return { refused: 'empty' };
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) return inspectZip(path, head);
  const found = await fileTypeFromBuffer(head);
  if (found) {
    const kind = BINARY_KINDS[found.ext];
    return kind ? { kind } : { refused: 'not-allowed' };
  }
  return inspectCsv(path, head, size <= HEAD_BYTES);
};
