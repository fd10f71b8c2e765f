import type { DashboardOverview, OrganisationRef, WorkItem } from '@klimakommuner/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { byName } from './order.ts';

/**
 * What waits for an editor in their organisations (every one for 'all', an admin): the
 * organisations, and the content in draft or in review (organisation profiles and projects),
 * newest change first. Two queries.
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
  const projects =
    rows.length === 0
      ? []
      : await db
          .selectFrom('project')
          .select([
            'slug',
            'title',
            'owner_organisation_id',
            'workflow_status',
            'updated_at',
            'publish_at',
          ])
          .where(
            'owner_organisation_id',
            'in',
            rows.map((o) => o.id),
          )
          .where('workflow_status', 'in', ['draft', 'in_review'])
          .execute();
  const projectItems = projects.flatMap((p): WorkItem[] => {
    const organisation = byId.get(p.owner_organisation_id);
    if (!organisation) return [];
    return [
      {
        recordType: 'project',
        recordId: p.slug,
        title: p.title,
        organisation,
        status: p.workflow_status,
        updatedAt: p.updated_at.toISOString(),
        publishAt: p.publish_at?.toISOString() ?? null,
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
    .concat(projectItems)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.recordId.localeCompare(b.recordId));
  return {
    organisations: refs.sort(byName),
    drafts: items.filter((i) => i.status === 'draft'),
    inReview: items.filter((i) => i.status === 'in_review'),
  };
};
