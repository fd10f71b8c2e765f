import {
  type AuditActor,
  checkParticipant,
  changeParticipationStatus,
  type IsoDate,
  type NotAMemberOfOwner,
  NotFound,
  type ParticipationAlreadyActive,
  type ParticipationDateBeforeLast,
  type ParticipationEditView,
  type ParticipationState,
  type ParticipationStatus,
  type ParticipationUnchanged,
  rejoin,
  startParticipation,
} from '@klimakommuner/domain';
import { Effect } from 'effect';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { writeAudit } from './audit.ts';
import { notFound, type Outcome, ok, refused, stale } from './outcome.ts';
import { participationViews } from './projects.ts';
import { isUuid } from './users.ts';
import { loadMembershipWorld } from './world.ts';

export type AddParticipationError =
  | NotAMemberOfOwner
  | ParticipationAlreadyActive
  | ParticipationDateBeforeLast
  | ParticipationUnchanged;

export type ParticipationChangeError = ParticipationDateBeforeLast | ParticipationUnchanged;

/** Record type of the NotFound a refused setParticipationContact carries. */
export const CONTACT_NOT_CANDIDATE = 'participation-contact';

/** The Norwegian message of ContactNotCandidate. */
export const CONTACT_NOT_CANDIDATE_MESSAGE =
  'Kontaktpersonen må høre til organisasjonen som eier prosjektet eller til kommunen som deltar.';

/**
 * Why setParticipationContact refuses a person who exists: they belong neither to the project's
 * owner organisation nor to the participation's municipality. No domain error fits, so it is the
 * domain's NotFound ("not found among the candidates") with `recordType` CONTACT_NOT_CANDIDATE,
 * the person's id as `recordId` and CONTACT_NOT_CANDIDATE_MESSAGE as its `message`.
 */
export type ContactNotCandidate = NotFound & {
  readonly recordType: typeof CONTACT_NOT_CANDIDATE;
  readonly recordId: string;
};

export const isContactNotCandidate = (error: unknown): error is ContactNotCandidate =>
  error instanceof NotFound && error.recordType === CONTACT_NOT_CANDIDATE;

const contactNotCandidate = (personId: string): ContactNotCandidate => {
  const error = new NotFound({ recordType: CONTACT_NOT_CANDIDATE, recordId: personId });
  // NotFound's own message is generic; this instance says what is wrong.
  Object.defineProperty(error, 'message', { value: CONTACT_NOT_CANDIDATE_MESSAGE });
  return error as ContactNotCandidate;
};

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

const decide = <A, E>(effect: Effect.Effect<A, E>) => Effect.runSync(Effect.result(effect));

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
  history: v.history,
  version: v.version,
});

const state = (v: ParticipationEditView): ParticipationState => ({
  status: v.status,
  since: v.since,
  history: v.history,
});

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

/** The contact person id, checked to exist; undefined = keep, null = none. */
const resolveContact = async (trx: Kysely<Database>, contact: string | null | undefined) => {
  if (contact === undefined || contact === null || contact === '') {
    return { ok: true as const, id: contact === '' ? null : contact };
  }
  if (!isUuid(contact)) return { ok: false as const };
  const found = await trx
    .selectFrom('person')
    .select('id')
    .where('id', '=', contact)
    .executeTakeFirst();
  return found ? { ok: true as const, id: found.id } : { ok: false as const };
};

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
  _today: IsoDate,
): Promise<Outcome<ParticipationEditView, AddParticipationError>> =>
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
      resolveContact(trx, input.contact),
    ]);
    if (!municipality) return notFound('municipality', input.municipality);
    if (!contact.ok) return notFound('person', input.contact ?? '');
    const memberError = decide(
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
    if (memberError._tag === 'Failure') return refused(memberError.failure);

    const existing = await trx
      .selectFrom('participation')
      .select(['id', 'version'])
      .where('project_id', '=', project.id)
      .where('municipality_number', '=', municipality.number)
      .forUpdate()
      .executeTakeFirst();
    const step = { status: input.status, since: input.since };
    if (existing) {
      const before = await mustView(trx, existing.id);
      const decided = decide(rejoin(state(before), step));
      if (decided._tag === 'Failure') return refused(decided.failure);
      return ok(
        await applyStep(
          trx,
          { id: existing.id, version: existing.version, project: project.slug },
          { state: decided.success, step, note: input.note, contactId: contact.id },
          {
            actor,
            action: 'participation.rejoin',
            organisationId: project.owner_organisation_id,
            before,
          },
        ),
      );
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
        contact_person_id: contact.id ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, id, { ...step, note: input.note }, actor);
    const after = await mustView(trx, id);
    await writeAudit(trx, {
      actor,
      action: 'participation.add',
      recordType: 'participation',
      recordId: id,
      organisationId: project.owner_organisation_id,
      before: null,
      after: snapshot(project.slug, after),
    });
    return ok(after);
  });

/**
 * Writes a state the domain decided (rejoin or a status change) on the row at `version`, with
 * its history event and the audit row, in the caller's transaction; returns the new view.
 */
const applyStep = async (
  trx: Transaction<Database>,
  row: { readonly id: string; readonly version: number; readonly project: string },
  change: {
    readonly state: { readonly status: ParticipationStatus; readonly since: IsoDate };
    readonly step: { readonly status: ParticipationStatus; readonly since: IsoDate };
    readonly note: string | undefined;
    readonly contactId?: string | null | undefined;
  },
  audit: {
    readonly actor: AuditActor | null;
    readonly action: string;
    readonly organisationId: string;
    readonly before: ParticipationEditView;
  },
): Promise<ParticipationEditView> => {
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
  await recordEvent(trx, row.id, { ...change.step, note: change.note }, audit.actor);
  const after = await mustView(trx, row.id);
  await writeAudit(trx, {
    actor: audit.actor,
    action: audit.action,
    recordType: 'participation',
    recordId: row.id,
    organisationId: audit.organisationId,
    before: snapshot(row.project, audit.before),
    after: snapshot(row.project, after),
  });
  return after;
};

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

/** The domain's changeParticipationStatus on the participation at `version`, with an event row. */
const changeStatus = (
  db: Kysely<Database>,
  input: ParticipationStatusChange,
  actor: AuditActor | null,
  action: string,
): Promise<Outcome<ParticipationEditView, ParticipationChangeError>> =>
  db.transaction().execute(async (trx) => {
    if (!isUuid(input.id)) return notFound('participation', input.id);
    const row = await lockParticipation(trx, input.id);
    if (!row) return notFound('participation', input.id);
    const before = await mustView(trx, input.id);
    if (row.version !== input.version) {
      return stale('participation', input.id, input.version, before);
    }
    const step = { status: input.status, since: input.since };
    const decided = decide(changeParticipationStatus(state(before), step));
    if (decided._tag === 'Failure') return refused(decided.failure);
    return ok(
      await applyStep(
        trx,
        { id: input.id, version: input.version, project: row.project },
        { state: decided.success, step, note: input.note },
        { actor, action, organisationId: row.owner_organisation_id, before },
      ),
    );
  });

/** Moves a participation to another status from `since`; audited as participation.set-status. */
export const setParticipationStatus = (
  db: Kysely<Database>,
  input: ParticipationStatusChange,
  actor: AuditActor | null,
): Promise<Outcome<ParticipationEditView, ParticipationChangeError>> =>
  changeStatus(db, input, actor, 'participation.set-status');

/** The municipality withdraws from `since`; the row and its history stay (rejoin continues it). */
export const withdrawParticipation = (
  db: Kysely<Database>,
  input: { readonly id: string; readonly since: IsoDate; readonly version: number },
  actor: AuditActor | null,
): Promise<Outcome<ParticipationEditView, ParticipationChangeError>> =>
  changeStatus(db, { ...input, status: 'withdrawn' }, actor, 'participation.withdraw');

/**
 * Sets or clears (null) the contact of a participation at `version`, whatever its status; audited
 * as participation.set-contact (no history event: the history is about statuses). Stale → the
 * stored participation; an unknown person → not-found ('person'); a person of neither the
 * project's owner organisation nor the participation's municipality → refused
 * (ContactNotCandidate). The same contact again writes nothing and returns the participation.
 */
export const setParticipationContact = (
  db: Kysely<Database>,
  input: ParticipationContactChange,
  actor: AuditActor | null,
): Promise<Outcome<ParticipationEditView, ContactNotCandidate>> =>
  db.transaction().execute(async (trx) => {
    if (!isUuid(input.id)) return notFound('participation', input.id);
    const row = await lockParticipation(trx, input.id);
    if (!row) return notFound('participation', input.id);
    const before = await mustView(trx, input.id);
    if (row.version !== input.version) {
      return stale('participation', input.id, input.version, before);
    }
    const contact = input.contact === '' ? null : input.contact;
    if (contact !== null) {
      const person = isUuid(contact)
        ? await trx
            .selectFrom('person')
            .select(['id', 'organisation_id', 'municipality_number'])
            .where('id', '=', contact)
            .executeTakeFirst()
        : undefined;
      if (!person) return notFound('person', contact);
      if (
        person.organisation_id !== row.owner_organisation_id &&
        person.municipality_number !== row.municipality_number
      ) {
        return refused(contactNotCandidate(contact));
      }
    }
    if ((before.contact?.id ?? null) === contact) return ok(before);
    await trx
      .updateTable('participation')
      .set({ contact_person_id: contact, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .execute();
    const after = await mustView(trx, input.id);
    await writeAudit(trx, {
      actor,
      action: 'participation.set-contact',
      recordType: 'participation',
      recordId: input.id,
      organisationId: row.owner_organisation_id,
      before: snapshot(row.project, before),
      after: snapshot(row.project, after),
    });
    return ok(after);
  });

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
