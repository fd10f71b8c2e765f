import type { AuditAction, AuditActor } from '@klimakommuner/domain';
import { type Kysely, sql } from 'kysely';
import { jsonb } from '../content/json.ts';
import type { Database } from '../schema.ts';

export interface AuditInput {
  /** The signed-in user or token; null when nobody is (a failed sign-in, the system). */
  readonly actor: AuditActor | null;
  /**
   * E.g. 'organisation.update', 'membership.add', 'auth.sign-in-failed', 'access.refused': one
   * of the domain's AuditActions, so every action written has a Norwegian name.
   */
  readonly action: AuditAction;
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
