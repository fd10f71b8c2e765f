import { type ActionFailure, fail } from '@sveltejs/kit';
import {
  type ArticleFormValues,
  imageUploadErrors,
  readArticleForm,
  withoutImage,
  withUploadedImage,
} from './article-form.ts';
import { type FieldErrors, text } from './forms.ts';
import { type ApiClient, load as api } from './server/api.ts';
import { chosenFile, uploadFile } from './server/upload.ts';

type Event = Parameters<typeof api>[0] & Parameters<typeof uploadFile>[0];

/**
 * What the article form offers to choose from: themes, the publisher's projects, municipalities
 * and people (as authors).
 */
export async function articleChoices(event: Parameters<typeof api>[0], publisher: string) {
  const [themes, projects, municipalities, people] = await api(event, (client: ApiClient) =>
    Promise.all([
      client.themes.list.query(),
      client.projects.listForEdit.query({ organisation: publisher }),
      client.municipalities.list.query({ membersOnly: true, limit: 500 }),
      client.articles.authorCandidates.query({ organisation: publisher }),
    ]),
  );
  return {
    people: people.items.map(({ id, name, title }) => ({
      value: id,
      label: title === '' ? name : `${name} (${title})`,
    })),
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
export interface ArticleRound {
  readonly kind: 'save';
  readonly values: ArticleFormValues;
  readonly errors: FieldErrors;
  readonly notice: string | null;
}

/**
 * A form as sent, with an image chosen in this round uploaded to the publisher's files (without
 * JavaScript), or the one opplasting.js uploaded first (its id in the hidden `uploadedFile`).
 * Refused: the API's Norwegian message next to the field, everything typed kept.
 */
export async function readArticleRound(
  event: Event & { readonly request: Request },
  publisher: string,
) {
  const form = await event.request.formData();
  const values = readArticleForm(form);
  const file = chosenFile(form, 'newFile');
  if (file !== null) {
    const answer = await uploadFile(event, publisher, file, values.newAltText);
    if (!answer.ok)
      return { form, values, errors: imageUploadErrors(answer.refusal), added: false };
    if (answer.file.image === null || answer.file.image === undefined)
      return {
        form,
        values,
        errors: { newFile: 'Filen er ikke et bilde. Velg et bilde (JPEG, PNG eller WebP).' },
        added: false,
      };
    return { form, values: withUploadedImage(values, answer.file), errors: {}, added: true };
  }
  const id = text(form, 'uploadedFile');
  if (id !== '' && text(form, 'uploadedImage') === '1')
    return { form, values: withUploadedImage(values, { id }), errors: {}, added: true };
  if (id !== '')
    return {
      form,
      values,
      errors: { newFile: 'Filen er ikke et bilde. Velg et bilde (JPEG, PNG eller WebP).' },
      added: false,
    };
  return { form, values, errors: {} as FieldErrors, added: false };
}

const UNSAVED = 'Lagre artikkelen for å beholde endringen.';

/**
 * `?/bilde`: uploads the chosen image, or removes the image, and shows the form again with
 * everything typed; nothing is saved until «Lagre».
 */
export async function imageRound<X extends Record<string, unknown>>(
  event: Event & { readonly request: Request },
  publisher: string,
  extra: (form: FormData) => X,
): Promise<ActionFailure<ArticleRound & X> | (ArticleRound & X)> {
  const round = await readArticleRound(event, publisher);
  const more = extra(round.form);
  const answer = (values: ArticleFormValues, errors: FieldErrors, notice: string | null) => ({
    kind: 'save' as const,
    values,
    errors,
    notice,
    ...more,
  });
  if (Object.keys(round.errors).length > 0)
    return fail(400, answer(round.values, round.errors, null));
  if (text(round.form, 'bilde') === 'fjern')
    return answer(withoutImage(round.values), {}, `Bildet er fjernet. ${UNSAVED}`);
  return round.added
    ? answer(round.values, {}, `Bildet er lastet opp. ${UNSAVED}`)
    : fail(400, answer(round.values, { newFile: 'Velg et bilde å laste opp.' }, null));
}
