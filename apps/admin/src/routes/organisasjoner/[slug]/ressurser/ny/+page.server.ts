import { fail, redirect } from '@sveltejs/kit';
import { hasErrors } from '#lib/forms.ts';
import {
  EMPTY_RESOURCE,
  resourceErrors,
  resourceInput,
  validateResource,
} from '#lib/resource-form.ts';
import { attempt } from '#lib/server/api.ts';
import { organisationPage } from '#lib/server/organisation.ts';
import { previewBody } from '#lib/server/preview.ts';
import { attachmentRound, readResourceRound, resourceChoices } from '#lib/server/resources.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { organisation } = await organisationPage(event, 'content.create', async () => null);
  const choices = await resourceChoices(event, organisation.slug);
  return { organisation, ...choices, values: EMPTY_RESOURCE };
};

export const actions: Actions = {
  lagre: async (event) => {
    const { slug } = event.params;
    const round = await readResourceRound(event, slug);
    const values = round.values;
    // Every problem in one round: the upload's and the form's own.
    const errors = { ...validateResource(values), ...round.errors };
    if (hasErrors(errors))
      return fail(400, { kind: 'save' as const, values, errors, notice: null, previewHtml: null });
    const result = await attempt(event, (client) =>
      client.resources.create.mutate({ organisation: slug, ...resourceInput(values) }),
    );
    if (result.ok) redirect(303, `/ressurser/${result.value.slug}?opprettet=1`);
    return fail(422, {
      kind: 'save' as const,
      values,
      errors: resourceErrors(result.failure),
      notice: null,
      previewHtml: null,
    });
  },

  vedlegg: (event) => attachmentRound(event, event.params.slug, () => ({ previewHtml: null })),

  forhandsvis: async (event) => {
    const round = await readResourceRound(event, event.params.slug);
    const previewHtml = await previewBody(event, round.values.body);
    return {
      kind: 'save' as const,
      values: round.values,
      errors: round.errors,
      notice: null,
      previewHtml,
    };
  },
};
