import {
  type AuditActor,
  type InvalidTransition,
  type IsoDate,
  type OrganisationEditView,
  type Transition,
  transition,
} from '@klimakommuner/domain';
import { Effect } from 'effect';
import { type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { Database, OrganisationTable } from '../schema.ts';
import { writeAudit } from './audit.ts';
import { loadOrganisationDetail } from './organisations.ts';
import { notFound, type Outcome, ok, refused, stale } from './outcome.ts';
import type { StoredProfile } from './world.ts';

/** The public detail plus the whole stored profile, whatever its status (editors only). */
export const getOrganisationForEdit = async (
  db: Kysely<Database>,
  slug: string,
  today: IsoDate,
  now: Date = new Date(),
): Promise<OrganisationEditView | null> => {
  const loaded = await loadOrganisationDetail(db, slug, today, now);
  if (!loaded) return null;
  const { updatedAt: _u, ...profile } = loaded.record.profile;
  return { ...loaded.detail, ...profile };
};

/** What the audit trail keeps of a profile (the HTML is derived from the Markdown). */
const snapshot = (slug: string, p: Omit<StoredProfile, 'descriptionHtml' | 'updatedAt'>) => ({
  slug,
  description: p.description,
  website: p.website,
  contactEmail: p.contactEmail,
  status: p.status,
  publishAt: p.publishAt,
  version: p.version,
});

const lockOrganisation = (trx: Transaction<Database>, slug: string) =>
  trx
    .selectFrom('organisation')
    .select(['id', 'description', 'website', 'contact_email', 'status', 'publish_at', 'version'])
    .where('slug', '=', slug)
    .forUpdate()
    .executeTakeFirst();

type Locked = NonNullable<Awaited<ReturnType<typeof lockOrganisation>>>;

const lockedSnapshot = (slug: string, row: Locked) =>
  snapshot(slug, {
    description: row.description,
    website: row.website,
    contactEmail: row.contact_email,
    status: row.status,
    publishAt: row.publish_at?.toISOString() ?? null,
    version: row.version,
  });

const mustView = async (trx: Kysely<Database>, slug: string, today: IsoDate, now: Date) => {
  const view = await getOrganisationForEdit(trx, slug, today, now);
  if (!view) throw new Error(`Organisation ${slug} vanished inside its transaction`);
  return view;
};

/**
 * Runs `change` on the organisation locked at `version` (`select … for update`, then
 * `update … where id and version`), writes the audit row in the same transaction and returns
 * the new edit view; stale → the stored edit view, nothing written.
 */
const changeOrganisation = <E>(
  db: Kysely<Database>,
  input: { readonly slug: string; readonly version: number },
  context: { readonly actor: AuditActor | null; readonly today: IsoDate; readonly now: Date },
  change: (
    row: Locked,
  ) =>
    | { readonly refused: E }
    | { readonly action: string; readonly set: Updateable<OrganisationTable> },
): Promise<Outcome<OrganisationEditView, E>> =>
  db.transaction().execute(async (trx) => {
    const { slug, version } = input;
    const row = await lockOrganisation(trx, slug);
    if (!row) return notFound('organisation', slug);
    if (row.version !== version) {
      return stale(
        'organisation',
        slug,
        version,
        await mustView(trx, slug, context.today, context.now),
      );
    }
    const decided = change(row);
    if ('refused' in decided) return refused(decided.refused);
    const updated = await trx
      .updateTable('organisation')
      .set({ ...decided.set, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', row.id)
      .where('version', '=', version)
      .returning(['description', 'website', 'contact_email', 'status', 'publish_at', 'version'])
      .executeTakeFirst();
    if (!updated) throw new Error('The locked organisation changed underneath');
    await writeAudit(trx, {
      actor: context.actor,
      action: decided.action,
      recordType: 'organisation',
      recordId: slug,
      organisationId: row.id,
      before: lockedSnapshot(slug, row),
      after: lockedSnapshot(slug, { ...row, ...updated }),
    });
    return ok(await mustView(trx, slug, context.today, context.now));
  });

const orNull = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

export interface ProfileUpdate {
  readonly slug: string;
  readonly version: number;
  /** Markdown. */
  readonly description: string;
  /** The API's sanitised rendering of `description`. */
  readonly descriptionHtml: string;
  /** Empty string or null: none. */
  readonly website: string | null;
  readonly contactEmail: string | null;
}

/** Saves the profile (any status: the API checks edit-draft or edit-published first). */
export const updateOrganisationProfile = (
  db: Kysely<Database>,
  input: ProfileUpdate,
  actor: AuditActor | null,
  today: IsoDate,
  now: Date = new Date(),
): Promise<Outcome<OrganisationEditView>> =>
  changeOrganisation<never>(db, input, { actor, today, now }, () => ({
    action: 'organisation.update',
    set: {
      description: input.description,
      description_html: input.descriptionHtml,
      website: orNull(input.website),
      contact_email: orNull(input.contactEmail),
    },
  }));

export interface ProfileTransition {
  readonly slug: string;
  readonly version: number;
  readonly transition: Transition;
  /** Only for publish: when it goes public (ISO timestamp or Date); null or absent = at once. */
  readonly publishAt?: string | Date | null;
}

/**
 * Moves the profile through the workflow; the domain's `transition` decides whether it may.
 * Audited as `organisation.<transition>` (organisation.publish, organisation.submit, …).
 */
export const transitionOrganisationProfile = (
  db: Kysely<Database>,
  input: ProfileTransition,
  actor: AuditActor | null,
  today: IsoDate,
  now: Date = new Date(),
): Promise<Outcome<OrganisationEditView, InvalidTransition>> =>
  changeOrganisation<InvalidTransition>(db, input, { actor, today, now }, (row) => {
    const result = Effect.runSync(Effect.result(transition(row, input.transition)));
    if (result._tag === 'Failure') return { refused: result.failure };
    return {
      action: `organisation.${input.transition}`,
      set: {
        status: result.success,
        ...(input.transition === 'publish'
          ? { publish_at: input.publishAt ? new Date(input.publishAt) : null }
          : {}),
      },
    };
  });
