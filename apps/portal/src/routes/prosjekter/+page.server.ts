import { isKnownProjectFilter, parseProjectFilter, projectFilterSearch } from '#lib/filters.ts';
import { ApiBadRequest, apiFor, type ProjectQuery } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 100;

export const load: PageServerLoad = async ({ fetch, url }) => {
  const api = apiFor(fetch);
  const { filter, valid } = parseProjectFilter(url.searchParams);
  const query: ProjectQuery = {
    limit: PAGE_SIZE,
    ...(filter.tema ? { theme: filter.tema } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.kommune ? { municipality: filter.kommune } : {}),
    ...(filter.fra ? { cursor: filter.fra } : {}),
  };
  // Started together so httpBatchLink sends them as one request.
  const [themes, municipalities, page] = await Promise.all([
    api.themes.list(),
    api.municipalities.list({ membersOnly: true, limit: 500 }),
    valid
      ? api.projects.list(query).catch((cause: unknown) => {
          if (cause instanceof ApiBadRequest) return null;
          throw cause;
        })
      : Promise.resolve(null),
  ]);

  const known = isKnownProjectFilter(
    filter,
    themes.items.map((theme) => theme.slug),
    municipalities.items.map((municipality) => municipality.number),
  );
  const result = known ? page : null;

  return {
    filter,
    themes: themes.items.map(({ slug, name }) => ({ slug, name })),
    municipalities: municipalities.items.map(({ number, name }) => ({ number, name })),
    projects: result?.items ?? [],
    nextHref: result?.nextCursor
      ? `/prosjekter${projectFilterSearch(filter, result.nextCursor)}`
      : null,
    firstHref: filter.fra ? `/prosjekter${projectFilterSearch(filter, null)}` : null,
  };
};
