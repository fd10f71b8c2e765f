import { fail, redirect } from '@sveltejs/kit';
import { hasErrors } from '#lib/forms.ts';
import {
  EMPTY_PROJECT,
  projectErrors,
  projectInput,
  readProjectForm,
  validateProject,
} from '#lib/project-form.ts';
import { draftProjectDetail } from '#lib/project-preview.ts';
import { attempt } from '#lib/server/api.ts';
import { organisationPage } from '#lib/server/organisation.ts';
import { previewBody } from '#lib/server/preview.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { organisation, more } = await organisationPage(event, 'content.create', (client, slug) =>
    Promise.all([client.themes.list.query(), client.people.list.query({ organisation: slug })]),
  );
  const [themes, people] = more;
  return { organisation, themes: themes.items, people, values: EMPTY_PROJECT };
};

export const actions: Actions = {
  lagre: async (event) => {
    const { slug } = event.params;
    const values = readProjectForm(await event.request.formData());
    const errors = validateProject(values);
    if (hasErrors(errors)) return fail(400, { values, errors, preview: null });
    const result = await attempt(event, (client) =>
      client.projects.create.mutate({ organisation: slug, ...projectInput(values) }),
    );
    if (result.ok) redirect(303, `/prosjekter/${result.value.slug}?opprettet=1`);
    return fail(422, { values, errors: projectErrors(result.failure), preview: null });
  },

  // The public page the project would get: checked as a save is, owned by this organisation.
  forhandsvis: async (event) => {
    const values = readProjectForm(await event.request.formData());
    const errors = validateProject(values);
    if (hasErrors(errors)) return fail(400, { values, errors, preview: null });
    const [{ organisation, more }, bodyHtml] = await Promise.all([
      organisationPage(event, 'content.create', (client, slug) =>
        Promise.all([client.themes.list.query(), client.people.list.query({ organisation: slug })]),
      ),
      previewBody(event, values.body),
    ]);
    const [themes, people] = more;
    const owner = {
      slug: organisation.slug,
      name: organisation.name,
      shortName: organisation.shortName,
      kind: organisation.kind,
    };
    const preview = draftProjectDetail({ owner, slug: '' }, values, bodyHtml, {
      themes: themes.items,
      people,
    });
    return { values, errors: {}, preview };
  },
};
