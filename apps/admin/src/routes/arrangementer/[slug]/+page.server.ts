import {
  deleteEventConfirmation,
  editEventValues,
  eventErrors,
  eventInput,
  readEventForm,
  validateEvent,
} from '#lib/event-form.ts';
import { load as api } from '#lib/server/api.ts';
import { contentStatus, deleteContent, saveContent, versionOf } from '#lib/server/content-page.ts';
import { previewBody } from '#lib/server/preview.ts';
import { resourceChoices } from '#lib/server/resources.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// Parallel to /aktuelt/[slug] and /ressurser/[slug]: the same workflow panel, conflict view and
// delete (#lib/server/content-page.ts), the event's own form in Norwegian time.

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

export const actions: Actions = {
  lagre: async (event) => {
    const { slug } = event.params;
    const form = await event.request.formData();
    const values = readEventForm(form);
    const version = versionOf(form);
    const check = validateEvent(values);
    return saveContent(event, {
      base: { kind: 'save' as const, values, version, previewHtml: null },
      errors: check.errors,
      update: (client) =>
        client.events.update.mutate({ slug, version, ...eventInput(values, check) }),
      done: `/arrangementer/${slug}?lagret=1`,
      reload: () => eventOf(event),
      refusals: eventErrors,
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
    return contentStatus(event, {
      slug,
      noun: 'Arrangementet',
      pronoun: 'det',
      run: (client, input) => client.events.transition.mutate(input),
      done: `/arrangementer/${slug}?status=1`,
      load: () => eventOf(event),
    });
  },

  slett: (event) => {
    const { slug } = event.params;
    return deleteContent(event, {
      slug,
      load: () => eventOf(event),
      owner: (stored) => stored.organiser.slug,
      confirmation: (stored) => deleteEventConfirmation(stored.title),
      run: (client, input) => client.events.delete.mutate(input),
      done: (organiser) => `/organisasjoner/${organiser}/arrangementer?slettet=1`,
    });
  },
};
