import { actionFor, isPublic } from '@klimakommuner/domain';
import { error, fail, redirect } from '@sveltejs/kit';
import { transitionConfirmation } from '#lib/confirm.ts';
import {
  deleteEventConfirmation,
  editEventValues,
  eventErrors,
  eventInput,
  readEventForm,
  validateEvent,
} from '#lib/event-form.ts';
import { hasErrors, INVALID_FORM, parseVersion, text } from '#lib/forms.ts';
import { mayIn } from '#lib/policy.ts';
import { load as api, attempt, FORBIDDEN_MESSAGE } from '#lib/server/api.ts';
import { askFirst, isConfirmed } from '#lib/server/confirm.ts';
import { previewBody } from '#lib/server/preview.ts';
import { resourceChoices } from '#lib/server/resources.ts';
import { transitionAction } from '#lib/server/workflow.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const eventOf = (event: RequestEvent | Parameters<PageServerLoad>[0]) =>
  api(event, (client) => client.events.getForEdit.query({ slug: event.params.slug }));

export const load: PageServerLoad = async (event) => {
  const stored = await eventOf(event);
  const choices = await resourceChoices(event, stored.organiser.slug);
  const flag = (name: string) => event.url.searchParams.get(name) === '1';
  return {
    event: stored,
    values: editEventValues(stored),
    ...choices,
    created: flag('opprettet'),
    saved: flag('lagret'),
    moved: flag('status'),
  };
};

function versionOf(form: FormData): number {
  const version = parseVersion(text(form, 'version'));
  if (version === null) error(400, INVALID_FORM);
  return version;
}

export const actions: Actions = {
  lagre: async (event) => {
    const { slug } = event.params;
    const form = await event.request.formData();
    const values = readEventForm(form);
    const version = versionOf(form);
    const base = { kind: 'save' as const, values, version, previewHtml: null };
    const check = validateEvent(values);
    if (hasErrors(check.errors)) {
      return fail(400, { ...base, errors: check.errors, message: null, conflict: null });
    }
    const result = await attempt(event, (client) =>
      client.events.update.mutate({ slug, version, ...eventInput(values, check) }),
    );
    if (result.ok) redirect(303, `/arrangementer/${slug}?lagret=1`);
    if (result.failure.code === 'CONFLICT') {
      const conflict = await eventOf(event);
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
      errors: eventErrors(result.failure),
      message: null,
      conflict: null,
    });
  },

  forhandsvis: async (event) => {
    const form = await event.request.formData();
    const values = readEventForm(form);
    return {
      kind: 'save' as const,
      values,
      version: versionOf(form),
      errors: {},
      message: null,
      conflict: null,
      previewHtml: await previewBody(event, values.description),
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
      run: (client, input) => client.events.transition.mutate(input),
      done: `/arrangementer/${slug}?status=1`,
      confirmation: async (transition, when) => {
        const stored = await eventOf(event);
        const shown = { status: stored.workflowStatus, publishAt: stored.publishAt };
        return transitionConfirmation(
          transition,
          {
            noun: 'Arrangementet',
            pronoun: 'det',
            name: stored.title,
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
    const stored = await eventOf(event);
    const owner = stored.organiser.slug;
    if (!mayIn(event.locals.me, 'content.archive', owner)) error(403, FORBIDDEN_MESSAGE);
    if (!isConfirmed(form)) {
      return askFirst(event, form, deleteEventConfirmation(stored.title));
    }
    const result = await attempt(event, (client) => client.events.delete.mutate({ slug, version }));
    if (result.ok) redirect(303, `/organisasjoner/${owner}/arrangementer?slettet=1`);
    return fail(result.failure.code === 'CONFLICT' ? 409 : 422, {
      kind: 'delete' as const,
      errors: {},
      message: result.failure.message,
    });
  },
};
