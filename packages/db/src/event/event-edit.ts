import {
  type AuditActor,
  checkEvent,
  type EventDraft,
  type EventEditError,
  type EventEditView,
  eventBounds,
  eventSlug,
  type InvalidTransition,
  markdownPlainText,
  type NotFound,
  type PublishAtWithoutPublish,
  publishAtOf,
  type StaleVersion,
  type Status,
  type Transition,
  transition,
} from '@klimakommuner/domain';
import { Result } from 'effect';
import { type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import { writeAudit } from '../audit/write.ts';
import { notFound, stale } from '../content/results.ts';
import { changeAtVersion, mustUpdateOne, type Written } from '../content/versioned.ts';
import type { Database, EventTable } from '../schema.ts';
import { getEventForEdit } from './events.ts';
import { refreshEventDocument } from './search-document.ts';

// Writes of events, in the shape of resource-edit.ts (kept parallel: the columns, references and
// the calendar's SEQUENCE differ; the shared pieces — changeAtVersion, audit, publishAtOf — are
// reused).

/** A new event: the domain's draft plus the API's sanitised rendering of `description`. */
export interface NewEvent extends EventDraft {
  readonly descriptionHtml: string;
  /** Seeded demo content, marked wherever it is shown. */
  readonly demo?: boolean;
}

/** A saved event; the organiser and the slug stay as they are. */
export interface EventUpdate extends Omit<EventDraft, 'organiser'> {
  readonly slug: string;
  readonly version: number;
  /** The workflow status the API decided the caller may edit (versioned.ts, decidedOn). */
  readonly decidedOn?: Status | undefined;
  readonly descriptionHtml: string;
}

export interface EventTransition {
  readonly slug: string;
  readonly version: number;
  readonly transition: Transition;
  readonly publishAt?: string | Date | null | undefined;
}

export type EventWriteError = EventEditError | NotFound;

/** What the audit trail keeps of an event (the HTML is derived from the Markdown). */
const snapshot = (v: EventEditView) => ({
  slug: v.slug,
  title: v.title,
  summary: v.summary,
  description: v.description,
  timing: v.timing,
  address: v.address,
  onlineUrl: v.onlineUrl,
  organiser: v.organiser.slug,
  project: v.projectSlug,
  themes: v.themes.map((t) => t.slug),
  municipalities: v.municipalities.map((m) => m.number),
  registrationUrl: v.registrationUrl,
  registrationDeadline: v.registrationDeadline,
  capacityNote: v.capacityNote,
  status: v.status,
  statusNote: v.statusNote,
  workflowStatus: v.workflowStatus,
  publishAt: v.publishAt,
  sequence: v.sequence,
  version: v.version,
});

const mustView = async (db: Kysely<Database>, slug: string): Promise<EventEditView> => {
  const view = await getEventForEdit(db, slug);
  if (!view) throw new Error(`Event ${slug} vanished inside its transaction`);
  return view;
};

type Fields = Omit<EventDraft, 'organiser'> & { readonly descriptionHtml: string };

const columns = (draft: Fields) => {
  const { start, end } = eventBounds(draft.timing);
  return {
    title: draft.title.trim(),
    summary: draft.summary.trim(),
    description: draft.description,
    description_html: draft.descriptionHtml,
    description_text: markdownPlainText(draft.description),
    all_day: draft.timing.allDay,
    starts_at: start,
    ends_at: end,
    start_date: draft.timing.allDay ? draft.timing.startDate : null,
    end_date: draft.timing.allDay ? draft.timing.endDate : null,
    address: draft.address === null || draft.address.trim() === '' ? null : draft.address.trim(),
    online_url: draft.onlineUrl,
    registration_url: draft.registrationUrl,
    registration_deadline: draft.registrationDeadline,
    capacity_note: draft.capacityNote.trim(),
    status: draft.status,
    status_note: draft.status === 'planned' ? '' : draft.statusNote.trim(),
  };
};

interface References {
  readonly themeIds: readonly string[];
  readonly projectId: string | null;
  readonly municipalities: readonly string[];
}

/** Resolves the themes, project and municipalities a draft names; NotFound for the first unknown. */
const resolveReferences = async (
  db: Kysely<Database>,
  draft: Pick<EventDraft, 'themes' | 'project' | 'municipalities'>,
): Promise<Result.Result<References, NotFound>> => {
  const themeSlugs = [...new Set(draft.themes)];
  const numbers = [...new Set(draft.municipalities)];
  const [themes, project, municipalities] = await Promise.all([
    themeSlugs.length === 0
      ? []
      : db.selectFrom('theme').select(['id', 'slug']).where('slug', 'in', themeSlugs).execute(),
    draft.project === null
      ? null
      : db.selectFrom('project').select('id').where('slug', '=', draft.project).executeTakeFirst(),
    numbers.length === 0
      ? []
      : db.selectFrom('municipality').select('number').where('number', 'in', numbers).execute(),
  ]);
  const themeIds = new Map(themes.map((t) => [t.slug, t.id]));
  const missingTheme = themeSlugs.find((s) => !themeIds.has(s));
  if (missingTheme !== undefined) return notFound('theme', missingTheme);
  if (draft.project !== null && !project) return notFound('project', draft.project);
  const known = new Set(municipalities.map((m) => m.number));
  const missingMunicipality = numbers.find((n) => !known.has(n));
  if (missingMunicipality !== undefined) return notFound('municipality', missingMunicipality);
  return Result.succeed({
    themeIds: themeSlugs.map((s) => themeIds.get(s) ?? ''),
    projectId: project?.id ?? null,
    municipalities: numbers,
  });
};

/** Replaces the event's themes and municipalities. */
const writeChildren = async (
  db: Kysely<Database>,
  eventId: string,
  references: References,
): Promise<void> => {
  await db.deleteFrom('event_theme').where('event_id', '=', eventId).execute();
  await db.deleteFrom('event_municipality').where('event_id', '=', eventId).execute();
  if (references.themeIds.length > 0)
    await db
      .insertInto('event_theme')
      .values(references.themeIds.map((theme_id) => ({ event_id: eventId, theme_id })))
      .execute();
  if (references.municipalities.length > 0)
    await db
      .insertInto('event_municipality')
      .values(
        references.municipalities.map((municipality_number) => ({
          event_id: eventId,
          municipality_number,
        })),
      )
      .execute();
};

/**
 * Creates a draft event organised by `draft.organiser`, if the domain's checkEvent accepts it
 * (ends after it starts, a place or a link, a registration deadline with a link and before the
 * start, a reason when cancelled or moved), with a slug unique among events. Audited.
 */
export const createEvent = (
  db: Kysely<Database>,
  draft: NewEvent,
  actor: AuditActor | null,
): Promise<Result.Result<EventEditView, EventWriteError>> =>
  db.transaction().execute(async (trx): Promise<Result.Result<EventEditView, EventWriteError>> => {
    const organiser = await trx
      .selectFrom('organisation')
      .select(['id', 'slug'])
      .where('slug', '=', draft.organiser)
      .executeTakeFirst();
    if (!organiser) return notFound('organisation', draft.organiser);
    const references = await resolveReferences(trx, draft);
    if (Result.isFailure(references)) return Result.fail(references.failure);
    const checked = checkEvent(draft);
    if (Result.isFailure(checked)) return Result.fail(checked.failure);
    // Serialises creation so two events with the same title get different slugs.
    await sql`select pg_advisory_xact_lock(hashtext('event.slug'))`.execute(trx);
    const taken = new Set(
      (await trx.selectFrom('event').select('slug').execute()).map((r) => r.slug),
    );
    const slug = eventSlug(draft.title, taken);
    const { id } = await trx
      .insertInto('event')
      .values({
        ...columns(draft),
        slug,
        organiser_organisation_id: organiser.id,
        project_id: references.success.projectId,
        workflow_status: 'draft',
        publish_at: null,
        demo: draft.demo ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeChildren(trx, id, references.success);
    const view = await mustView(trx, slug);
    await writeAudit(trx, {
      actor,
      action: 'event.create',
      recordType: 'event',
      recordId: slug,
      organisationId: organiser.id,
      before: null,
      after: snapshot(view),
    });
    return Result.succeed(view);
  });

type Locked = Pick<
  Selectable<EventTable>,
  'id' | 'organiser_organisation_id' | 'workflow_status' | 'status' | 'version'
>;

/**
 * Changes the event `slug` at `version` (changeAtVersion): `decide` gives the audit action and
 * the columns to set (and whether a calendar should see it: SEQUENCE + 1), or the rule's error;
 * the search document follows in the same transaction.
 */
const changeEvent = <E>(
  db: Kysely<Database>,
  input: {
    readonly slug: string;
    readonly version: number;
    readonly decidedOn?: Status | undefined;
  },
  actor: AuditActor | null,
  decide: (
    trx: Transaction<Database>,
    row: Locked,
    before: EventEditView,
  ) => Promise<
    Result.Result<
      { action: Written['action']; set: Updateable<EventTable>; calendarSees: boolean },
      E
    >
  >,
): Promise<Result.Result<EventEditView, E | NotFound | StaleVersion>> =>
  changeAtVersion(db, {
    recordType: 'event',
    recordId: input.slug,
    version: input.version,
    decidedOn: input.decidedOn,
    actor,
    lock: (trx) =>
      trx
        .selectFrom('event')
        .select(['id', 'organiser_organisation_id', 'workflow_status', 'status', 'version'])
        .where('slug', '=', input.slug)
        .forUpdate()
        .executeTakeFirst(),
    view: (trx) => mustView(trx, input.slug),
    snapshot,
    write: async (trx, row, before) => {
      const decided = await decide(trx, row, before);
      if (Result.isFailure(decided)) return Result.fail(decided.failure);
      const { set, calendarSees, action } = decided.success;
      mustUpdateOne(
        await trx
          .updateTable('event')
          .set({
            ...set,
            ...(calendarSees ? { sequence: sql`sequence + 1` } : {}),
            version: sql`version + 1`,
            updated_at: sql`now()`,
          })
          .where('id', '=', row.id)
          .where('version', '=', input.version)
          .executeTakeFirst(),
        'event',
      );
      await refreshEventDocument(trx, row.id);
      return Result.succeed({ action, organisationId: row.organiser_organisation_id });
    },
  });

/**
 * Saves an event (the API checked edit-draft or edit-published first) if the domain's
 * checkEvent accepts it. Any edit of a published event, and any change of its status, raises
 * its SEQUENCE so subscribed calendars take the new version.
 */
export const updateEvent = (
  db: Kysely<Database>,
  input: EventUpdate,
  actor: AuditActor | null,
): Promise<Result.Result<EventEditView, EventWriteError | StaleVersion>> =>
  changeEvent<EventWriteError>(db, input, actor, async (trx, row, before) => {
    const references = await resolveReferences(trx, input);
    if (Result.isFailure(references)) return Result.fail(references.failure);
    const checked = checkEvent({ ...input, organiser: before.organiser.slug });
    if (Result.isFailure(checked)) return Result.fail(checked.failure);
    await writeChildren(trx, row.id, references.success);
    return Result.succeed({
      action: 'event.update' as const,
      set: { ...columns(input), project_id: references.success.projectId },
      calendarSees: row.workflow_status === 'published' || row.status !== input.status,
    });
  });

/** Moves the event through the workflow; every move raises its SEQUENCE. Audited as `event.<t>`. */
export const transitionEvent = async (
  db: Kysely<Database>,
  input: EventTransition,
  actor: AuditActor | null,
): Promise<
  Result.Result<
    EventEditView,
    InvalidTransition | PublishAtWithoutPublish | NotFound | StaleVersion
  >
> => {
  const publishAt = publishAtOf(input.transition, input.publishAt);
  if (Result.isFailure(publishAt)) return Result.fail(publishAt.failure);
  return changeEvent(db, input, actor, async (_trx, row) =>
    Result.map(transition({ status: row.workflow_status }, input.transition), (status) => ({
      action: `event.${input.transition}` as const,
      set: {
        workflow_status: status,
        ...(publishAt.success !== undefined ? { publish_at: publishAt.success } : {}),
      },
      calendarSees: true,
    })),
  );
};

/** Deletes the event at `version`, with its search document; the audit row keeps what it was. */
export const deleteEvent = (
  db: Kysely<Database>,
  input: { readonly slug: string; readonly version: number },
  actor: AuditActor | null,
): Promise<Result.Result<{ readonly slug: string }, NotFound | StaleVersion>> =>
  db
    .transaction()
    .execute(
      async (trx): Promise<Result.Result<{ readonly slug: string }, NotFound | StaleVersion>> => {
        const row = await trx
          .selectFrom('event')
          .select(['id', 'organiser_organisation_id', 'version'])
          .where('slug', '=', input.slug)
          .forUpdate()
          .executeTakeFirst();
        if (!row) return notFound('event', input.slug);
        const before = await mustView(trx, input.slug);
        if (row.version !== input.version) return stale('event', input.slug, input.version, before);
        await trx
          .deleteFrom('search_document')
          .where('type', '=', 'event')
          .where('id', '=', row.id)
          .execute();
        await trx.deleteFrom('event').where('id', '=', row.id).execute();
        await writeAudit(trx, {
          actor,
          action: 'event.delete',
          recordType: 'event',
          recordId: input.slug,
          organisationId: row.organiser_organisation_id,
          before: snapshot(before),
          after: null,
        });
        return Result.succeed({ slug: input.slug });
      },
    );
