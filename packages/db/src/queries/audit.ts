import type { AuditActor, AuditEntry, Page } from '@klimakommuner/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { InvalidCursorError } from './cursor.ts';
import { jsonb } from './json.ts';

export interface AuditInput {
  /** The signed-in user or token; null when nobody is (a failed sign-in, the system). */
  readonly actor: AuditActor | null;
  /** E.g. 'organisation.update', 'membership.add', 'auth.sign-in-failed', 'access.refused'. */
  readonly action: string;
  readonly recordType?: string | null;
  readonly recordId?: string | null;
  /** The organisation's id; or give `organisation` (slug) and it is looked up. */
  readonly organisationId?: string | null;
  readonly organisation?: string | null;
  /** JSON of the record; keys naming passwords, token hashes or secrets are stripped. */
  readonly before?: unknown;
  readonly after?: unknown;
}

/**
 * Appends one row to the audit trail. Pass the transaction of the change it describes so both
 * commit or neither does.
 */
export const writeAudit = async (db: Kysely<Database>, entry: AuditInput): Promise<void> => {
  const organisationId =
    entry.organisationId ??
    (entry.organisation
      ? sql<string>`(select id from organisation where slug = ${entry.organisation})`
      : null);
  await db
    .insertInto('audit_log')
    .values({
      actor_kind: entry.actor?.kind ?? 'anonymous',
      actor_id: entry.actor?.id ?? null,
      actor_name: entry.actor?.name ?? null,
      action: entry.action,
      record_type: entry.recordType ?? null,
      record_id: entry.recordId ?? null,
      organisation_id: organisationId,
      before: jsonb(entry.before),
      after: jsonb(entry.after),
    })
    .execute();
};

const selectAudit = (db: Kysely<Database>) =>
  db
    .selectFrom('audit_log as a')
    .leftJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select([
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

type Row = Awaited<ReturnType<ReturnType<typeof selectAudit>['execute']>>[number];

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
  organisation: row.organisation,
  before: row.before,
  after: row.after,
});

export interface AuditFilter {
  /** Actor id (a user's or a token's). */
  readonly actor?: string | undefined;
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
 * The slug of the organisation a record belongs to, as its latest audit row says, so the API
 * can authorise `history.read` before reading the history. Null when the record has no trail.
 */
export const auditRecordOrganisation = async (
  db: Kysely<Database>,
  recordType: string,
  recordId: string,
): Promise<string | null> => {
  const row = await db
    .selectFrom('audit_log as a')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select('o.slug')
    .where('a.record_type', '=', recordType)
    .where('a.record_id', '=', recordId)
    .orderBy('a.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.slug ?? null;
};
