import type {
  ResourceDetail,
  ResourceEditSummary,
  ResourceEditView,
  Status,
} from '@klimakommuner/domain';
import { type Kysely, sql } from 'kysely';
import { editReads, publicDetailOf } from '../content/edit-reads.ts';
import type { Database } from '../schema.ts';
import {
  detailFields,
  editFields,
  nbOrder,
  resourceIsPublic,
  resourceJoins,
  summaryFields,
} from './sql.ts';

// Reads of resources: each one statement, the view built in SQL (sql.ts).

/** JSON turns a timestamptz into an offset string; views carry toISOString's form. */
const isoTimestamp = (value: string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

const withIsoPublishAt = <V extends { readonly publishAt: string | null }>(view: V): V => ({
  ...view,
  publishAt: isoTimestamp(view.publishAt),
});

/** The edit view without what only editors see. */
export const publicResource = publicDetailOf<ResourceEditView, ResourceDetail>([
  'body',
  'projectSlug',
  'workflowStatus',
  'publishAt',
  'version',
]);

const reads = editReads<ResourceEditView, ResourceDetail>({
  fields: (now) => sql`${summaryFields(now)}, ${detailFields}, ${editFields}`,
  joins: resourceJoins,
  bySlug: (slug) => sql`r.slug = ${slug}`,
  isPublic: resourceIsPublic,
  normalise: withIsoPublishAt,
  toPublic: publicResource,
});

/** The resource whatever its workflow status, for editors; null when there is none. */
export const getResourceForEdit = reads.forEdit;
/** The public detail of a resource; null unless it is public at `now`. */
export const getResource = reads.get;
/** What the public will see once the resource is public, whatever its status now (admin preview). */
export const getResourcePreview = reads.preview;

/** Every resource of an organisation whatever its workflow status, by title in Norwegian order. */
export const listResourcesForEdit = async (
  db: Kysely<Database>,
  organisation: string,
  now: Date = new Date(),
): Promise<ResourceEditSummary[]> =>
  (
    await sql<{ view: ResourceEditSummary }>`select json_build_object(${summaryFields(now)},
        'workflowStatus', r.workflow_status, 'publishAt', r.publish_at, 'version', r.version) as view
      from ${resourceJoins} where o.slug = ${organisation}
      order by ${nbOrder(sql`r.title`)}, r.slug`.execute(db)
  ).rows.map((row) => withIsoPublishAt(row.view));

/** The slug of the resource's owner organisation (the API's access check); null when none. */
export const resourceOrganisation = async (
  db: Kysely<Database>,
  slug: string,
): Promise<string | null> =>
  (
    await db
      .selectFrom('resource as r')
      .innerJoin('organisation as o', 'o.id', 'r.owner_organisation_id')
      .select('o.slug')
      .where('r.slug', '=', slug)
      .executeTakeFirst()
  )?.slug ?? null;

/** A resource's workflow status (editing a published one needs more); null when none. */
export const resourceStatus = async (db: Kysely<Database>, slug: string): Promise<Status | null> =>
  (
    await db
      .selectFrom('resource')
      .select('workflow_status')
      .where('slug', '=', slug)
      .executeTakeFirst()
  )?.workflow_status ?? null;
