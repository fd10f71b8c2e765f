import { isOffered, pageLinks, parseProjectFilter } from '#lib/filters.ts';
import { apiFor, unlessRefused } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 100;

export const load: PageServerLoad = async ({ fetch, url }) => {
  const api = apiFor(fetch);
  const { filter, valid } = parseProjectFilter(url.searchParams);
  const query = {
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
    valid ? unlessRefused(api.projects.list(query)) : null,
  ]);

  const offered = {
    tema: themes.items.map((theme) => theme.slug),
    kommune: municipalities.items.map((municipality) => municipality.number),
  };
  const result = isOffered(filter, offered) ? page : null;

  return {
    filter,
    themes: themes.items.map(({ slug, name }) => ({ value: slug, label: name })),
    municipalities: municipalities.items.map(({ number, name }) => ({
      value: number,
      label: name,
    })),
    projects: result?.items ?? [],
    ...pageLinks('/prosjekter', filter, result?.nextCursor),
  };
};
