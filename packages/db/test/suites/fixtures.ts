import type { AuditActor } from '@klimakommuner/domain';
import { sql } from 'kysely';
import type { DbHandle } from '../../src/index.ts';

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
