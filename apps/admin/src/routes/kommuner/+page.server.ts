import { apiErrorCode } from '@klimakommuner/api';
import { Cursor } from '@klimakommuner/domain';
import { fits } from '#lib/forms.ts';
import { clientFor, failPage } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 200;

export const load: PageServerLoad = async (event) => {
  const fra = event.url.searchParams.get('fra')?.trim() || null;
  // A cursor the API would refuse (the domain's Cursor) is not sent at all.
  if (fra !== null && !fits(Cursor, fra))
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
