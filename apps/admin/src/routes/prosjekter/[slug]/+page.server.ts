import { fail } from '@sveltejs/kit';
import { hasErrors } from '#lib/forms.ts';
import {
  projectErrors,
  projectInput,
  readProjectForm,
  validateProject,
  projectPublishErrors,
} from '#lib/project-form.ts';
import { draftProjectDetail } from '#lib/project-preview.ts';
import { load as api } from '#lib/server/api.ts';
import { contentStatus, saveContent, versionOf } from '#lib/server/content-page.ts';
import { previewBody } from '#lib/server/preview.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const projectOf = (event: RequestEvent | Parameters<PageServerLoad>[0]) =>
  api(event, (client) => client.projects.getForEdit.query({ slug: event.params.slug }));

export const load: PageServerLoad = async (event) => {
  const project = await projectOf(event);
  const [themes, people] = await api(event, (client) =>
    Promise.all([
      client.themes.list.query(),
      client.people.list.query({ organisation: project.owner.slug }),
    ]),
  );
  const flag = (name: string) => event.url.searchParams.get(name) === '1';
  return {
    project,
    themes: themes.items,
    people,
    created: flag('opprettet'),
    saved: flag('lagret'),
    moved: flag('status'),
  };
};

/** The project form as sent, with the version it was filled in from; a 400 page without one. */
async function readSave(event: RequestEvent) {
  const form = await event.request.formData();
  const version = versionOf(form);
  const values = readProjectForm(form);
  return { kind: 'save' as const, values, version, message: null, conflict: null };
}

export const actions: Actions = {
  lagre: async (event) => {
    const { slug } = event.params;
    const save = await readSave(event);
    return saveContent(event, {
      base: { kind: save.kind, values: save.values, version: save.version, preview: null },
      errors: validateProject(save.values),
      update: (client) =>
        client.projects.update.mutate({
          slug,
          version: save.version,
          ...projectInput(save.values),
        }),
      done: `/prosjekter/${slug}?lagret=1`,
      reload: () => projectOf(event),
      refusals: projectErrors,
    });
  },

  // The public page with the unsaved changes: checked as a save is, then laid over the saved page.
  forhandsvis: async (event) => {
    const save = await readSave(event);
    const errors = validateProject(save.values);
    if (hasErrors(errors)) return fail(400, { ...save, errors, preview: null });
    const saved = await api(event, (client) =>
      client.projects.previewPage.query({ slug: event.params.slug }),
    );
    const [[themes, people], bodyHtml] = await Promise.all([
      api(event, (client) =>
        Promise.all([
          client.themes.list.query(),
          client.people.list.query({ organisation: saved.owner.slug }),
        ]),
      ),
      previewBody(event, save.values.body),
    ]);
    const preview = draftProjectDetail({ saved }, save.values, bodyHtml, {
      themes: themes.items,
      people,
    });
    return { ...save, errors: {}, preview };
  },

  status: (event) => {
    const { slug } = event.params;
    return contentStatus(event, {
      slug,
      noun: 'Prosjektet',
      pronoun: 'det',
      run: (client, input) => client.projects.transition.mutate(input),
      done: `/prosjekter/${slug}?status=1`,
      load: () => projectOf(event),
      lacking: { tag: 'ProjectNotPublishable', errors: projectPublishErrors },
    });
  },
};
