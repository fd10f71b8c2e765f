import {
  type AuditAction,
  type AuditActor,
  type ContactNotCandidate,
  changeParticipationStatus,
  checkContact,
  checkParticipant,
  type IsoDate,
  isUuid,
  type NotAMemberOfOwner,
  type NotFound,
  type ParticipationAlreadyActive,
  type ParticipationDateBeforeLast,
  type ParticipationEditView,
  type ParticipationState,
  type ParticipationStatus,
  type ParticipationUnchanged,
  rejoin,
  type StaleVersion,
  startParticipation,
} from '@klimakommuner/domain';
import { Result } from 'effect';
import { type Kysely, sql, type Transaction } from 'kysely';
import { writeAudit } from '../audit/write.ts';
import { notFound, stale } from '../content/results.ts';
import { changeAtVersion } from '../content/versioned.ts';
import { loadMembershipWorld } from '../network/membership-world.ts';
import type { Database } from '../schema.ts';
import { participationViews } from './participation-views.ts';

export type AddParticipationError =
  | ContactNotCandidate
  | NotAMemberOfOwner
  | ParticipationAlreadyActive
  | ParticipationDateBeforeLast
  | ParticipationUnchanged
  | NotFound
  | StaleVersion;

export type ParticipationChangeError =
  | ParticipationDateBeforeLast
  | ParticipationUnchanged
  | NotFound
  | StaleVersion;

export interface NewParticipation {
  /** Project slug. */
  readonly project: string;
  /** Kommunenummer. */
  readonly municipality: string;
  readonly status: ParticipationStatus;
  readonly since: IsoDate;
  /** Replaces the participation's note when given. */
  readonly note?: string | undefined;
  /** Person id of the municipality's contact; null clears it, absent keeps it. */
  readonly contact?: string | null | undefined;
  /**
   * The version of the participation the caller saw, 0 when it saw none; absent: no check. A
   * different stored version (or a stored participation when 0 was given) is stale.
   */
  readonly version?: number | undefined;
}

export interface ParticipationStatusChange {
  readonly id: string;
  readonly status: ParticipationStatus;
  readonly since: IsoDate;
  readonly version: number;
  /** Replaces the note when given; also kept on the history event. */
  readonly note?: string | undefined;
}

export interface ParticipationContactChange {
  readonly id: string;
  /** Person id of the municipality's contact; null clears it. */
  readonly contact: string | null;
  readonly version: number;
}

const mustView = async (trx: Kysely<Database>, id: string): Promise<ParticipationEditView> => {
  const row = await trx
    .selectFrom('participation')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  const view = row ? (await participationViews(trx, [row])).get(row.project_id)?.[0] : undefined;
  if (!view) throw new Error(`Participation ${id} vanished inside its transaction`);
  return view;
};

/** What the audit trail keeps of a participation. */
const snapshot = (project: string, v: ParticipationEditView) => ({
  id: v.id,
  project,
  municipality: v.municipality.number,
  status: v.status,
  since: v.since,
  note: v.note,
  contact: v.contact?.id ?? null,
  /** For people reading the history. */
  contactName: v.contact?.name ?? null,
  history: v.history,
  version: v.version,
});

const state = (v: ParticipationEditView): ParticipationState => ({
  status: v.status,
  since: v.since,
  history: v.history,
});

/**
 * The contact person a participation is given, with what the domain's checkContact needs:
 * undefined = keep, null = none, NotFound for an id of nobody.
 */
const loadContact = async (trx: Kysely<Database>, contact: string | null | undefined) => {
  if (contact === undefined || contact === null || contact === '') {
    return Result.succeed(contact === '' ? null : contact);
  }
  const found = isUuid(contact)
    ? await trx
        .selectFrom('person')
        .select(['id', 'organisation_id as organisation', 'municipality_number as municipality'])
        .where('id', '=', contact)
        .executeTakeFirst()
    : undefined;
  return found ? Result.succeed(found) : notFound('person', contact);
};

/**
 * Writes a state the domain decided (a rejoin or a status change) on the row at `version`, with
 * its history event, in the caller's transaction.
 */
const writeStep = async (
  trx: Transaction<Database>,
  row: { readonly id: string; readonly version: number },
  change: {
    readonly state: { readonly status: ParticipationStatus; readonly since: IsoDate };
    readonly step: { readonly status: ParticipationStatus; readonly since: IsoDate };
    readonly note: string | undefined;
    readonly contactId?: string | null | undefined;
  },
  actor: AuditActor | null,
): Promise<void> => {
  await trx
    .updateTable('participation')
    .set({
      status: change.state.status,
      since: change.state.since,
      ...(change.note !== undefined ? { note: change.note.trim() } : {}),
      ...(change.contactId !== undefined ? { contact_person_id: change.contactId } : {}),
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .execute();
  await recordEvent(trx, row.id, { ...change.step, note: change.note }, actor);
};

const recordEvent = (
  trx: Kysely<Database>,
  participationId: string,
  step: { status: ParticipationStatus; since: IsoDate; note?: string | undefined },
  actor: AuditActor | null,
) =>
  trx
    .insertInto('participation_event')
    .values({
      participation_id: participationId,
      status: step.status,
      since: step.since,
      note: step.note ?? '',
      actor_name: actor?.name ?? null,
    })
    .execute();

/**
 * A municipality takes part in a project. The domain's checkParticipant decides on `since`
 * from the owner's memberships and regions; a withdrawn participation continues on the same row
 * (the domain's rejoin, history kept); an active one is ParticipationAlreadyActive. Writes a
 * history event and the audit row (participation.add or participation.rejoin).
 */
export const addParticipation = (
  db: Kysely<Database>,
  input: NewParticipation,
  actor: AuditActor | null,
): Promise<Result.Result<ParticipationEditView, AddParticipationError>> =>
  db.transaction().execute(async (trx) => {
    // The project row lock serialises participation writes of one project.
    const project = await trx
      .selectFrom('project as p')
      .innerJoin('organisation as o', 'o.id', 'p.owner_organisation_id')
      .select([
        'p.id',
        'p.slug',
        'p.owner_organisation_id',
        'o.slug as owner',
        'o.name',
        'o.short_name',
      ])
      .where('p.slug', '=', input.project)
      .forUpdate('p')
      .executeTakeFirst();
    if (!project) return notFound('project', input.project);
    const [municipality, world, contact] = await Promise.all([
      trx
        .selectFrom('municipality')
        .select(['number', 'name'])
        .where('number', '=', input.municipality)
        .executeTakeFirst(),
      loadMembershipWorld(trx),
      loadContact(trx, input.contact),
    ]);
    if (!municipality) return notFound('municipality', input.municipality);
    if (Result.isFailure(contact)) return Result.fail(contact.failure);
    const person = contact.success;
    const checked = Result.flatMap(
      person
        ? checkContact(person, {
            owner: project.owner_organisation_id,
            municipality: municipality.number,
          })
        : Result.succeed(undefined),
      () =>
        checkParticipant({
          municipality: municipality.number,
          municipalityName: municipality.name,
          organisation: project.owner,
          organisationName: project.short_name ?? project.name,
          date: input.since,
          memberships: world.memberships,
          regions: world.regions,
        }),
    );
    if (Result.isFailure(checked)) return Result.fail(checked.failure);

    const existing = await trx
      .selectFrom('participation')
      .select(['id', 'version'])
      .where('project_id', '=', project.id)
      .where('municipality_number', '=', municipality.number)
      .forUpdate()
      .executeTakeFirst();
    const step = { status: input.status, since: input.since };
    const audit = (action: AuditAction, before: ParticipationEditView | null, id: string) =>
      mustView(trx, id).then(async (after) => {
        await writeAudit(trx, {
          actor,
          action,
          recordType: 'participation',
          recordId: id,
          organisationId: project.owner_organisation_id,
          before: before && snapshot(project.slug, before),
          after: snapshot(project.slug, after),
        });
        return Result.succeed(after);
      });
    if (existing) {
      const before = await mustView(trx, existing.id);
      if (input.version !== undefined && input.version !== existing.version) {
        return stale('participation', existing.id, input.version, before);
      }
      const decided = rejoin(state(before), step);
      if (Result.isFailure(decided)) return Result.fail(decided.failure);
      const contactId = person === undefined ? undefined : (person?.id ?? null);
      const change = { state: decided.success, step, note: input.note, contactId };
      await writeStep(trx, existing, change, actor);
      return audit('participation.rejoin', before, existing.id);
    }

    const started = startParticipation(step);
    const { id } = await trx
      .insertInto('participation')
      .values({
        project_id: project.id,
        municipality_number: municipality.number,
        status: started.status,
        since: started.since,
        note: input.note?.trim() ?? '',
        contact_person_id: person?.id ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, id, { ...step, note: input.note }, actor);
    return audit('participation.add', null, id);
  });

/**
 * Changes the participation `id` at `version` (changeAtVersion); `decide` writes and names the
 * audit action, or refuses, or (null) finds nothing to change.
 */
const changeParticipation = <E>(
  db: Kysely<Database>,
  input: { readonly id: string; readonly version: number },
  actor: AuditActor | null,
  decide: (
    trx: Transaction<Database>,
    row: Locked,
    before: ParticipationEditView,
  ) => Promise<Result.Result<AuditAction | null, E>>,
): Promise<Result.Result<ParticipationEditView, E | NotFound | StaleVersion>> =>
  changeAtVersion(db, {
    recordType: 'participation',
    recordId: input.id,
    version: input.version,
    actor,
    lock: (trx) =>
      isUuid(input.id) ? lockParticipation(trx, input.id) : Promise.resolve(undefined),
    view: (trx) => mustView(trx, input.id),
    snapshot: (view, row) => snapshot(row.project, view),
    write: async (trx, row, before) =>
      Result.map(await decide(trx, row, before), (action) =>
        action === null ? null : { action, organisationId: row.owner_organisation_id },
      ),
  });

const lockParticipation = (trx: Transaction<Database>, id: string) =>
  trx
    .selectFrom('participation as pa')
    .innerJoin('project as p', 'p.id', 'pa.project_id')
    .select([
      'pa.id',
      'pa.version',
      'pa.municipality_number',
      'p.slug as project',
      'p.owner_organisation_id',
    ])
    .where('pa.id', '=', id)
    .forUpdate('pa')
    .executeTakeFirst();

type Locked = NonNullable<Awaited<ReturnType<typeof lockParticipation>>>;

/** The domain's changeParticipationStatus on the participation at `version`, with an event row. */
const changeStatus = (
  db: Kysely<Database>,
  input: ParticipationStatusChange,
  actor: AuditActor | null,
  action: AuditAction,
): Promise<Result.Result<ParticipationEditView, ParticipationChangeError>> =>
  changeParticipation<ParticipationDateBeforeLast | ParticipationUnchanged>(
    db,
    input,
    actor,
    async (trx, row, before) => {
      const step = { status: input.status, since: input.since };
      const decided = changeParticipationStatus(state(before), step);
      if (Result.isFailure(decided)) return Result.fail(decided.failure);
      await writeStep(trx, row, { state: decided.success, step, note: input.note }, actor);
      return Result.succeed(action);
    },
  );

/** Moves a participation to another status from `since`; audited as participation.set-status. */
export const setParticipationStatus = (
  db: Kysely<Database>,
  input: ParticipationStatusChange,
  actor: AuditActor | null,
): Promise<Result.Result<ParticipationEditView, ParticipationChangeError>> =>
  changeStatus(db, input, actor, 'participation.set-status');

/** The municipality withdraws from `since`; the row and its history stay (rejoin continues it). */
export const withdrawParticipation = (
  db: Kysely<Database>,
  input: { readonly id: string; readonly since: IsoDate; readonly version: number },
  actor: AuditActor | null,
): Promise<Result.Result<ParticipationEditView, ParticipationChangeError>> =>
  changeStatus(db, { ...input, status: 'withdrawn' }, actor, 'participation.withdraw');

/**
 * Sets or clears (null) the contact of a participation at `version`, whatever its status; audited
 * as participation.set-contact (no history event: the history is about statuses). An unknown
 * person is NotFound ('person'); a person of neither the project's owner organisation nor the
 * participation's municipality is ContactNotCandidate. The same contact again writes nothing.
 */
export const setParticipationContact = (
  db: Kysely<Database>,
  input: ParticipationContactChange,
  actor: AuditActor | null,
): Promise<Result.Result<ParticipationEditView, ContactNotCandidate | NotFound | StaleVersion>> =>
  changeParticipation<ContactNotCandidate | NotFound>(
    db,
    input,
    actor,
    async (trx, row, before) => {
      const contact = input.contact === '' ? null : input.contact;
      const person = await loadContact(trx, contact);
      if (Result.isFailure(person)) return Result.fail(person.failure);
      if (person.success) {
        const checked = checkContact(person.success, {
          owner: row.owner_organisation_id,
          municipality: row.municipality_number,
        });
        if (Result.isFailure(checked)) return Result.fail(checked.failure);
      }
      if ((before.contact?.id ?? null) === contact) return Result.succeed(null);
      await trx
        .updateTable('participation')
        .set({ contact_person_id: contact, version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', input.id)
        .where('version', '=', input.version)
        .execute();
      return Result.succeed('participation.set-contact' as const);
    },
  );

/** The slug of the organisation owning the participation's project; null when none. */
export const participationOrganisation = async (
  db: Kysely<Database>,
  id: string,
): Promise<string | null> => {
  if (!isUuid(id)) return null;
  const row = await db
    .selectFrom('participation as pa')
    .innerJoin('project as p', 'p.id', 'pa.project_id')
    .innerJoin('organisation as o', 'o.id', 'p.owner_organisation_id')
    .select('o.slug')
    .where('pa.id', '=', id)
    .executeTakeFirst();
  return row?.slug ?? null;
};
