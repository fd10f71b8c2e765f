import type { Readable } from 'node:stream';
import { contentDisposition, downloadName } from './filename.ts';
import { type FileKind, isImageKind, KINDS } from './kinds.ts';
import type { Storage } from './storage/storage.ts';

/** What serving a stored object needs to know; the database keeps it from intake. */
export interface ServedObject {
  /** The storage key (`${id}/original`, `${id}/w640`, …). */
  readonly key: string;
  /** The kind of the file as uploaded; a WebP version of a PNG is still an image. */
  readonly kind: FileKind;
  /** The media type of this object (a version may differ from the original's). */
  readonly mediaType: string;
  readonly sha256: string;
  /** The title the name is made from (the attachment's title). */
  readonly title: string;
}

/**
 * `public`: a published file, cacheable for an hour by anyone (a CDN too). `private`: a
 * draft's file, shown to its editors only, never kept by a cache.
 */
export type Visibility = 'public' | 'private';

const EXTENSION: Readonly<Record<string, FileKind>> = {
  'image/webp': 'webp',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
};

/** A sandbox for anything that would be opened as a document: no scripts, no requests. */
export const FILE_CSP = "default-src 'none'; sandbox";

export const etagOf = (sha256: string): string => `"${sha256}"`;

/**
 * The headers of a stored file: the type as detected, a name made from the title, images
 * inline and documents as attachments, no sniffing, a sandboxing CSP, an ETag and caching as
 * `visibility` allows. Ranges are not offered.
 */
export const fileHeaders = (
  object: ServedObject,
  size: number,
  visibility: Visibility,
): Record<string, string> => {
  const image = isImageKind(object.kind);
  // A version's own extension (a WebP of a PNG is `.webp`).
  const nameKind = EXTENSION[object.mediaType] ?? object.kind;
  return {
    'Content-Type':
      object.kind === 'csv' ? `${KINDS.csv.mediaType}; charset=utf-8` : object.mediaType,
    'Content-Length': String(size),
    'Content-Disposition': contentDisposition(
      image ? 'inline' : 'attachment',
      downloadName(object.title, nameKind),
    ),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': FILE_CSP,
    ETag: etagOf(object.sha256),
    'Cache-Control': visibility === 'public' ? 'public, max-age=3600' : 'private, no-store',
    'Accept-Ranges': 'none',
  };
};

/** Whether `If-None-Match` names this ETag (weak comparison, `*` included). */
export const matchesEtag = (ifNoneMatch: string | undefined, etag: string): boolean =>
  (ifNoneMatch ?? '')
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);

export type Served =
  | { readonly status: 200; readonly headers: Record<string, string>; readonly body: Readable }
  | { readonly status: 304; readonly headers: Record<string, string> }
  | { readonly status: 404 };

/**
 * Answers a request for a stored object: 304 when the client has it, else the whole object as
 * a stream (no ranges). Whether the caller may see it at all (a draft's files are not public)
 * is decided before this, by the API.
 */
export const serveFile = async (
  storage: Storage,
  object: ServedObject,
  visibility: Visibility,
  ifNoneMatch?: string,
): Promise<Served> => {
  if (matchesEtag(ifNoneMatch, etagOf(object.sha256))) {
    if (!(await storage.head(object.key))) return { status: 404 };
    const headers = fileHeaders(object, 0, visibility);
    return {
      status: 304,
      headers: { ETag: headers.ETag ?? '', 'Cache-Control': headers['Cache-Control'] ?? '' },
    };
  }
  const stored = await storage.get(object.key);
  if (!stored) return { status: 404 };
  return { status: 200, headers: fileHeaders(object, stored.size, visibility), body: stored.body };
};
