import { organisationPage } from '#lib/server/organisation.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { organisation, more: events } = await organisationPage(
    event,
    'content.read-drafts',
    (client, slug) => client.events.listForEdit.query({ organisation: slug }),
  );
  return {
    organisation,
    events: events.items,
    deleted: event.url.searchParams.get('slettet') === '1',
  };
};
