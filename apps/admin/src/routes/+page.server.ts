import { apiFor } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => {
  const organisations = await apiFor(fetch).organisations.list();
  return { organisations: organisations.items };
};
