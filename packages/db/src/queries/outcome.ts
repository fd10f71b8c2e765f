import { NotFound, StaleVersion } from '@klimakommuner/domain';

/**
 * What a write returns; every failure carries the domain's TaggedError (Norwegian `message`).
 * `stale`: someone else changed the row since the caller read `version`; `current` is the stored
 * record (also in `error.current`) so the caller can show it and nothing typed is lost.
 * `refused`: a domain rule said no. Nothing is written unless the kind is 'ok'.
 */
export type Outcome<T, E = never> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'stale'; readonly current: T; readonly error: StaleVersion }
  | { readonly kind: 'not-found'; readonly error: NotFound }
  | { readonly kind: 'refused'; readonly error: E };

export const ok = <T>(value: T): { readonly kind: 'ok'; readonly value: T } => ({
  kind: 'ok',
  value,
});

export const stale = <T>(
  recordType: string,
  recordId: string,
  expectedVersion: number,
  current: T & { readonly version: number },
): { readonly kind: 'stale'; readonly current: T; readonly error: StaleVersion } => ({
  kind: 'stale',
  current,
  error: new StaleVersion({
    recordType,
    recordId,
    expectedVersion,
    currentVersion: current.version,
    current,
  }),
});

export const notFound = (
  recordType: string,
  recordId?: string,
): { readonly kind: 'not-found'; readonly error: NotFound } => ({
  kind: 'not-found',
  error: new NotFound(recordId === undefined ? { recordType } : { recordType, recordId }),
});

export const refused = <E>(error: E): { readonly kind: 'refused'; readonly error: E } => ({
  kind: 'refused',
  error,
});
