import { error, fail, redirect } from '@sveltejs/kit';
import { mayIn } from '#lib/policy.ts';
import { EMPTY_PROJECT } from '#lib/projects.ts';
import { attempt, FORBIDDEN_MESSAGE, load as api } from '#lib/server/api.ts';
import {
  previewBody,
  projectErrors,
  projectInput,
  readProjectForm,
  validateProject,
} from '#lib/server/projects.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { slug } = event.params;
  if (!mayIn(event.locals.me, 'content.create', slug)) error(403, FORBIDDEN_MESSAGE);
  const [organisation, themes, people] = await api(event, (client) =>
    Promise.all([
      client.organisations.get.query({ slug }),
      client.themes.list.query(),
      client.people.list.query({ organisation: slug }),
    ]),
  );
  return { organisation, themes: themes.items, people, values: EMPTY_PROJECT };
};

export const actions: Actions = {
  lagre: async (event) => {
    const { slug } = event.params;
    const values = readProjectForm(await event.request.formData());
    const errors = validateProject(values);
    if (Object.keys(errors).length > 0) return fail(400, { values, errors, previewHtml: null });
    const result = await attempt(event, (client) =>
      client.projects.create.mutate({ organisation: slug, ...projectInput(values) }),
    );
    if (result.ok) redirect(303, `/prosjekter/${result.value.slug}?opprettet=1`);
    return fail(422, { values, errors: projectErrors(result.failure), previewHtml: null });
  },

  forhandsvis: async (event) => {
    const values = readProjectForm(await event.request.formData());
    const previewHtml = await previewBody(event, values.body);
    return { values, errors: {}, previewHtml };
  },
};
