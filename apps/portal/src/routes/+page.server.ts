import { inPublisherOrder } from '#lib/publishers.ts';
import { apiFor } from '#lib/server/api.ts';
import { relatedOfSite } from '#lib/server/related.ts';
import type { PageServerLoad } from './$types';

/** How many joint projects the front page shows before «Se alle prosjektene». */
const FRONT_PROJECTS = 6;

// The site's hub: the publishers, the joint projects, and the newest of everything else. Started
// together so httpBatchLink sends them as one request (three statements).
export const load: PageServerLoad = async ({ fetch }) => {
  const api = apiFor(fetch);
  const [organisations, projects, related] = await Promise.all([
    api.organisations.list(),
    api.projects.list({ limit: FRONT_PROJECTS }),
    relatedOfSite(api),
  ]);
  return {
    organisations: inPublisherOrder(organisations.items),
    projects: projects.items,
    moreProjects: projects.nextCursor !== null,
    ...related,
  };
};
