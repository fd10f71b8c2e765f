import { type FileKind, KINDS } from './kinds.ts';

/** Letters that have a plain ASCII spelling in Norwegian file names. */
const ASCII_SPELLING: Readonly<Record<string, string>> = {
  æ: 'ae',
  Æ: 'Ae',
  ø: 'o',
  Ø: 'O',
  å: 'a',
  Å: 'A',
};

const MAX_NAME = 120;

/**
 * The name a file is downloaded as: made from its title (never the uploader's file name or
 * path) and the extension of the kind detected, without path separators, control characters
 * or characters Windows refuses in names.
 */
export const downloadName = (title: string, kind: FileKind): string => {
  const base = title
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '') // control and invisible format characters (bidi overrides)
    .replace(/[\\/:*?"<>|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, MAX_NAME)
    .trim();
  return `${base || 'fil'}.${KINDS[kind].extension}`;
};

/** RFC 5987: UTF-8, percent-encoded, leaving only attr-char as it is. */
const encodeExtValue = (value: string): string =>
  encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** The name in plain ASCII for clients that do not read `filename*`: «Ås» becomes «As». */
export const asciiFallback = (name: string): string =>
  name
    .replace(/[æÆøØåÅ]/g, (char) => ASCII_SPELLING[char] ?? char)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');

/**
 * `Content-Disposition` per RFC 6266: `attachment` (documents, downloaded) or `inline`
 * (images, shown), with an ASCII `filename` and the real name in `filename*` (RFC 5987).
 */
export const contentDisposition = (disposition: 'attachment' | 'inline', name: string): string =>
  `${disposition}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeExtValue(name)}`;
