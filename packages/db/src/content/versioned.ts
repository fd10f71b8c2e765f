import type { AuditAction, AuditActor, NotFound, StaleVersion } from '@klimakommuner/domain';
import { Result } from 'effect';
import type { Kysely, Transaction } from 'kysely';
import { writeAudit } from '../audit/write.ts';
import type { Database } from '../schema.ts';
import { notFound, stale } from './results.ts';

/** What a change wrote: the audit action, and the organisation the row is filed under. */
export interface Written {
  readonly action: AuditAction;
  readonly organisationId: string | null;
  /**
   * The audit snapshot of what was stored, when the write has it already (an update's
   * `returning`): the view is then read once, after the audit row.
   */
  readonly after?: unknown;
}

export interface VersionedChange<Row, View, E> {
  readonly recordType: string;
  /** The id or slug the record is known by, in errors and in the audit trail. */
  readonly recordId: string;
  /** The version the caller saw. */
  readonly version: number;
  /**
   * The workflow status the caller's right to this change was decided on (the API's access
   * check reads it before this transaction: editing a draft and editing what is published are
   * different rights). Should the locked record have another, someone moved it meanwhile, and
   * the change is refused as stale whatever version it names: a contributor who sent the
   * version a publish was about to make cannot edit what is now published.
   */
  readonly decidedOn?: string | undefined;
  readonly actor: AuditActor | null;
  /** Locks the record for the rest of the transaction; undefined when there is none. */
  readonly lock: (trx: Transaction<Database>) => Promise<Row | undefined>;
  /** The record as the caller sees it: before, after, and as `current` when stale. */
  readonly view: (trx: Transaction<Database>) => Promise<View>;
  /** What the audit trail keeps of the record (its view, and the locked row when it needs it). */
  readonly snapshot: (view: View, row: Row) => unknown;
  /**
   * Decides and writes the change (bumping the version), or refuses it with the rule's error.
   * Null when there is nothing to change: no audit row, and the record is returned as it is.
   */
  readonly write: (
    trx: Transaction<Database>,
    row: Row,
    before: View,
  ) => Promise<Result.Result<Written | null, E>>;
}

/**
 * The one way a versioned record changes (optimistic locking): in one transaction, lock it,
 * answer NotFound or StaleVersion (with the stored view) before anything is written, let `write`
 * decide and write, then append the audit row with both snapshots.
 */
export const changeAtVersion = <
  Row extends { readonly version: number; readonly workflow_status?: string },
  View extends { readonly version: number },
  E,
>(
  db: Kysely<Database>,
  change: VersionedChange<Row, View, E>,
): Promise<Result.Result<View, E | NotFound | StaleVersion>> =>
  db
    .transaction()
    .execute(async (trx): Promise<Result.Result<View, E | NotFound | StaleVersion>> => {
      const row = await change.lock(trx);
      if (row === undefined) return notFound(change.recordType, change.recordId);
      const before = await change.view(trx);
      const moved = change.decidedOn !== undefined && row.workflow_status !== change.decidedOn;
      if (row.version !== change.version || moved) {
        return stale(change.recordType, change.recordId, change.version, before);
      }
      const written = await change.write(trx, row, before);
      if (Result.isFailure(written)) return Result.fail(written.failure);
      if (written.success === null) return Result.succeed(before);
      const { action, organisationId } = written.success;
      let after = 'after' in written.success ? undefined : await change.view(trx);
      await writeAudit(trx, {
        actor: change.actor,
        action,
        recordType: change.recordType,
        recordId: change.recordId,
        organisationId,
        before: change.snapshot(before, row),
        after: after === undefined ? written.success.after : change.snapshot(after, row),
      });
      after ??= await change.view(trx);
      return Result.succeed(after);
    });

/** The error a write throws when the row it locked changed underneath (a bug, never a user's). */
export const mustUpdateOne = (updated: { readonly numUpdatedRows: bigint }, what: string): void => {
  if (Number(updated.numUpdatedRows) !== 1)
    throw new Error(`The locked ${what} changed underneath`);
};
