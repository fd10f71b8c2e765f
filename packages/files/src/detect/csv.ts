import { createReadStream } from 'node:fs';
import type { RefusalCode } from '../refusal.ts';

export type CsvVerdict =
  | { readonly kind: 'csv' }
  | { readonly refused: Extract<RefusalCode, 'not-allowed' | 'csv-encoding'> };

const DELIMITERS = [';', ',', '\t'] as const;
/** How much of the start decides the structure: the first records within 64 KB. */
const SAMPLE_BYTES = 64 * 1024;
const SAMPLE_RECORDS = 100;

/** The number of fields in each record (RFC 4180 quoting); null where the quoting is broken. */
const fieldCounts = (text: string, delimiter: string, complete: boolean): number[] | null => {
  const counts: number[] = [];
  let fields = 1;
  let atFieldStart = true;
  let quoted = false;
  let blank = true; // no character in this record yet
  for (let i = 0; i < text.length && counts.length < SAMPLE_RECORDS; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') i++;
      else if (char === '"') quoted = false;
      continue;
    }
    if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      if (!blank) counts.push(fields);
      fields = 1;
      atFieldStart = true;
      blank = true;
      continue;
    }
    if (char === '"' && !atFieldStart) return null; // a quote inside an unquoted field
    quoted = char === '"';
    if (char === delimiter) fields++;
    atFieldStart = char === delimiter;
    blank = false;
  }
  if (quoted && complete) return null;
  // The last record counts when the sample is the whole file and it has no line break after it.
  if (complete && !blank && counts.length < SAMPLE_RECORDS) counts.push(fields);
  return counts;
};

/** At least two records of the same number of fields, at least two fields each. */
const hasTableStructure = (sample: string, complete: boolean): boolean =>
  DELIMITERS.some((delimiter) => {
    const counts = fieldCounts(sample, delimiter, complete);
    if (!counts || counts.length < 2) return false;
    const width = counts[0] ?? 0;
    return width >= 2 && counts.every((count) => count === width);
  });

const hasControl = (bytes: Uint8Array): boolean =>
  bytes.some((b) => (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f);

/** The whole file is UTF-8 without control characters, read in chunks. */
const isCleanUtf8 = async (path: string): Promise<'clean' | 'control' | 'encoding'> => {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
      if (hasControl(chunk as Buffer)) return 'control';
      decoder.decode(chunk as Buffer, { stream: true });
    }
    decoder.decode();
    return 'clean';
  } catch {
    return 'encoding';
  }
};

/**
 * Whether a file that is no binary format is a CSV table: UTF-8 throughout (a byte order mark
 * allowed), no NUL or other control characters, not markup or a script, and at least two
 * records with the same number (two or more) of fields split by `;`, `,` or tab. A table in
 * another encoding (Windows-1252, as older Excel saves it) gets a message of its own.
 *
 * `head` is the start of the file (up to 64 KB); `complete` says whether it is all of it.
 */
export const inspectCsv = async (
  path: string,
  head: Buffer,
  complete: boolean,
): Promise<CsvVerdict> => {
  // UTF-16 with its byte order mark: Excel's «Unicode text». A table, in the wrong encoding.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return { refused: 'csv-encoding' };
  }
  if (hasControl(head)) return { refused: 'not-allowed' };
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  // Structure first, in any encoding: a table in the wrong encoding deserves the better message.
  const sample = head.subarray(bom, SAMPLE_BYTES).toString('latin1');
  const start = sample.trimStart();
  // Markup (SVG, HTML, XML) and scripts are text too, and not tables.
  if (start.startsWith('<') || start.startsWith('#!')) return { refused: 'not-allowed' };
  if (!hasTableStructure(sample, complete && head.length <= SAMPLE_BYTES)) {
    return { refused: 'not-allowed' };
  }
  const clean = await isCleanUtf8(path);
  if (clean === 'encoding') return { refused: 'csv-encoding' };
  return clean === 'clean' ? { kind: 'csv' } : { refused: 'not-allowed' };
};
