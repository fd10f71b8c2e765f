import { type AuditActor, NotFound, StaleVersion } from '@klimakommuner/domain';
import { Result } from 'effect';
import { type KyselyPlugin, sql } from 'kysely';
import type { DbHandle } from '../src/index.ts';

export const ADMIN: AuditActor = {
  kind: 'user',
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Test Admin',
};

/** How many audit rows there are: a failed or stale change must not add any. */
export const auditCount = async (handle: DbHandle): Promise<number> =>
  (await sql<{ n: number }>`select count(*) as n from audit_log`.execute(handle.db)).rows[0]?.n ??
  0;

/** A network of its own, so the seeded organisations keep their members. */
export const createNetwork = async (handle: DbHandle, slug: string): Promise<string> => {
  const row = await handle.db
    .insertInto('organisation')
    .values({
      slug,
      name: `Nettverk ${slug}`,
      short_name: null,
      kind: 'network',
      established: null,
      county_number: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
};

/**
 * A write's Result in the words these suites assert in: `ok` with its value, `stale` with the
 * stored record, `not-found`, or `refused` with the rule's error.
 */
export type Outcome<T, E> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'stale'; readonly current: T; readonly error: StaleVersion }
  | { readonly kind: 'not-found'; readonly error: NotFound }
  | { readonly kind: 'refused'; readonly error: Exclude<E, NotFound | StaleVersion> };

export const outcome = <T, E>(result: Result.Result<T, E>): Outcome<T, E> => {
  if (Result.isSuccess(result)) return { kind: 'ok', value: result.success };
  const error = result.failure;
  if (error instanceof StaleVersion) {
    return { kind: 'stale', current: error.current as T, error };
  }
  if (error instanceof NotFound) return { kind: 'not-found', error };
  return { kind: 'refused', error: error as Exclude<E, NotFound | StaleVersion> };
};

/**
 * A repository write bound to the suite's database, ADMIN as the actor and the `rest` of its
 * arguments (a day, a clock), answering in outcome's words: `asAdmin(addMembership, db, TODAY)`.
 */
export const asAdmin =
  <I, T, E, R extends unknown[]>(
    write: (
      db: DbHandle['db'],
      input: I,
      actor: AuditActor | null,
      ...rest: R
    ) => Promise<Result.Result<T, E>>,
    db: () => DbHandle,
    ...rest: R
  ) =>
  async (input: I): Promise<Outcome<T, E>> =>
    outcome(await write(db().db, input, ADMIN, ...rest));

/**
 * The database with a plugin that counts the queries sent through it, and `count(run)`: how
 * many statements `run` sends (reads must not grow with the row count).
 */
export const countingQueries = (handle: DbHandle) => {
  let queries = 0;
  const counting: KyselyPlugin = {
    transformQuery: ({ node }) => {
      queries++;
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  const db = handle.db.withPlugin(counting);
  const count = async (run: () => Promise<unknown>): Promise<number> => {
    queries = 0;
    await run();
    return queries;
  };
  return { db, count };
};
