import { actionFor } from '@klimakommuner/domain';
import { error, fail, redirect } from '@sveltejs/kit';
import { parseVersion, text } from '#lib/forms.ts';
import { mayIn } from '#lib/policy.ts';
import { attempt, load as api } from '#lib/server/api.ts';
import {
  previewBody,
  projectErrors,
  projectInput,
  readProjectForm,
  validateProject,
} from '#lib/server/projects.ts';
import { transitionAction } from '#lib/server/workflow.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { slug } = event.params;
  const project = await api(event, (client) => client.projects.getForEdit.query({ slug }));
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

export const actions: Actions = {
  lagre: async (event) => {
    const { slug } = event.params;
    const form = await event.request.formData();
    const values = readProjectForm(form);
    const version = parseVersion(text(form, 'version'));
    if (version === null) error(400, 'Skjemaet mangler versjonsnummer. Last siden på nytt.');
    const errors = validateProject(values);
    if (Object.keys(errors).length > 0) {
      return fail(400, {
        kind: 'save' as const,
        values,
        errors,
        version,
        message: null,
        conflict: null,
        previewHtml: null,
      });
    }
    const result = await attempt(event, (client) =>
      client.projects.update.mutate({ slug, version, ...projectInput(values) }),
    );
    if (result.ok) redirect(303, `/prosjekter/${slug}?lagret=1`);

    const { code, message, data } = result.failure;
    if (code === 'CONFLICT') {
      const current = await api(event, (client) => client.projects.getForEdit.query({ slug }));
      const conflict = (data.current as typeof current | undefined) ?? current;
      return fail(409, {
        kind: 'save' as const,
        values,
        errors: {},
        version: conflict.version,
        message,
        conflict,
        previewHtml: null,
      });
    }
    return fail(422, {
      kind: 'save' as const,
      values,
      errors: projectErrors(result.failure),
      version,
      message: null,
      conflict: null,
      previewHtml: null,
    });
  },

  forhandsvis: async (event) => {
    const form = await event.request.formData();
    const values = readProjectForm(form);
    const version = parseVersion(text(form, 'version'));
    if (version === null) error(400, 'Skjemaet mangler versjonsnummer. Last siden på nytt.');
    const previewHtml = await previewBody(event, values.body);
    return {
      kind: 'save' as const,
      values,
      errors: {},
      version,
      message: null,
      conflict: null,
      previewHtml,
    };
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
    });
  },
};
