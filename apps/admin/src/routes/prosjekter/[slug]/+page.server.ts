import { actionFor, isPublic } from '@klimakommuner/domain';
import { error, fail, redirect } from '@sveltejs/kit';
import { transitionConfirmation } from '#lib/confirm.ts';
import { hasErrors, INVALID_FORM, parseVersion, text } from '#lib/forms.ts';
import { mayIn } from '#lib/policy.ts';
import {
  projectErrors,
  projectInput,
  readProjectForm,
  validateProject,
} from '#lib/project-form.ts';
import { draftProjectDetail } from '#lib/project-preview.ts';
import { load as api, attempt } from '#lib/server/api.ts';
import { previewBody } from '#lib/server/preview.ts';
import { transitionAction } from '#lib/server/workflow.ts';
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
  const version = parseVersion(text(form, 'version'));
  if (version === null) error(400, INVALID_FORM);
  const values = readProjectForm(form);
  return { kind: 'save' as const, values, version, message: null, conflict: null };
}

export const actions: Actions = {
  lagre: async (event) => {
    const { slug } = event.params;
    const save = await readSave(event);
    const errors = validateProject(save.values);
    if (hasErrors(errors)) return fail(400, { ...save, errors, preview: null });
    const result = await attempt(event, (client) =>
      client.projects.update.mutate({ slug, version: save.version, ...projectInput(save.values) }),
    );
    if (result.ok) redirect(303, `/prosjekter/${slug}?lagret=1`);

    if (result.failure.code === 'CONFLICT') {
      const conflict = await projectOf(event);
      return fail(409, {
        ...save,
        errors: {},
        version: conflict.version,
        message: result.failure.message,
        conflict,
        preview: null,
      });
    }
    return fail(422, { ...save, errors: projectErrors(result.failure), preview: null });
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
    return transitionAction(event, {
      slug,
      mayUse: (transition, form) => {
        const owner = text(form, 'owner');
        return owner === '' || mayIn(event.locals.me, actionFor(transition), owner);
      },
      run: (client, input) => client.projects.transition.mutate(input),
      done: `/prosjekter/${slug}?status=1`,
      confirmation: async (transition, when) => {
        const project = await projectOf(event);
        const shown = { status: project.workflowStatus, publishAt: project.publishAt };
        return transitionConfirmation(
          transition,
          {
            noun: 'Prosjektet',
            pronoun: 'det',
            name: project.title,
            public: isPublic(shown, new Date()),
          },
          when,
        );
      },
    });
  },
};
