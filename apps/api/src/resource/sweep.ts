import { type DbHandle, fileUses, forgetFiles } from '@klimakommuner/db';
import { FILE_AUDIT_WINDOW_DAYS } from '@klimakommuner/domain';
import { type Storage, type SweepReport, sweepFiles } from '@klimakommuner/files';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long an upload nothing attaches is kept (a form that was never saved). */
export const ORPHAN_GRACE_DAYS = 1;

/**
 * Removes the stored files nothing needs any more (packages/files' sweepFiles): a deleted
 * resource's once the deletion is past the domain's audit window, an upload never attached once
 * its grace has passed; then forgets them in the database. Run it daily (`pnpm files:sweep`).
 */
export const sweepStoredFiles = async (
  db: DbHandle['db'],
  storage: Storage,
  now: Date = new Date(),
): Promise<SweepReport> => {
  const report = await sweepFiles(storage, {
    now,
    policy: {
      auditWindowMs: FILE_AUDIT_WINDOW_DAYS * DAY_MS,
      orphanGraceMs: ORPHAN_GRACE_DAYS * DAY_MS,
    },
    usesOf: (ids) => fileUses(db, ids),
  });
  await forgetFiles(db, report.removed);
  return report;
};
