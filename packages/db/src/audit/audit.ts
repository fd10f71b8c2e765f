import { type AuditEntry, isUuid, type Page } from '@klimakommuner/domain';
import { type InferResult, type Kysely, sql } from 'kysely';
import { InvalidCursorError } from '../content/cursor.ts';
import type { Database } from '../schema.ts';

// The record's name today, for people reading the history (its slug or id says little); from
// the snapshot when the record is gone. One indexed lookup per row shown, at most a page of them.
const recordTitle = sql<string | null>`coalesce(case a.record_type
    when 'project' then (select p.title from project p where p.slug = a.record_id)
    when 'organisation' then (select og.name from organisation og where og.slug = a.record_id)
    when 'theme' then (select t.name from theme t where t.slug = a.record_id)
    when 'person' then (select pe.name from person pe where pe.id::text = a.record_id)
    when 'user' then (select u.name from app_user u where u.id::text = a.record_id)
    when 'token' then (select k.name from api_token k where k.id::text = a.record_id)
    when 'session' then (select u.name from session s join app_user u on u.id = s.user_id
      where s.id::text = a.record_id)
    when 'membership' then (select coalesce(mu.name, r.name) from membership m
      left join municipality mu on mu.number = m.municipality_number
      left join region r on r.id = m.region_id where m.id::text = a.record_id)
    when 'participation' then (select mu.name || ' i ' || p.title from participation pa
      join project p on p.id = pa.project_id
      join municipality mu on mu.number = pa.municipality_number where pa.id::text = a.record_id)
  end, a.after->>'title', a.after->>'name', a.before->>'title', a.before->>'name')`;

// A participation is edited on its project's page: the project's slug, for the link back.
const recordProject = sql<string | null>`case when a.record_type = 'participation' then
    coalesce((select p.slug from participation pa join project p on p.id = pa.project_id
      where pa.id::text = a.record_id), a.after->>'project', a.before->>'project') end`;

const selectAudit = (db: Kysely<Database>) =>
  db
    .selectFrom('audit_log as a')
    .leftJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select([
      recordTitle.as('record_title'),
      recordProject.as('record_project'),
      'a.id',
      'a.at',
      'a.actor_kind',
      'a.actor_id',
      'a.actor_name',
      'a.action',
      'a.record_type',
      'a.record_id',
      'o.slug as organisation',
      'a.before',
      'a.after',
    ]);

type Row = InferResult<ReturnType<typeof selectAudit>>[number];

const entry = (row: Row): AuditEntry => ({
  id: String(row.id),
  at: row.at.toISOString(),
  actor:
    (row.actor_kind === 'user' || row.actor_kind === 'token') && row.actor_id !== null
      ? { kind: row.actor_kind, id: row.actor_id, name: row.actor_name ?? '' }
      : null,
  action: row.action,
  recordType: row.record_type ?? '',
  recordId: row.record_id,
  recordTitle: row.record_title,
  recordProject: row.record_project,
  organisation: row.organisation,
  before: row.before,
  after: row.after,
});

export interface AuditFilter {
  /** Actor id (a user's or a token's). */
  readonly actor?: string | undefined;
  /** Part of the actor's name, in any case: «ada» finds Ada Lovelace. */
  readonly actorName?: string | undefined;
  /** Organisation slug. */
  readonly organisation?: string | undefined;
  readonly recordType?: string | undefined;
  readonly action?: string | undefined;
  /** Inclusive bounds on `at`. */
  readonly from?: Date | string | undefined;
  readonly to?: Date | string | undefined;
}

const encodeAuditCursor = (id: number): string => Buffer.from(String(id)).toString('base64url');

const decodeAuditCursor = (cursor: string): number => {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[1-9][0-9]{0,15}$/.test(text)) throw new InvalidCursorError();
  return Number(text);
};

/** The audit trail, newest first, one page. Throws InvalidCursorError on a bad cursor. */
export const listAudit = async (
  db: Kysely<Database>,
  filter: AuditFilter,
  limit: number,
  cursor?: string,
): Promise<Page<AuditEntry>> => {
  const size = Math.max(1, Math.min(500, Math.floor(limit)));
  let query = selectAudit(db);
  if (filter.actor !== undefined) query = query.where('a.actor_id', '=', filter.actor);
  if (filter.actorName !== undefined && filter.actorName.trim() !== '') {
    const pattern = `%${filter.actorName.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`a.actor_name ilike ${pattern}`);
  }
  if (filter.organisation !== undefined) query = query.where('o.slug', '=', filter.organisation);
  if (filter.recordType !== undefined) query = query.where('a.record_type', '=', filter.recordType);
  if (filter.action !== undefined) query = query.where('a.action', '=', filter.action);
  if (filter.from !== undefined) query = query.where('a.at', '>=', new Date(filter.from));
  if (filter.to !== undefined) query = query.where('a.at', '<=', new Date(filter.to));
  if (cursor !== undefined) query = query.where('a.id', '<', decodeAuditCursor(cursor));
  const rows = await query
    .orderBy('a.id', 'desc')
    .limit(size + 1)
    .execute();
  const page = rows.slice(0, size);
  const last = page.at(-1);
  return {
    items: page.map(entry),
    nextCursor: rows.length > size && last ? encodeAuditCursor(last.id) : null,
  };
};

/** Every audit row of one record, newest first. */
export const auditHistory = async (
  db: Kysely<Database>,
  recordType: string,
  recordId: string,
): Promise<AuditEntry[]> =>
  (
    await selectAudit(db)
      .where('a.record_type', '=', recordType)
      .where('a.record_id', '=', recordId)
      .orderBy('a.id', 'desc')
      .execute()
  ).map(entry);

/**
 * The organisations a record's audit rows are filed under, the latest row's first, each once;
 * null stands for rows filed under none (the system's). Empty when the record has no trail.
 * One record's rows may concern several organisations (refusals of one procedure, a person who
 * moved), so the API authorises `history.read` row by row, not by any single one of them.
 */
export const auditRecordOrganisations = async (
  db: Kysely<Database>,
  recordType: string,
  recordId: string,
): Promise<(string | null)[]> => {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select(['o.slug', (eb) => eb.fn.max('a.id').as('latest')])
    .where('a.record_type', '=', recordType)
    .where('a.record_id', '=', recordId)
    .groupBy('o.slug')
    .orderBy('latest', 'desc')
    .execute();
  return rows.map((row) => row.slug);
};

/**
 * The organisations the access check files a record's history under: an organisation record is
 * its own (by slug, or by id), whether or not it has a trail yet; any other record, those its
 * audit rows are filed under (auditRecordOrganisations).
 */
export const recordOrganisations = async (
  db: Kysely<Database>,
  recordType: string,
  recordId: string,
): Promise<(string | null)[]> => {
  if (recordType !== 'organisation') return auditRecordOrganisations(db, recordType, recordId);
  const row = await db
    .selectFrom('organisation')
    .select('slug')
    .where((eb) =>
      isUuid(recordId)
        ? eb.or([eb('slug', '=', recordId), eb('id', '=', recordId)])
        : eb('slug', '=', recordId),
    )
    .executeTakeFirst();
  return row ? [row.slug] : [];
};
