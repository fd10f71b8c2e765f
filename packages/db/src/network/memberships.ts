import { randomUUID } from 'node:crypto';
import {
  type AuditActor,
  checkMembership,
  type IsoDate,
  isActiveOn,
  isUuid,
  type MemberRef,
  type Membership,
  type MembershipEditView,
  MembershipEndsBeforeStart,
  type MembershipOverlap,
  type MembershipStartPrecision,
  type NotFound,
  type StaleVersion,
} from '@klimakommuner/domain';
import { Result } from 'effect';
import { type InferResult, type Kysely, sql, type Transaction } from 'kysely';
import { writeAudit } from '../audit/write.ts';
import { collator } from '../content/order.ts';
import { notFound, stale } from '../content/results.ts';
import { mustUpdateOne } from '../content/versioned.ts';
import { municipalityRefJson } from '../municipality/refs.ts';
import type { Database } from '../schema.ts';
import { regionRefJson } from './refs.ts';

export type MembershipRuleError = MembershipOverlap | MembershipEndsBeforeStart;

const selectViews = (db: Kysely<Database>) =>
  db
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .leftJoin('municipality as mu', 'mu.number', 'm.municipality_number')
    .leftJoin('county as c', 'c.number', 'mu.county_number')
    .leftJoin('region as r', 'r.id', 'm.region_id')
    .select([
      'm.id',
      'm.organisation_id',
      'm.region_id',
      'o.slug as organisation',
      'm.from_date',
      'm.from_precision',
      'm.to_date',
      'm.version',
      'm.municipality_number',
      'r.slug as region_slug',
      municipalityRefJson('mu', 'c').as('municipality'),
      regionRefJson('r').as('region'),
    ]);

type Row = InferResult<ReturnType<typeof selectViews>>[number];

const memberName = (v: MembershipEditView) =>
  v.member.kind === 'municipality' ? v.member.municipality.name : v.member.region.name;

const view = (row: Row, today: IsoDate): MembershipEditView => ({
  id: row.id,
  member:
    row.municipality !== null
      ? { kind: 'municipality', municipality: row.municipality }
      : { kind: 'region', region: row.region ?? { slug: '', name: '' } },
  from: row.from_date,
  fromPrecision: row.from_precision,
  to: row.to_date,
  version: row.version,
  current: isActiveOn({ from: row.from_date, to: row.to_date }, today),
});

/** The domain's Membership of a row, as checkMembership takes it. */
const membership = (row: Row): Membership => ({
  id: row.id,
  organisation: row.organisation,
  member: memberRef(row),
  from: row.from_date,
  to: row.to_date,
});

const memberRef = (row: Row): MemberRef =>
  row.municipality_number !== null
    ? { kind: 'municipality', number: row.municipality_number }
    : { kind: 'region', slug: row.region_slug ?? '' };

/** What the audit trail keeps of a membership. */
const snapshot = (row: Row) => ({
  ...membership(row),
  fromPrecision: row.from_precision,
  version: row.version,
});

/**
 * Every membership of an organisation, past, present and future, sorted by member name then
 * start; null when there is no such organisation.
 */
export const listMembershipsForEdit = async (
  db: Kysely<Database>,
  organisationSlug: string,
  today: IsoDate,
): Promise<MembershipEditView[] | null> => {
  const [organisation, rows] = await Promise.all([
    db
      .selectFrom('organisation')
      .select('id')
      .where('slug', '=', organisationSlug)
      .executeTakeFirst(),
    selectViews(db).where('o.slug', '=', organisationSlug).execute(),
  ]);
  if (!organisation) return null;
  return rows
    .map((row) => view(row, today))
    .sort((a, b) => collator.compare(memberName(a), memberName(b)) || a.from.localeCompare(b.from));
};

const loadRow = async (db: Kysely<Database>, id: string) =>
  selectViews(db).where('m.id', '=', id).executeTakeFirst();

/** The other memberships of the same member in the same organisation, for the overlap rule. */
const sameMemberRows = (trx: Kysely<Database>, organisationId: string, member: MemberKey) => {
  const query = selectViews(trx).where('m.organisation_id', '=', organisationId);
  return (
    member.municipality !== null
      ? query.where('m.municipality_number', '=', member.municipality)
      : query.where('m.region_id', '=', member.regionId)
  ).execute();
};

type MemberKey =
  | { municipality: string; regionId: null }
  | { municipality: null; regionId: string };

/** The domain's checkMembership; its message says only what is known of the start. */
const runRule = (
  existing: readonly Row[],
  candidate: Membership,
  fromPrecision: MembershipStartPrecision,
): Result.Result<Membership, MembershipRuleError> =>
  Result.mapError(checkMembership(existing.map(membership), candidate), (error) =>
    // The rule sees days: the start it names is the day it counts from.
    error._tag === 'MembershipEndsBeforeStart'
      ? new MembershipEndsBeforeStart({ from: error.from, to: error.to, fromPrecision })
      : error,
  );

/**
 * Serialises membership writes of one organisation: PostgreSQL holds the row lock to the end of
 * the transaction, so two concurrent adds cannot both pass the overlap check.
 */
const lockOrganisation = (trx: Transaction<Database>, column: 'id' | 'slug', value: string) =>
  trx
    .selectFrom('organisation')
    .select(['id', 'slug'])
    .where(column, '=', value)
    .forUpdate()
    .executeTakeFirst();

export interface NewMembership {
  /** Organisation slug. */
  readonly organisation: string;
  /** Exactly one of municipality (kommunenummer) and region (slug). */
  readonly municipality?: string | null | undefined;
  readonly region?: string | null | undefined;
  readonly from: IsoDate;
  /** What is known of `from`: the day (default) or only its year (`from` is then 1 January). */
  readonly fromPrecision?: Exclude<MembershipStartPrecision, 'unknown'> | undefined;
  readonly to?: IsoDate | null | undefined;
}

/** Adds a membership if the domain's checkMembership accepts it among the member's others. */
export const addMembership = (
  db: Kysely<Database>,
  input: NewMembership,
  actor: AuditActor | null,
  today: IsoDate,
): Promise<Result.Result<MembershipEditView, MembershipRuleError | NotFound>> =>
  db.transaction().execute(async (trx) => {
    const municipality = input.municipality ?? null;
    const regionSlug = input.region ?? null;
    if ((municipality === null) === (regionSlug === null)) {
      throw new TypeError('addMembership needs exactly one of municipality and region');
    }
    const organisation = await lockOrganisation(trx, 'slug', input.organisation);
    if (!organisation) return notFound('organisation', input.organisation);
    let key: MemberKey;
    if (municipality !== null) {
      const found = await trx
        .selectFrom('municipality')
        .select('number')
        .where('number', '=', municipality)
        .executeTakeFirst();
      if (!found) return notFound('municipality', municipality);
      key = { municipality, regionId: null };
    } else {
      const found = await trx
        .selectFrom('region')
        .select('id')
        .where('slug', '=', regionSlug ?? '')
        .executeTakeFirst();
      if (!found) return notFound('region', regionSlug ?? '');
      key = { municipality: null, regionId: found.id };
    }
    const candidate: Membership = {
      id: randomUUID(),
      organisation: organisation.slug,
      member:
        municipality !== null
          ? { kind: 'municipality', number: municipality }
          : { kind: 'region', slug: regionSlug ?? '' },
      from: input.from,
      to: input.to ?? null,
    };
    const checked = runRule(
      await sameMemberRows(trx, organisation.id, key),
      candidate,
      input.fromPrecision ?? 'day',
    );
    if (Result.isFailure(checked)) return Result.fail(checked.failure);
    await trx
      .insertInto('membership')
      .values({
        id: candidate.id,
        organisation_id: organisation.id,
        municipality_number: key.municipality,
        region_id: key.regionId,
        from_date: candidate.from,
        from_precision: input.fromPrecision ?? 'day',
        to_date: candidate.to,
      })
      .execute();
    const row = await loadRow(trx, candidate.id);
    if (!row) throw new Error('The added membership vanished');
    await writeAudit(trx, {
      actor,
      action: 'membership.add',
      recordType: 'membership',
      recordId: row.id,
      organisationId: organisation.id,
      before: null,
      after: snapshot(row),
    });
    return Result.succeed(view(row, today));
  });

/**
 * Ends a membership on `to` (inclusive) if its version is still `version` and the domain's
 * checkMembership accepts the shortened or lengthened period.
 */
export const endMembership = (
  db: Kysely<Database>,
  input: { readonly id: string; readonly to: IsoDate; readonly version: number },
  actor: AuditActor | null,
  today: IsoDate,
): Promise<Result.Result<MembershipEditView, MembershipRuleError | NotFound | StaleVersion>> =>
  db.transaction().execute(async (trx) => {
    if (!isUuid(input.id)) return notFound('membership', input.id);
    const owner = await trx
      .selectFrom('membership')
      .select('organisation_id')
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!owner) return notFound('membership', input.id);
    // The organisation first, as addMembership does, so the two never wait on each other in a cycle.
    await lockOrganisation(trx, 'id', owner.organisation_id);
    const row = await loadRow(trx, input.id);
    if (!row) return notFound('membership', input.id);
    if (row.version !== input.version) {
      return stale('membership', input.id, input.version, view(row, today));
    }
    const candidate: Membership = { ...membership(row), to: input.to };
    const others = await sameMemberRows(
      trx,
      row.organisation_id,
      row.municipality_number !== null
        ? { municipality: row.municipality_number, regionId: null }
        : { municipality: null, regionId: row.region_id ?? '' },
    );
    const checked = runRule(others, candidate, row.from_precision);
    if (Result.isFailure(checked)) return Result.fail(checked.failure);
    mustUpdateOne(
      await trx
        .updateTable('membership')
        .set({ to_date: input.to, version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', input.id)
        .where('version', '=', input.version)
        .executeTakeFirst(),
      'membership',
    );
    const after = await loadRow(trx, input.id);
    if (!after) throw new Error('The ended membership vanished');
    await writeAudit(trx, {
      actor,
      action: 'membership.end',
      recordType: 'membership',
      recordId: input.id,
      organisationId: row.organisation_id,
      before: snapshot(row),
      after: snapshot(after),
    });
    return Result.succeed(view(after, today));
  });

/** The slug of the organisation a membership belongs to, for the access check; null for none. */
export const membershipOrganisation = async (
  db: Kysely<Database>,
  id: string,
): Promise<string | null> => {
  if (!isUuid(id)) return null;
  const row = await db
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select('o.slug')
    .where('m.id', '=', id)
    .executeTakeFirst();
  return row?.slug ?? null;
};
