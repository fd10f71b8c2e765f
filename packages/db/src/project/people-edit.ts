import {
  type AuditActor,
  isUuid,
  type NotFound,
  normaliseEmail,
  type PersonEditView,
  type StaleVersion,
} from '@klimakommuner/domain';
import { Result } from 'effect';
import { type Kysely, sql } from 'kysely';
import { writeAudit } from '../audit/write.ts';
import { notFound } from '../content/results.ts';
import { changeAtVersion, mustUpdateOne } from '../content/versioned.ts';
import type { Database } from '../schema.ts';
import { type PersonRow, personEditView, selectPeople } from './people.ts';

export interface PersonInput {
  readonly name: string;
  readonly title: string;
  /** Organisation slug; null or absent: none. */
  readonly organisation?: string | null | undefined;
  /** Kommunenummer; null or absent: none. */
  readonly municipality?: string | null | undefined;
  /** Empty string, null or absent: none; stored normalised (normaliseEmail), as every email is. */
  readonly email?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly consent: boolean;
}

export interface PersonUpdate extends PersonInput {
  readonly id: string;
  readonly version: number;
}

const orNull = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** The columns of the input, the organisation and municipality looked up (NotFound if unknown). */
const resolveOwner = async (trx: Kysely<Database>, input: PersonInput) => {
  const organisation = orNull(input.organisation);
  const municipality = orNull(input.municipality);
  const [org, mun] = await Promise.all([
    organisation === null
      ? null
      : trx
          .selectFrom('organisation')
          .select('id')
          .where('slug', '=', organisation)
          .executeTakeFirst(),
    municipality === null
      ? null
      : trx
          .selectFrom('municipality')
          .select('number')
          .where('number', '=', municipality)
          .executeTakeFirst(),
  ]);
  if (organisation !== null && !org) return notFound('organisation', organisation);
  if (municipality !== null && !mun) return notFound('municipality', municipality);
  const email = orNull(input.email);
  return Result.succeed({
    name: input.name.trim(),
    title: input.title.trim(),
    organisation_id: org?.id ?? null,
    municipality_number: mun?.number ?? null,
    email: email === null ? null : normaliseEmail(email),
    phone: orNull(input.phone),
    consent: input.consent,
  });
};

/** What the audit trail keeps of a person. */
const snapshot = (view: PersonEditView) => ({
  id: view.id,
  name: view.name,
  title: view.title,
  organisation: view.organisation?.slug ?? null,
  municipality: view.municipality?.number ?? null,
  email: view.email,
  phone: view.phone,
  consent: view.consent,
  version: view.version,
});

const mustPerson = async (trx: Kysely<Database>, id: string): Promise<PersonRow> => {
  const row = await selectPeople(trx).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw new Error(`Person ${id} vanished inside its transaction`);
  return row;
};

/** Adds a person; audited as person.create under the person's organisation (if any). */
export const createPerson = (
  db: Kysely<Database>,
  input: PersonInput,
  actor: AuditActor | null,
): Promise<Result.Result<PersonEditView, NotFound>> =>
  db.transaction().execute(async (trx) => {
    const resolved = await resolveOwner(trx, input);
    if (Result.isFailure(resolved)) return Result.fail(resolved.failure);
    const { id } = await trx
      .insertInto('person')
      .values(resolved.success)
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await mustPerson(trx, id);
    const view = personEditView(row);
    await writeAudit(trx, {
      actor,
      action: 'person.create',
      recordType: 'person',
      recordId: id,
      organisationId: row.organisation_id,
      before: null,
      after: snapshot(view),
    });
    return Result.succeed(view);
  });

/** Saves a person at `version` (changeAtVersion), filed under the organisation they move to. */
export const updatePerson = (
  db: Kysely<Database>,
  input: PersonUpdate,
  actor: AuditActor | null,
): Promise<Result.Result<PersonEditView, NotFound | StaleVersion>> =>
  changeAtVersion(db, {
    recordType: 'person',
    recordId: input.id,
    version: input.version,
    actor,
    lock: async (trx) =>
      isUuid(input.id)
        ? trx
            .selectFrom('person')
            .select(['id', 'version'])
            .where('id', '=', input.id)
            .forUpdate()
            .executeTakeFirst()
        : undefined,
    view: async (trx) => personEditView(await mustPerson(trx, input.id)),
    snapshot,
    write: async (trx) => {
      const resolved = await resolveOwner(trx, input);
      if (Result.isFailure(resolved)) return Result.fail(resolved.failure);
      mustUpdateOne(
        await trx
          .updateTable('person')
          .set({ ...resolved.success, version: sql`version + 1`, updated_at: sql`now()` })
          .where('id', '=', input.id)
          .where('version', '=', input.version)
          .executeTakeFirst(),
        'person',
      );
      return Result.succeed({
        action: 'person.update' as const,
        organisationId: resolved.success.organisation_id,
      });
    },
  });
