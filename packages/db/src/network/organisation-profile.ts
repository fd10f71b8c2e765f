import {
  type AuditAction,
  type AuditActor,
  type InvalidTransition,
  type IsoDate,
  type NotFound,
  normaliseEmail,
  type OrganisationEditView,
  type PublishAtWithoutPublish,
  publishAtOf,
  type StaleVersion,
  type Transition,
  transition,
} from '@klimakommuner/domain';
import { Result } from 'effect';
import { type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import { changeAtVersion } from '../content/versioned.ts';
import type { Database, OrganisationTable } from '../schema.ts';
import { loadOrganisationDetail } from './organisations.ts';

/** The public detail plus the whole stored profile, whatever its status (editors only). */
export const getOrganisationForEdit = async (
  db: Kysely<Database>,
  slug: string,
  today: IsoDate,
  now: Date,
): Promise<OrganisationEditView | null> => {
  const loaded = await loadOrganisationDetail(db, slug, today, now);
  if (!loaded) return null;
  const { updatedAt: _u, ...profile } = loaded.record.profile;
  return { ...loaded.detail, ...profile };
};

/** What the audit trail keeps of a profile (the HTML is derived from the Markdown). */
const snapshot = (view: OrganisationEditView) => ({
  slug: view.slug,
  description: view.description,
  website: view.website,
  contactEmail: view.contactEmail,
  status: view.status,
  publishAt: view.publishAt,
  version: view.version,
});

interface Clock {
  readonly today: IsoDate;
  readonly now: Date;
}

/**
 * Changes the profile of the organisation `slug` at `version` (changeAtVersion): `decide` gives
 * the columns to set, or the rule's error.
 */
const changeProfile = <E>(
  db: Kysely<Database>,
  input: { readonly slug: string; readonly version: number },
  actor: AuditActor | null,
  clock: Clock,
  action: AuditAction,
  decide: (row: {
    readonly status: OrganisationEditView['status'];
  }) => Result.Result<Updateable<OrganisationTable>, E>,
): Promise<Result.Result<OrganisationEditView, E | NotFound | StaleVersion>> =>
  changeAtVersion(db, {
    recordType: 'organisation',
    recordId: input.slug,
    version: input.version,
    actor,
    lock: (trx) =>
      trx
        .selectFrom('organisation')
        .select(['id', 'status', 'version'])
        .where('slug', '=', input.slug)
        .forUpdate()
        .executeTakeFirst(),
    view: (trx) => mustView(trx, input.slug, clock),
    snapshot,
    write: async (trx, row) => {
      const decided = decide(row);
      if (Result.isFailure(decided)) return Result.fail(decided.failure);
      const stored = await trx
        .updateTable('organisation')
        .set({ ...decided.success, version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', row.id)
        .where('version', '=', input.version)
        .returning(['description', 'website', 'contact_email', 'status', 'publish_at', 'version'])
        .executeTakeFirst();
      if (!stored) throw new Error('The locked organisation changed underneath');
      return Result.succeed({
        action,
        organisationId: row.id,
        after: {
          slug: input.slug,
          description: stored.description,
          website: stored.website,
          contactEmail: stored.contact_email,
          status: stored.status,
          publishAt: stored.publish_at?.toISOString() ?? null,
          version: stored.version,
        },
      });
    },
  });

const mustView = async (trx: Transaction<Database>, slug: string, clock: Clock) => {
  const view = await getOrganisationForEdit(trx, slug, clock.today, clock.now);
  if (!view) throw new Error(`Organisation ${slug} vanished inside its transaction`);
  return view;
};

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
  /** Empty string or null: none (the domain's Website and ContactEmail say what else may come). */
  readonly website: string | null;
  /** Stored normalised (normaliseEmail), as every email is. */
  readonly contactEmail: string | null;
}

/** Saves the profile (any status: the API checks edit-draft or edit-published first). */
export const updateOrganisationProfile = (
  db: Kysely<Database>,
  input: ProfileUpdate,
  actor: AuditActor | null,
  today: IsoDate,
  now: Date,
): Promise<Result.Result<OrganisationEditView, NotFound | StaleVersion>> => {
  const contactEmail = orNull(input.contactEmail);
  return changeProfile<never>(db, input, actor, { today, now }, 'organisation.update', () =>
    Result.succeed({
      description: input.description,
      description_html: input.descriptionHtml,
      website: orNull(input.website),
      contact_email: contactEmail === null ? null : normaliseEmail(contactEmail),
    }),
  );
};

export interface ProfileTransition {
  readonly slug: string;
  readonly version: number;
  readonly transition: Transition;
  /** Only for publish (publishAtOf): when it goes public; null or absent = at once. */
  readonly publishAt?: string | Date | null | undefined;
}

/**
 * Moves the profile through the workflow: the domain's `transition` decides whether it may, and
 * publishAtOf when it goes public. Audited as `organisation.<transition>`.
 */
export const transitionOrganisationProfile = async (
  db: Kysely<Database>,
  input: ProfileTransition,
  actor: AuditActor | null,
  today: IsoDate,
  now: Date,
): Promise<
  Result.Result<
    OrganisationEditView,
    InvalidTransition | PublishAtWithoutPublish | NotFound | StaleVersion
  >
> => {
  const publishAt = publishAtOf(input.transition, input.publishAt);
  if (Result.isFailure(publishAt)) return Result.fail(publishAt.failure);
  return changeProfile(
    db,
    input,
    actor,
    { today, now },
    `organisation.${input.transition}`,
    (row) =>
      Result.map(transition(row, input.transition), (status) => ({
        status,
        ...(publishAt.success !== undefined ? { publish_at: publishAt.success } : {}),
      })),
  );
};
