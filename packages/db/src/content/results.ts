import { NotFound, StaleVersion } from '@klimakommuner/domain';
import { Result } from 'effect';

// A write answers with effect's Result: the stored view, or a domain error. Nothing is written
// unless it succeeds. These two failures every repository shares.

/** No record of `recordType` with that id (or slug). */
export const notFound = (recordType: string, recordId?: string): Result.Result<never, NotFound> =>
  Result.fail(new NotFound(recordId === undefined ? { recordType } : { recordType, recordId }));

/**
 * Someone else changed the record since the caller read `expectedVersion`; `current` is the
 * stored record as the caller sees it, so nothing typed is lost.
 */
export const stale = (
  recordType: string,
  recordId: string,
  expectedVersion: number,
  current: { readonly version: number },
): Result.Result<never, StaleVersion> =>
  Result.fail(
    new StaleVersion({
      recordType,
      recordId,
      expectedVersion,
      currentVersion: current.version,
      current,
    }),
  );
