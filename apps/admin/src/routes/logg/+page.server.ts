import { apiErrorCode } from '@klimakommuner/api';
import { Cursor } from '@klimakommuner/domain';
import { fits } from '#lib/forms.ts';
import { requireSystem } from '#lib/server/access.ts';
import { clientFor, failPage } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

// `actor` (an id) still works in links; the form filters by name.
const FILTERS = [
  'actor',
  'actorName',
  'organisation',
  'recordType',
  'action',
  'from',
  'to',
] as const;
type Filter = (typeof FILTERS)[number];
const PAGE_SIZE = 50;

export const load: PageServerLoad = async (event) => {
  requireSystem(event, 'audit.read-all');
  const params = event.url.searchParams;
  const filters = Object.fromEntries(
    FILTERS.map((name) => [name, params.get(name)?.trim() ?? '']),
  ) as Record<Filter, string>;
  const chosen = Object.entries(filters).filter(([, value]) => value !== '');
  const cursor = params.get('fra')?.trim() ?? '';
  const query = { ...Object.fromEntries(chosen), limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) };

  const client = clientFor(event);
  const [page, organisations, users] = await Promise.all([
    // A cursor the API would refuse (the domain's Cursor) is not sent at all.
    cursor !== '' && !fits(Cursor, cursor)
      ? null
      : client.audit.list.query(query).catch((cause: unknown) => {
          if (apiErrorCode(cause) === 'BAD_REQUEST') return null;
          failPage(event, cause);
        }),
    client.organisations.list.query().catch((cause: unknown) => failPage(event, cause)),
    client.users.list.query().catch((cause: unknown) => failPage(event, cause)),
  ]);

  const next = new URLSearchParams(chosen);
  if (page?.nextCursor) next.set('fra', page.nextCursor);
  return {
    filters,
    entries: page?.items ?? [],
    invalid: page === null,
    nextHref: page?.nextCursor ? `/logg?${next}` : null,
    firstHref: cursor ? `/logg?${new URLSearchParams(chosen)}` : null,
    organisations: organisations.items.map(({ slug, name }) => ({ value: slug, label: name })),
    people: [...new Set(users.items.map((user) => user.name))].sort((a, b) =>
      a.localeCompare(b, 'nb'),
    ),
  };
};
