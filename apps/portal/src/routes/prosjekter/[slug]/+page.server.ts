import { apiFor } from '#lib/server/api.ts';
import { relatedTo } from '#lib/server/related.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => {
  const api = apiFor(fetch);
  // Started together so httpBatchLink sends them as one request.
  const [project, related] = await Promise.all([
    api.projects.get(params.slug),
    relatedTo(api, 'project', params.slug),
  ]);
  return { project, ...related };
};
