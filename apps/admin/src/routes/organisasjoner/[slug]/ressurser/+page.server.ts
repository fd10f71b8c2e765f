import { organisationPage } from '#lib/server/organisation.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { organisation, more: resources } = await organisationPage(
    event,
    'content.read-drafts',
    (client, slug) => client.resources.listForEdit.query({ organisation: slug }),
  );
  return {
    organisation,
    resources: resources.items,
    deleted: event.url.searchParams.get('slettet') === '1',
  };
};
