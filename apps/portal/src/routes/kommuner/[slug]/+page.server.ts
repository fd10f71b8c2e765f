import { apiFor } from '#lib/server/api.ts';
import { relatedTo } from '#lib/server/related.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => {
  const api = apiFor(fetch);
  const municipality = await api.municipalities.get(params.slug);
  // The other kinds name a municipality by its kommunenummer, which only the municipality tells.
  const related = await relatedTo(api, 'municipality', municipality.number);
  return { municipality, ...related };
};
