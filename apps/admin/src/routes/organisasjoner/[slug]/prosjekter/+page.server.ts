import { organisationPage } from '#lib/server/organisation.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { organisation, more: projects } = await organisationPage(
    event,
    'content.read-drafts',
    (client, slug) => client.projects.listForEdit.query({ organisation: slug }),
  );
  return { organisation, projects: projects.items };
};
