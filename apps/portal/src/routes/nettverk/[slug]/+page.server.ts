import { apiFor } from '#lib/server/api.ts';
import { relatedTo } from '#lib/server/related.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => {
  const api = apiFor(fetch);
  // Started together so httpBatchLink sends them as one request.
  const [organisation, matrix, related] = await Promise.all([
    api.organisations.get(params.slug),
    api.participations.matrix(params.slug),
    relatedTo(api, 'organisation', params.slug),
  ]);
  return { organisation, matrix: matrix.projects.length > 0 ? matrix : null, ...related };
};
