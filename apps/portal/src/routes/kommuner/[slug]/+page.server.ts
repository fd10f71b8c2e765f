import { apiFor } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => {
  const municipality = await apiFor(fetch).municipalities.get(params.slug);
  return { municipality };
};
