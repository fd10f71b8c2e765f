import { inPublisherOrder } from '#lib/publishers.ts';
import { apiFor } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => {
  const api = apiFor(fetch);
  const { items } = await api.organisations.list();
  // Started together so httpBatchLink sends them as one request.
  const details = await Promise.all(
    inPublisherOrder(items).map((o) => api.organisations.get(o.slug)),
  );
  return {
    publishers: details.map(({ slug, name, shortName, kind, profile }) => ({
      slug,
      name,
      shortName,
      kind,
      website: profile?.website ?? null,
      contactEmail: profile?.contactEmail ?? null,
    })),
  };
};
