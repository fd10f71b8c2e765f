import { type DbHandle, readContentVersion } from '@klimakommuner/db';

type Db = DbHandle['db'];

// Where an anonymous public read goes: the read replica (DATABASE_READ_URL) once it has applied
// every write this process knows of, the primary otherwise. So an answer filled after an
// invalidation is never older than the write that caused it, however far the replica lags: the
// version row is replicated with the write (it is bumped in the same transaction), and a replica
// that shows version N has applied every transaction up to N.
// docs/decisions/0026-read-replica-only-when-caught-up.md

/** How often a replica seen behind is asked again. */
const RECHECK_MS = 50;

export interface ReadRouter {
  /** The database to read data at least as new as `version` from (null: unknown, the primary). */
  forVersion(version: number | null): Promise<Db>;
}

export const readRouter = (primary: Db, replica: Db | null): ReadRouter => {
  if (replica === null) return { forVersion: async () => primary };
  // The highest version the replica was seen at; it only moves forward.
  let reached = -1;
  let checking: Promise<void> | null = null;
  let checkedAt = 0;
  const check = () => {
    checkedAt = Date.now();
    checking ??= readContentVersion(replica)
      .then(
        (version) => {
          reached = Math.max(reached, version);
        },
        (error: unknown) => {
          console.error('Read replica:', error instanceof Error ? error.message : error);
        },
      )
      .finally(() => {
        checking = null;
      });
    return checking;
  };
  return {
    async forVersion(version) {
      if (version === null) return primary;
      if (reached >= version) return replica;
      // Behind: ask it again at most every RECHECK_MS; meanwhile the primary answers.
      if (checking === null && Date.now() - checkedAt < RECHECK_MS) return primary;
      await check();
      return reached >= version ? replica : primary;
    },
  };
};
