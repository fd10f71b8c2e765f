import {
  type AuditActor,
  isUuid,
  type NotFound,
  type OrganisationRef,
  type TokenScope,
} from '@klimakommuner/domain';
import { Result } from 'effect';
import { type InferResult, type Kysely, sql } from 'kysely';
import { writeAudit } from '../audit/write.ts';
import { notFound } from '../content/results.ts';
import { organisationRefJson } from '../network/refs.ts';
import type { Database } from '../schema.ts';

export interface ApiTokenRecord {
  readonly id: string;
  readonly name: string;
  readonly organisation: OrganisationRef;
  readonly scope: TokenScope;
  readonly createdBy: { readonly id: string; readonly name: string } | null;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

const selectTokens = (db: Kysely<Database>) =>
  db
    .selectFrom('api_token as t')
    .innerJoin('organisation as o', 'o.id', 't.organisation_id')
    .leftJoin('app_user as u', 'u.id', 't.created_by')
    .select([
      't.id',
      't.name',
      't.scope',
      't.created_at',
      't.last_used_at',
      't.revoked_at',
      't.organisation_id',
      organisationRefJson('o').as('organisation'),
      'u.id as creator_id',
      'u.name as creator_name',
    ]);

type Row = InferResult<ReturnType<typeof selectTokens>>[number];

const record = (r: Row): ApiTokenRecord => ({
  id: r.id,
  name: r.name,
  // An inner join: every token has its organisation.
  organisation: r.organisation as OrganisationRef,
  scope: r.scope,
  createdBy:
    r.creator_id !== null && r.creator_name !== null
      ? { id: r.creator_id, name: r.creator_name }
      : null,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

const loadToken = async (db: Kysely<Database>, id: string) => {
  const row = await selectTokens(db).where('t.id', '=', id).executeTakeFirst();
  return row ? { row, token: record(row) } : null;
};

export interface NewApiToken {
  readonly name: string;
  /** SHA-256 of the token, computed by the API; the token itself is shown once and never stored. */
  readonly tokenHash: string;
  /** Organisation slug. */
  readonly organisation: string;
  readonly scope: TokenScope;
}

/** Creates a token of an organisation; created_by is the actor when it is a user. */
export const createApiToken = (
  db: Kysely<Database>,
  input: NewApiToken,
  actor: AuditActor | null,
): Promise<Result.Result<ApiTokenRecord, NotFound>> =>
  db.transaction().execute(async (trx) => {
    const organisation = await trx
      .selectFrom('organisation')
      .select('id')
      .where('slug', '=', input.organisation)
      .executeTakeFirst();
    if (!organisation) return notFound('organisation');
    const { id } = await trx
      .insertInto('api_token')
      .values({
        name: input.name.trim(),
        token_hash: input.tokenHash,
        organisation_id: organisation.id,
        scope: input.scope,
        created_by: actor?.kind === 'user' && isUuid(actor.id) ? actor.id : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const loaded = await loadToken(trx, id);
    if (!loaded) throw new Error('The created token vanished');
    await writeAudit(trx, {
      actor,
      action: 'token.create',
      recordType: 'token',
      recordId: id,
      organisationId: organisation.id,
      before: null,
      after: loaded.token,
    });
    return Result.succeed(loaded.token);
  });

/** The unrevoked token with this hash, or null. */
export const findApiTokenByHash = async (
  db: Kysely<Database>,
  tokenHash: string,
): Promise<ApiTokenRecord | null> => {
  const row = await selectTokens(db)
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? record(row) : null;
};

/** Records that a token was used. */
export const touchApiToken = async (
  db: Kysely<Database>,
  id: string,
  now: Date = new Date(),
): Promise<void> => {
  await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', id).execute();
};

/** Revokes a token; revoking a revoked one changes nothing and writes no audit row. */
export const revokeApiToken = (
  db: Kysely<Database>,
  id: string,
  actor: AuditActor | null,
): Promise<Result.Result<ApiTokenRecord, NotFound>> =>
  db.transaction().execute(async (trx) => {
    if (!isUuid(id)) return notFound('token', id);
    const before = await loadToken(trx, id);
    if (!before) return notFound('token', id);
    if (before.token.revokedAt !== null) return Result.succeed(before.token);
    await trx
      .updateTable('api_token')
      .set({ revoked_at: sql`now()` })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
    const after = await loadToken(trx, id);
    if (!after) throw new Error('The revoked token vanished');
    await writeAudit(trx, {
      actor,
      action: 'token.revoke',
      recordType: 'token',
      recordId: id,
      organisationId: before.row.organisation_id,
      before: before.token,
      after: after.token,
    });
    return Result.succeed(after.token);
  });

/** Every token, revoked ones included, newest first. */
export const listApiTokens = async (db: Kysely<Database>): Promise<ApiTokenRecord[]> =>
  (await selectTokens(db).orderBy('t.created_at', 'desc').orderBy('t.id').execute()).map(record);
