import { buffer } from 'node:stream/consumers';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { DocumentKind } from '../kinds.ts';
import type { RefusalCode } from '../refusal.ts';

export type ZipVerdict =
  | { readonly kind: Extract<DocumentKind, 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp'> }
  | { readonly refused: Extract<RefusalCode, 'not-allowed' | 'active-content' | 'damaged'> };

/** More entries than any document we take has; beyond it the archive is not read further. */
const MAX_ENTRIES = 20_000;
/** The parts read here ([Content_Types].xml, _rels/.rels, mimetype) are small. */
const MAX_PART = 1024 * 1024;

const OOXML_MAIN: Readonly<Record<string, 'docx' | 'xlsx' | 'pptx'>> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml': 'pptx',
};

const ODF_MIMETYPES: Readonly<Record<string, 'odt' | 'ods' | 'odp'>> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

/** Content types of macros (VBA, Excel 4 macro sheets) and ActiveX controls. */
const ACTIVE_TYPE = /macroEnabled|vbaProject|vbaData|activeX|macrosheet/i;
/** Parts that hold macros or controls, whatever the content types claim. */
const ACTIVE_PART =
  /(^|\/)(vbaProject\.bin|vbaProjectSignature\.bin|vbaData\.xml)$|(^|\/)activeX\/|^(Basic|Scripts)\//i;

const readEntries = (zipfile: ZipFile): Promise<Entry[]> =>
  new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zipfile.on('entry', (entry: Entry) => {
      entries.push(entry);
      zipfile.readEntry();
    });
    zipfile.on('end', () => resolve(entries));
    zipfile.on('error', reject);
    zipfile.readEntry();
  });

const readPart = async (zipfile: ZipFile, entry: Entry): Promise<string> => {
  if (entry.uncompressedSize > MAX_PART) throw new Error(`${entry.fileName} is too large`);
  const bytes = await buffer(await zipfile.openReadStreamPromise(entry));
  // [Content_Types].xml may be UTF-16 (with its byte order mark); everything else is UTF-8.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return bytes.toString('utf8');
};

/** The attributes of every `<name …>` element (with or without a namespace prefix). */
const elements = (xml: string, name: string): Record<string, string>[] =>
  [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${name}\\b([^>]*)>`, 'g'))].map((match) =>
    Object.fromEntries(
      [...(match[1] ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)].map((attr) => [
        attr[1] ?? '',
        attr[2] ?? attr[3] ?? '',
      ]),
    ),
  );

const ooxmlKind = async (zipfile: ZipFile, byName: Map<string, Entry>): Promise<ZipVerdict> => {
  const typesEntry = byName.get('[content_types].xml');
  const relsEntry = byName.get('_rels/.rels');
  if (!typesEntry || !relsEntry) return { refused: 'not-allowed' };
  const types = await readPart(zipfile, typesEntry);
  const defaults = elements(types, 'Default');
  const overrides = elements(types, 'Override');
  if ([...defaults, ...overrides].some((e) => ACTIVE_TYPE.test(e.ContentType ?? ''))) {
    return { refused: 'active-content' };
  }
  const rels = elements(await readPart(zipfile, relsEntry), 'Relationship');
  const main = rels.find(
    (r) => /\/officeDocument$/.test(r.Type ?? '') && r.TargetMode !== 'External',
  );
  if (!main?.Target) return { refused: 'not-allowed' };
  const part = `/${main.Target.replace(/^\/+/, '')}`.toLowerCase();
  if (!byName.has(part.slice(1))) return { refused: 'damaged' };
  const extension = part.slice(part.lastIndexOf('.') + 1);
  const type =
    overrides.find((o) => o.PartName?.toLowerCase() === part)?.ContentType ??
    defaults.find((d) => d.Extension?.toLowerCase() === extension)?.ContentType;
  const kind = type === undefined ? undefined : OOXML_MAIN[type];
  return kind ? { kind } : { refused: 'not-allowed' };
};

/**
 * What a ZIP-based file is: Word, Excel or PowerPoint (OOXML, by the content type of the main
 * part the package relationships point to) or an OpenDocument text, spreadsheet or
 * presentation (by the `mimetype` entry, which must come first and be stored). Macros, VBA
 * projects and ActiveX controls are refused wherever they hide; any other ZIP is not allowed.
 */
export const inspectZip = async (path: string, head: Buffer): Promise<ZipVerdict> => {
  let zipfile: ZipFile;
  try {
    zipfile = await yauzl.openPromise(path, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch {
    return { refused: 'damaged' };
  }
  try {
    if (zipfile.entryCount > MAX_ENTRIES) return { refused: 'damaged' };
    const entries = await readEntries(zipfile);
    if (entries.some((entry) => ACTIVE_PART.test(entry.fileName))) {
      return { refused: 'active-content' };
    }
    const byName = new Map(entries.map((entry) => [entry.fileName.toLowerCase(), entry]));

    const mimetype = entries.find((entry) => entry.relativeOffsetOfLocalHeader === 0);
    if (mimetype?.fileName === 'mimetype') {
      // The media type is readable at a fixed offset, as the OpenDocument spec intends.
      const stored = mimetype.compressionMethod === 0 && mimetype.uncompressedSize <= 100;
      const text = stored ? (await readPart(zipfile, mimetype)).trim() : '';
      const kind = ODF_MIMETYPES[text];
      if (!kind || !head.subarray(30, 38).equals(Buffer.from('mimetype'))) {
        return { refused: 'not-allowed' };
      }
      return byName.has('content.xml') ? { kind } : { refused: 'damaged' };
    }
    if (byName.has('mimetype')) return { refused: 'not-allowed' }; // mimetype, but not first
    return await ooxmlKind(zipfile, byName);
  } catch {
    return { refused: 'damaged' };
  } finally {
    zipfile.close();
  }
};
