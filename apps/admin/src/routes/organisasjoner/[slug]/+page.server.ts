import { apiFor } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => {
  const organisation = await apiFor(fetch).organisations.get(params.slug);
  return { organisation };
};
