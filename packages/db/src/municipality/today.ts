import type { IsoDate } from '@klimakommuner/domain';
import type { DbHandle } from '../client.ts';
import { contentVersionOf } from '../content/version.ts';
import { uncounted } from '../statements.ts';
import { refreshMunicipalityToday } from './municipalities.ts';

/** How often the keeper checks that municipality_today holds (a new day, a refresh overtaken). */
export const MUNICIPALITY_TODAY_CHECK_MS = 60_000;

export interface MunicipalityTodayKeeper {
  /** Resolves once the refresh running now (and one asked for meanwhile) has finished. */
  settled(): Promise<void>;
  stop(): void;
}

/**
 * Keeps municipality_today current on `handle`'s primary (docs/decisions/0043): refreshes it at
 * once, whenever the content version changes (a write in any process) and every
 * MUNICIPALITY_TODAY_CHECK_MS (a new day). One refresh at a time; a change heard during one asks
 * for one more. A failed refresh is logged (its message only) and retried at the next check;
 * reads stay correct meanwhile, since they compute what a stale row would have said.
 */
export const keepMunicipalityToday = (
  handle: DbHandle,
  today: () => IsoDate,
): MunicipalityTodayKeeper => {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running !== null) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await uncounted(() => refreshMunicipalityToday(handle.db, today()));
        } catch (error) {
          if (!stopped)
            console.error('municipality_today:', error instanceof Error ? error.message : error);
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const unsubscribe = contentVersionOf(handle).subscribe((version) => {
    if (version !== null) void run();
  });
  const check = setInterval(() => void run(), MUNICIPALITY_TODAY_CHECK_MS);
  check.unref();
  void run();
  return {
    settled: async () => {
      while (running !== null) await running;
    },
    stop: () => {
      stopped = true;
      unsubscribe();
      clearInterval(check);
    },
  };
};
