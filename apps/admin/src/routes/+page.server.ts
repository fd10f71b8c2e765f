import { load as api } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
  overview: await api(event, (client) => client.dashboard.overview.query()),
});
