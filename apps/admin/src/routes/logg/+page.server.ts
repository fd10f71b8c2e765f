import { apiErrorCode } from '@klimakommuner/api';
import { requireSystem } from '#lib/server/admin.ts';
import { clientFor, failPage } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

const FILTERS = ['actor', 'organisation', 'recordType', 'action', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];
const PAGE_SIZE = 50;

export const load: PageServerLoad = async (event) => {
  requireSystem(event, 'audit.read-all');
  const params = event.url.searchParams;
  const filters = Object.fromEntries(
    FILTERS.map((name) => [name, params.get(name)?.trim() ?? '']),
  ) as Record<Filter, string>;
  const cursor = params.get('fra')?.trim() ?? '';
  const query = {
    ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== '')),
    limit: PAGE_SIZE,
    ...(cursor ? { cursor } : {}),
  };

  const client = clientFor(event);
  const [page, organisations] = await Promise.all([
    client.audit.list.query(query).catch((cause: unknown) => {
      if (apiErrorCode(cause) === 'BAD_REQUEST') return null;
      failPage(event, cause);
    }),
    client.organisations.list.query().catch((cause: unknown) => failPage(event, cause)),
  ]);

  const next = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ''));
  if (page?.nextCursor) next.set('fra', page.nextCursor);
  return {
    filters,
    entries: page?.items ?? [],
    invalid: page === null,
    nextHref: page?.nextCursor ? `/logg?${next}` : null,
    firstHref: cursor
      ? `/logg?${new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''))}`
      : null,
    organisations: organisations.items.map(({ slug, name }) => ({ slug, name })),
  };
};
