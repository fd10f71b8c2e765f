import { load as api } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
  organisation: await api(event, (client) =>
    client.organisations.get.query({ slug: event.params.slug }),
  ),
});
