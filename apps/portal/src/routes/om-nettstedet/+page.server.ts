import { inPublisherOrder } from '#lib/publishers.ts';
import { apiFor } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => ({
  publishers: inPublisherOrder((await apiFor(fetch).organisations.list()).items),
});
