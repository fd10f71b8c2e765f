import { FILE_AUDIT_WINDOW_DAYS } from '@klimakommuner/domain';
import { deleteResourceConfirmation } from '#lib/confirm.ts';
import {
  editValues,
  resourceErrors,
  resourceInput,
  validateResource,
  publishErrors,
} from '#lib/resource-form.ts';
import { load as api } from '#lib/server/api.ts';
import { contentStatus, deleteContent, saveContent, versionOf } from '#lib/server/content-page.ts';
import { previewBody } from '#lib/server/preview.ts';
import { attachmentRound, readResourceRound, resourceChoices } from '#lib/server/resources.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// The workflow panel, conflict view and delete are the content kinds' own
// (#lib/server/content-page.ts); the form and its attachments are the resource's.

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

export const actions: Actions = {
  lagre: async (event) => {
    const { slug } = event.params;
    const resource = await resourceOf(event);
    const round = await readResourceRound(event, resource.owner.slug);
    const version = versionOf(round.form);
    return saveContent(event, {
      base: {
        kind: 'save' as const,
        values: round.values,
        version,
        notice: null,
        previewHtml: null,
      },
      // Every problem in one round: the upload's and the form's own.
      errors: { ...validateResource(round.values), ...round.errors },
      update: (client) =>
        client.resources.update.mutate({ slug, version, ...resourceInput(round.values) }),
      done: `/ressurser/${slug}?lagret=1`,
      reload: () => resourceOf(event),
      refusals: resourceErrors,
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
    return contentStatus(event, {
      slug,
      noun: 'Ressursen',
      pronoun: 'den',
      run: (client, input) => client.resources.transition.mutate(input),
      done: `/ressurser/${slug}?status=1`,
      load: () => resourceOf(event),
      lacking: { tag: 'ResourceNotPublishable', errors: publishErrors },
    });
  },

  slett: (event) => {
    const { slug } = event.params;
    // The same people who may archive may delete (docs/contracts-resources.md).
    return deleteContent(event, {
      slug,
      load: () => resourceOf(event),
      owner: (resource) => resource.owner.slug,
      confirmation: (resource) =>
        deleteResourceConfirmation(resource.title, FILE_AUDIT_WINDOW_DAYS),
      run: (client, input) => client.resources.delete.mutate(input),
      done: (owner) => `/organisasjoner/${owner}/ressurser?slettet=1`,
    });
  },
};
