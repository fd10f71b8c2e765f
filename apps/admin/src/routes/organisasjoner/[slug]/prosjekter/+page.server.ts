import { error } from '@sveltejs/kit';
import { mayIn } from '#lib/policy.ts';
import { FORBIDDEN_MESSAGE, load as api } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { slug } = event.params;
  if (!mayIn(event.locals.me, 'content.read-drafts', slug)) error(403, FORBIDDEN_MESSAGE);
  const [organisation, projects] = await api(event, (client) =>
    Promise.all([
      client.organisations.get.query({ slug }),
      client.projects.listForEdit.query({ organisation: slug }),
    ]),
  );
  return { organisation, projects: projects.items };
};
