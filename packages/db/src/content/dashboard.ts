import type { DashboardOverview, OrganisationRef, WorkItem } from '@klimakommuner/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { byName } from './order.ts';

/**
 * What waits for an editor in their organisations (every one for 'all', an admin): the
 * organisations, and the content in draft or in review (organisation profiles, projects, library
 * resources and events), newest change first. Two queries.
 */
export const dashboardFor = async (
  db: Kysely<Database>,
  organisations: readonly string[] | 'all',
): Promise<DashboardOverview> => {
  if (organisations !== 'all' && organisations.length === 0) {
    return { organisations: [], drafts: [], inReview: [] };
  }
  let query = db
    .selectFrom('organisation')
    .select(['id', 'slug', 'name', 'short_name', 'kind', 'status', 'updated_at', 'publish_at']);
  if (organisations !== 'all') query = query.where('slug', 'in', organisations);
  const rows = await query.execute();
  const refs = rows.map(
    (o): OrganisationRef => ({ slug: o.slug, name: o.name, shortName: o.short_name, kind: o.kind }),
  );
  const byId = new Map(rows.map((o, i) => [o.id, refs[i]]));
  const ids = rows.map((o) => o.id);
  // Projects, library resources and events in draft or in review, in one statement (articles
  // have a section of their own, articlesInReview).
  const waiting = (table: 'project' | 'resource', recordType: string) =>
    db
      .selectFrom(table)
      .select([
        sql.lit(recordType).as('record_type'),
        'slug',
        'title',
        'owner_organisation_id as organisation_id',
        'workflow_status',
        'updated_at',
        'publish_at',
      ])
      .where('owner_organisation_id', 'in', ids)
      .where('workflow_status', 'in', ['draft', 'in_review']);
  const content =
    rows.length === 0
      ? []
      : await waiting('project', 'project')
          .unionAll(waiting('resource', 'resource'))
          .unionAll(
            db
              .selectFrom('event')
              .select([
                sql.lit('event').as('record_type'),
                'slug',
                'title',
                'organiser_organisation_id as organisation_id',
                'workflow_status',
                'updated_at',
                'publish_at',
              ])
              .where('organiser_organisation_id', 'in', ids)
              .where('workflow_status', 'in', ['draft', 'in_review']),
          )
          .execute();
  const contentItems = content.flatMap((c): WorkItem[] => {
    const organisation = byId.get(c.organisation_id);
    if (!organisation) return [];
    return [
      {
        recordType: c.record_type,
        recordId: c.slug,
        title: c.title,
        organisation,
        status: c.workflow_status,
        updatedAt: new Date(c.updated_at).toISOString(),
        publishAt: c.publish_at === null ? null : new Date(c.publish_at).toISOString(),
      },
    ];
  });
  const items = rows
    .map(
      (o, i): WorkItem => ({
        recordType: 'organisation',
        recordId: o.slug,
        title: o.name,
        // biome-ignore lint/style/noNonNullAssertion: refs is rows mapped one to one
        organisation: refs[i]!,
        status: o.status,
        updatedAt: o.updated_at.toISOString(),
        publishAt: o.publish_at?.toISOString() ?? null,
      }),
    )
    .concat(contentItems)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.recordId.localeCompare(b.recordId));
  return {
    organisations: refs.sort(byName),
    drafts: items.filter((i) => i.status === 'draft'),
    inReview: items.filter((i) => i.status === 'in_review'),
  };
};
