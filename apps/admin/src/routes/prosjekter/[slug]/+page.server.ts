import { actionFor, type Transition, TRANSITIONS } from '@klimakommuner/domain';
import { error, fail, redirect } from '@sveltejs/kit';
import { fromOsloLocal } from '#lib/datetime.ts';
import { parseVersion, text } from '#lib/forms.ts';
import { mayIn } from '#lib/policy.ts';
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

  status: async (event) => {
    const { slug } = event.params;
    const form = await event.request.formData();
    const transition = text(form, 'transition') as Transition;
    const version = parseVersion(text(form, 'version'));
    const owner = text(form, 'owner');
    const publishAtLocal = text(form, 'publishAt');
    if (!TRANSITIONS.includes(transition) || version === null)
      error(400, 'Ugyldig skjema. Last siden på nytt.');
    if (owner !== '' && !mayIn(event.locals.me, actionFor(transition), owner))
      error(403, FORBIDDEN_MESSAGE);

    let publishAt: string | undefined;
    if (transition === 'publish' && publishAtLocal !== '') {
      const parsed = fromOsloLocal(publishAtLocal);
      if (parsed === null) {
        return fail(400, {
          kind: 'status' as const,
          publishAt: publishAtLocal,
          errors: { publishAt: 'Skriv dato og klokkeslett, for eksempel 01.03.2026 kl. 08:00.' },
          message: null,
        });
      }
      publishAt = parsed;
    }

    const result = await attempt(event, (client) =>
      client.projects.transition.mutate({
        slug,
        version,
        transition,
        ...(publishAt ? { publishAt } : {}),
      }),
    );
    if (result.ok) redirect(303, `/prosjekter/${slug}?status=1`);
    const { issues, message } = result.failure;
    const publishAtIssue = issues.find((issue) => issue.path[0] === 'publishAt');
    return fail(result.failure.code === 'CONFLICT' ? 409 : 422, {
      kind: 'status' as const,
      publishAt: publishAtLocal,
      errors: publishAtIssue ? { publishAt: publishAtIssue.message } : {},
      message: publishAtIssue ? null : message,
    });
  },
};
