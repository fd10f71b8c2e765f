import type { Readable } from 'node:stream';

/** One stored object, as `head` and `list` describe it. */
export interface StoredObject {
  readonly key: string;
  readonly size: number;
  readonly modifiedAt: Date;
}

export interface StoredBody {
  readonly body: Readable;
  readonly size: number;
}

/**
 * Where file bytes live: a local directory or an S3-compatible bucket. Keys are write-once in
 * practice (intake always writes under a new random id), so a reader never sees a key change.
 * What a file is (its kind, name, alt text, owner) lives in the database, not here.
 */
export interface Storage {
  /** Streams `body` to `key`; the object appears whole or not at all. Resolves with its size. */
  put(key: string, body: Readable, options?: { contentType?: string }): Promise<{ size: number }>;
  /** The object's bytes as a stream with its size, or null when there is none. */
  get(key: string): Promise<StoredBody | null>;
  head(key: string): Promise<StoredObject | null>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  /** Every object whose key starts with `prefix`, in no promised order (for sweeps and cleanup). */
  list(prefix: string): AsyncIterable<StoredObject>;
}

/** A key or prefix that is not of the safe form; it never reaches the disk or the bucket. */
export class InvalidKey extends Error {
  override readonly name = 'InvalidKey';
}

const SEGMENT = '[A-Za-z0-9][A-Za-z0-9._-]*';
const KEY = new RegExp(`^${SEGMENT}(?:/${SEGMENT})*$`);
const MAX_KEY = 512;

/**
 * Keys are slash-separated segments of letters, digits, `.`, `_` and `-`, each starting with a
 * letter or digit: no `..`, no absolute paths, no backslashes, nothing hidden, so a key can
 * never leave the directory or name something the storage keeps for itself.
 */
export const assertKey = (key: string): string => {
  if (key.length > MAX_KEY || !KEY.test(key)) throw new InvalidKey(`Invalid storage key: ${key}`);
  return key;
};

/** A prefix is empty, a key, or a key followed by `/`. */
export const assertPrefix = (prefix: string): string => {
  if (prefix === '') return prefix;
  assertKey(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
  return prefix;
};
