import { apiFor } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => {
  const themes = await apiFor(fetch).themes.list();
  return { themes: themes.items };
};
