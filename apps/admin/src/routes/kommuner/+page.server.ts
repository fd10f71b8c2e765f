import { ApiBadRequest, apiFor } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 200;
const MAX_CURSOR = 500;

export const load: PageServerLoad = async ({ fetch, url }) => {
  const fra = url.searchParams.get('fra')?.trim() || null;
  if (fra !== null && fra.length > MAX_CURSOR) return { municipalities: [], nextHref: null, invalid: true };

  const page = await apiFor(fetch)
    .municipalities.list({ membersOnly: true, limit: PAGE_SIZE, ...(fra ? { cursor: fra } : {}) })
    .catch((cause: unknown) => {
      if (cause instanceof ApiBadRequest) return null;
      throw cause;
    });
  return {
    municipalities: page?.items ?? [],
    nextHref: page?.nextCursor ? `/kommuner?${new URLSearchParams({ fra: page.nextCursor })}` : null,
    invalid: page === null,
  };
};
