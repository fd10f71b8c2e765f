import { isOffered, pageLinks, parseFilter } from '#lib/filters.ts';
import { apiFor, unlessRefused } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 100;

export const load: PageServerLoad = async ({ fetch, url }) => {
  const api = apiFor(fetch);
  const { filter, valid } = parseFilter(url.searchParams);
  const query = {
    membersOnly: true,
    limit: PAGE_SIZE,
    ...(filter.nettverk ? { organisation: filter.nettverk } : {}),
    ...(filter.fylke ? { county: filter.fylke } : {}),
    ...(filter.q ? { q: filter.q } : {}),
    ...(filter.fra ? { cursor: filter.fra } : {}),
  };
  // Started together so httpBatchLink sends them as one request.
  const [organisations, counties, page] = await Promise.all([
    api.organisations.list(),
    api.counties.list(),
    valid ? unlessRefused(api.municipalities.list(query)) : null,
  ]);

  const networks = organisations.items.filter((organisation) => organisation.kind === 'network');
  const offered = {
    nettverk: networks.map((network) => network.slug),
    fylke: counties.items.map((county) => county.number),
  };
  const result = isOffered(filter, offered) ? page : null;

  return {
    filter,
    networks: networks.map(({ slug, name }) => ({ value: slug, label: name })),
    counties: counties.items
      .filter((county) => county.memberMunicipalityCount > 0)
      .map(({ number, name }) => ({ value: number, label: name })),
    municipalities: result?.items ?? [],
    ...pageLinks('/kommuner', filter, result?.nextCursor),
  };
};
