import { load as api } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const [overview, withoutRegistration] = await api(event, (client) =>
    Promise.all([client.dashboard.overview.query(), client.events.withoutRegistration.query()]),
  );
  return { overview, withoutRegistration: withoutRegistration.items };
};
