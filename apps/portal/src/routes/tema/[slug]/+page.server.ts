import { apiFor } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => {
  const theme = await apiFor(fetch).themes.get(params.slug);
  return { theme };
};
