import { actionFor, FILE_AUDIT_WINDOW_DAYS, isPublic } from '@klimakommuner/domain';
import { error, fail, redirect } from '@sveltejs/kit';
import { deleteResourceConfirmation, transitionConfirmation } from '#lib/confirm.ts';
import { hasErrors, INVALID_FORM, parseVersion, text } from '#lib/forms.ts';
import { mayIn } from '#lib/policy.ts';
import { editValues, resourceErrors, resourceInput, validateResource } from '#lib/resource-form.ts';
import { load as api, attempt, FORBIDDEN_MESSAGE } from '#lib/server/api.ts';
import { askFirst, isConfirmed } from '#lib/server/confirm.ts';
import { previewBody } from '#lib/server/preview.ts';
import { attachmentRound, readResourceRound, resourceChoices } from '#lib/server/resources.ts';
import { transitionAction } from '#lib/server/workflow.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const resourceOf = (event: RequestEvent | Parameters<PageServerLoad>[0]) =>
  api(event, (client) => client.resources.getForEdit.query({ slug: event.params.slug }));

export const load: PageServerLoad = async (event) => {
  const resource = await resourceOf(event);
  const choices = await resourceChoices(event, resource.owner.slug);
  const flag = (name: string) => event.url.searchParams.get(name) === '1';
  return {
    resource,
    values: editValues(resource),
    ...choices,
    created: flag('opprettet'),
    saved: flag('lagret'),
    moved: flag('status'),
  };
};

/** The version the form was filled in from; a 400 page without one. */
function versionOf(form: FormData): number {
  const version = parseVersion(text(form, 'version'));
  if (version === null) error(400, INVALID_FORM);
  return version;
}

export const actions: Actions = {
  lagre: async (event) => {
    const { slug } = event.params;
    const resource = await resourceOf(event);
    const round = await readResourceRound(event, resource.owner.slug);
    const version = versionOf(round.form);
    const base = {
      kind: 'save' as const,
      values: round.values,
      version,
      notice: null,
      previewHtml: null,
    };
    if (hasErrors(round.errors))
      return fail(400, { ...base, errors: round.errors, message: null, conflict: null });
    const errors = validateResource(round.values);
    if (hasErrors(errors)) return fail(400, { ...base, errors, message: null, conflict: null });
    const result = await attempt(event, (client) =>
      client.resources.update.mutate({ slug, version, ...resourceInput(round.values) }),
    );
    if (result.ok) redirect(303, `/ressurser/${slug}?lagret=1`);
    if (result.failure.code === 'CONFLICT') {
      const conflict = await resourceOf(event);
      return fail(409, {
        ...base,
        errors: {},
        version: conflict.version,
        message: result.failure.message,
        conflict,
      });
    }
    return fail(422, {
      ...base,
      errors: resourceErrors(result.failure),
      message: null,
      conflict: null,
    });
  },

  vedlegg: async (event) => {
    // Uploads go to the files of the organisation that owns the resource.
    const { owner } = await resourceOf(event);
    return attachmentRound(event, owner.slug, (form) => ({
      version: versionOf(form),
      message: null,
      conflict: null,
      previewHtml: null,
    }));
  },

  forhandsvis: async (event) => {
    const { owner } = await resourceOf(event);
    const round = await readResourceRound(event, owner.slug);
    return {
      kind: 'save' as const,
      values: round.values,
      version: versionOf(round.form),
      errors: round.errors,
      notice: null,
      message: null,
      conflict: null,
      previewHtml: await previewBody(event, round.values.body),
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
      run: (client, input) => client.resources.transition.mutate(input),
      done: `/ressurser/${slug}?status=1`,
      confirmation: async (transition, when) => {
        const resource = await resourceOf(event);
        const shown = { status: resource.workflowStatus, publishAt: resource.publishAt };
        return transitionConfirmation(
          transition,
          {
            noun: 'Ressursen',
            pronoun: 'den',
            name: resource.title,
            public: isPublic(shown, new Date()),
          },
          when,
        );
      },
    });
  },

  slett: async (event) => {
    const { slug } = event.params;
    const form = await event.request.formData();
    const version = versionOf(form);
    const resource = await resourceOf(event);
    const owner = resource.owner.slug;
    // The same people who may archive may delete (docs/contracts-resources.md).
    if (!mayIn(event.locals.me, 'content.archive', owner)) error(403, FORBIDDEN_MESSAGE);
    if (!isConfirmed(form)) {
      return askFirst(
        event,
        form,
        deleteResourceConfirmation(resource.title, FILE_AUDIT_WINDOW_DAYS),
      );
    }
    const result = await attempt(event, (client) =>
      client.resources.delete.mutate({ slug, version }),
    );
    if (result.ok) redirect(303, `/organisasjoner/${owner}/ressurser?slettet=1`);
    return fail(result.failure.code === 'CONFLICT' ? 409 : 422, {
      kind: 'delete' as const,
      errors: {},
      message: result.failure.message,
    });
  },
};
