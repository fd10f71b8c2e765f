import { apiFor } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => {
  const event = await apiFor(fetch).events.get(params.slug);
  return { event };
};
