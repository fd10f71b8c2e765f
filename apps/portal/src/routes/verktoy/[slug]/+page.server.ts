import { apiFor } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => {
  const resource = await apiFor(fetch).resources.get(params.slug);
  return { resource };
};
