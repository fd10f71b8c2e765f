import type { Storage } from './storage/storage.ts';

/**
 * One thing that uses a stored file: an attachment of a resource (or of one of its versions).
 * `deletedAt` is when that thing was deleted; null while it is in use.
 */
export interface FileUse {
  readonly fileId: string;
  readonly deletedAt: Date | null;
}

export interface RetentionPolicy {
  /** How long a deleted resource's files are kept, so the audit trail can still show them. */
  readonly auditWindowMs: number;
  /**
   * How long an upload that nothing uses yet is kept: a file is stored when it is uploaded,
   * before the form it belongs to is saved (or abandoned).
   */
  readonly orphanGraceMs: number;
}

/** A stored file as the sweep sees it: its id (the first segment of its keys), last written. */
export interface StoredFileSummary {
  readonly fileId: string;
  readonly modifiedAt: Date;
}

/**
 * Which stored files may be removed at `now`: those whose every use was deleted longer ago
 * than the audit window, and those nothing has used since they were stored longer ago than
 * the grace for uploads. A file with any use not deleted is kept, however old the others.
 */
export const removableFiles = (
  stored: readonly StoredFileSummary[],
  uses: readonly FileUse[],
  now: Date,
  policy: RetentionPolicy,
): string[] => {
  const lastDeleted = new Map<string, number | null>();
  for (const use of uses) {
    const before = lastDeleted.get(use.fileId);
    if (before === null) continue; // in use: stays in use
    lastDeleted.set(
      use.fileId,
      use.deletedAt === null ? null : Math.max(before ?? 0, use.deletedAt.getTime()),
    );
  }
  return stored
    .filter(({ fileId, modifiedAt }) => {
      const deleted = lastDeleted.get(fileId);
      if (deleted === null) return false;
      if (deleted === undefined)
        return now.getTime() - modifiedAt.getTime() >= policy.orphanGraceMs;
      return now.getTime() - deleted >= policy.auditWindowMs;
    })
    .map(({ fileId }) => fileId);
};

export interface SweepOptions {
  readonly policy: RetentionPolicy;
  /** The uses of these files, from the database. */
  readonly usesOf: (fileIds: readonly string[]) => Promise<readonly FileUse[]>;
  readonly now?: Date;
  /** How many file ids one `usesOf` call asks about; default 500. */
  readonly batchSize?: number;
}

export interface SweepReport {
  readonly examined: number;
  readonly removed: readonly string[];
}

/**
 * Lists the storage, asks which files are still used, and removes every key of the files
 * `removableFiles` gives up. Run it now and then (a daily job); it holds one small entry per
 * stored file while it runs.
 */
export const sweepFiles = async (storage: Storage, options: SweepOptions): Promise<SweepReport> => {
  const now = options.now ?? new Date();
  const files = new Map<string, Date>();
  for await (const object of storage.list('')) {
    const fileId = object.key.slice(0, object.key.indexOf('/'));
    if (!fileId) continue;
    const seen = files.get(fileId);
    if (!seen || object.modifiedAt > seen) files.set(fileId, object.modifiedAt);
  }
  const stored = [...files].map(([fileId, modifiedAt]) => ({ fileId, modifiedAt }));
  const batchSize = options.batchSize ?? 500;
  const removed: string[] = [];
  for (let start = 0; start < stored.length; start += batchSize) {
    const batch = stored.slice(start, start + batchSize);
    const uses = await options.usesOf(batch.map((file) => file.fileId));
    for (const fileId of removableFiles(batch, uses, now, options.policy)) {
      const keys: string[] = [];
      for await (const object of storage.list(`${fileId}/`)) keys.push(object.key);
      for (const key of keys) await storage.delete(key);
      removed.push(fileId);
    }
  }
  return { examined: stored.length, removed };
};
