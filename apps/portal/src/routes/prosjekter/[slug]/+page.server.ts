import { apiFor } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => {
  const project = await apiFor(fetch).projects.get(params.slug);
  return { project };
};
