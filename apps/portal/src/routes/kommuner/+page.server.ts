import { filterSearch, isKnown, parseFilter } from '#lib/filters.ts';
import { ApiBadRequest, apiFor, type MunicipalityQuery } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 100;

export const load: PageServerLoad = async ({ fetch, url }) => {
  const api = apiFor(fetch);
  const { filter, valid } = parseFilter(url.searchParams);
  const query: MunicipalityQuery = {
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
    valid
      ? api.municipalities.list(query).catch((cause: unknown) => {
          if (cause instanceof ApiBadRequest) return null;
          throw cause;
        })
      : Promise.resolve(null),
  ]);

  const networks = organisations.items.filter((organisation) => organisation.kind === 'network');
  const countyOptions = counties.items.filter((county) => county.memberMunicipalityCount > 0);
  const known = isKnown(
    filter,
    networks.map((network) => network.slug),
    counties.items.map((county) => county.number),
  );
  const result = known ? page : null;

  return {
    filter,
    networks: networks.map(({ slug, name }) => ({ slug, name })),
    counties: countyOptions.map(({ number, name }) => ({ number, name })),
    municipalities: result?.items ?? [],
    nextHref: result?.nextCursor ? `/kommuner${filterSearch(filter, result.nextCursor)}` : null,
    firstHref: filter.fra ? `/kommuner${filterSearch(filter, null)}` : null,
  };
};
