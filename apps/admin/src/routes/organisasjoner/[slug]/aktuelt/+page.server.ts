import { organisationPage } from '#lib/server/organisation.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { organisation, more: articles } = await organisationPage(
    event,
    'content.read-drafts',
    (client, slug) => client.articles.listForEdit.query({ organisation: slug }),
  );
  return {
    organisation,
    articles: articles.items,
    deleted: event.url.searchParams.get('slettet') === '1',
  };
};
