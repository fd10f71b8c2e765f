import { load as api } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { slug } = event.params;
  const matrix = await api(event, (client) =>
    client.participations.matrix.query({ organisation: slug }),
  );
  return { matrix, saved: event.url.searchParams.get('lagret') };
};
