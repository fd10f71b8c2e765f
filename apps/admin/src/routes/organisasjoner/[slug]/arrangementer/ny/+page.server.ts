import { fail, redirect } from '@sveltejs/kit';
import {
  EMPTY_EVENT,
  eventErrors,
  eventInput,
  readEventForm,
  validateEvent,
} from '#lib/event-form.ts';
import { hasErrors } from '#lib/forms.ts';
import { attempt } from '#lib/server/api.ts';
import { organisationPage } from '#lib/server/organisation.ts';
import { previewBody } from '#lib/server/preview.ts';
import { resourceChoices } from '#lib/server/resources.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { organisation } = await organisationPage(event, 'content.create', async () => null);
  // The same choices as the resource form: themes, the organisation's projects, municipalities.
  const choices = await resourceChoices(event, organisation.slug);
  return { organisation, ...choices, values: EMPTY_EVENT };
};

export const actions: Actions = {
  lagre: async (event) => {
    const { slug } = event.params;
    const values = readEventForm(await event.request.formData());
    const check = validateEvent(values);
    if (hasErrors(check.errors)) {
      return fail(400, { values, errors: check.errors, previewHtml: null });
    }
    const result = await attempt(event, (client) =>
      client.events.create.mutate({ organisation: slug, ...eventInput(values, check) }),
    );
    if (result.ok) redirect(303, `/arrangementer/${result.value.slug}?opprettet=1`);
    return fail(422, { values, errors: eventErrors(result.failure), previewHtml: null });
  },

  forhandsvis: async (event) => {
    const values = readEventForm(await event.request.formData());
    return { values, errors: {}, previewHtml: await previewBody(event, values.description) };
  },
};
