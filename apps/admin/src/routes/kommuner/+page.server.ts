import { apiErrorCode } from '@klimakommuner/api';
import { clientFor, failPage } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 200;
const MAX_CURSOR = 500;

export const load: PageServerLoad = async (event) => {
  const fra = event.url.searchParams.get('fra')?.trim() || null;
  if (fra !== null && fra.length > MAX_CURSOR)
    return { municipalities: [], nextHref: null, invalid: true };

  const page = await clientFor(event)
    .municipalities.list.query({
      membersOnly: true,
      limit: PAGE_SIZE,
      ...(fra ? { cursor: fra } : {}),
    })
    .catch((cause: unknown) => {
      // A cursor that no longer fits shows an empty page with a way back to the first one.
      if (apiErrorCode(cause) === 'BAD_REQUEST') return null;
      failPage(event, cause);
    });
  return {
    municipalities: page?.items ?? [],
    nextHref: page?.nextCursor
      ? `/kommuner?${new URLSearchParams({ fra: page.nextCursor })}`
      : null,
    invalid: page === null,
  };
};
