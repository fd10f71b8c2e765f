import { type ActionFailure, fail } from '@sveltejs/kit';
import type { FieldErrors } from '#lib/forms.ts';
import { text } from '#lib/forms.ts';
import {
  applyAttachmentCommand,
  type ResourceFormValues,
  readAttachmentCommand,
  readResourceForm,
  type UploadedFile,
  uploadErrors,
  withUploaded,
} from '#lib/resource-form.ts';
import { type ApiClient, load as api } from './api.ts';
import { chosenFile, uploadFile } from './upload.ts';

type Event = Parameters<typeof api>[0] & Parameters<typeof uploadFile>[0];

/** What the resource form offers to choose from: themes, the owner's projects, municipalities. */
export async function resourceChoices(event: Parameters<typeof api>[0], owner: string) {
  const [themes, projects, municipalities] = await api(event, (client: ApiClient) =>
    Promise.all([
      client.themes.list.query(),
      client.projects.listForEdit.query({ organisation: owner }),
      client.municipalities.list.query({ membersOnly: true, limit: 500 }),
    ]),
  );
  return {
    themes: themes.items.map(({ slug, name }) => ({ slug, name })),
    projects: projects.items
      .map(({ slug, title }) => ({ value: slug, label: title }))
      .sort((a, b) => a.label.localeCompare(b.label, 'nb')),
    municipalities: municipalities.items.map(({ number, name }) => ({
      value: number,
      label: name,
    })),
  };
}

/** What the form gives back to the page after a round that did not save. */
export interface FormRound {
  readonly kind: 'save';
  readonly values: ResourceFormValues;
  readonly errors: FieldErrors;
  /** What the round did, said at the top of the page. */
  readonly notice: string | null;
  /** What an attachment button did («Vedlegget er lagt til …»), said at the attachments. */
  readonly attachmentsNotice?: string | null;
}

const UNSAVED = 'Lagre ressursen for å beholde endringen.';

/**
 * The file an editor added in this round, if any: uploaded here from the form's file input
 * (without JavaScript), or already uploaded by opplasting.js, which left its answer in hidden
 * fields. Refused: the API's Norwegian message next to the field, everything typed kept.
 */
async function addedFile(
  event: Event,
  organisation: string,
  form: FormData,
  values: ResourceFormValues,
): Promise<{ values: ResourceFormValues; errors: FieldErrors; added: boolean }> {
  const file = chosenFile(form, 'newFile');
  if (file !== null) {
    const answer = await uploadFile(event, organisation, file, values.newAltText);
    return answer.ok
      ? { values: withUploaded(values, answer.file, file.name), errors: {}, added: true }
      : { values, errors: uploadErrors(answer.refusal), added: false };
  }
  const id = text(form, 'uploadedFile');
  if (id === '') return { values, errors: {}, added: false };
  const uploaded: UploadedFile = {
    id,
    kindLabel: text(form, 'uploadedKind'),
    size: Number(text(form, 'uploadedSize')) || 0,
    image: text(form, 'uploadedImage') === '1' ? {} : null,
  };
  return {
    values: withUploaded(values, uploaded, text(form, 'uploadedName')),
    errors: {},
    added: true,
  };
}

/** A form as sent, with any file added in this round already uploaded. */
export async function readResourceRound(
  event: Event & { readonly request: Request },
  organisation: string,
) {
  const form = await event.request.formData();
  const typed = readResourceForm(form);
  const added = await addedFile(event, organisation, form, typed);
  return { form, ...added };
}

/**
 * `?/vedlegg`: adds the chosen file, or moves or removes an attachment, and shows the form again
 * with everything typed; nothing is saved until «Lagre». `extra` adds what the page's form
 * carries besides (the version, say), read from the same form.
 */
export async function attachmentRound<X extends Record<string, unknown>>(
  event: Event & { readonly request: Request },
  organisation: string,
  extra: (form: FormData) => X,
): Promise<ActionFailure<FormRound & X> | (FormRound & X)> {
  const round = await readResourceRound(event, organisation);
  const more = extra(round.form);
  // What was done is said at the attachments, where the page opens (not at its top).
  const answer = (values: ResourceFormValues, errors: FieldErrors, notice: string | null) => ({
    kind: 'save' as const,
    values,
    errors,
    notice: null,
    attachmentsNotice: notice,
    ...more,
  });
  if (Object.keys(round.errors).length > 0)
    return fail(400, answer(round.values, round.errors, null));
  const command = readAttachmentCommand(text(round.form, 'vedlegg'));
  if (command === null || command.kind === 'add') {
    return round.added
      ? answer(round.values, {}, `Vedlegget er lagt til. ${UNSAVED}`)
      : fail(400, answer(round.values, { newFile: 'Velg en fil å laste opp.' }, null));
  }
  const attachments = applyAttachmentCommand(round.values.attachments, command);
  const notice =
    command.kind === 'remove'
      ? `Vedlegget er fjernet. ${UNSAVED}`
      : `Vedlegget er flyttet ${command.kind === 'up' ? 'opp' : 'ned'}. ${UNSAVED}`;
  return answer({ ...round.values, attachments }, {}, notice);
}
