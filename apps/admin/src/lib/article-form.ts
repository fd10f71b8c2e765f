/**
 * The article form (create and edit): what it shows and sends back exactly as typed, its image
 * (kept in hidden fields between rounds, replaced or removed by buttons that work without
 * JavaScript), what the admin checks before asking the API (which checks again and decides the
 * rest), and where the API's refusals belong on it. Parallel to resource-form.ts: one image
 * with alt text and credit instead of a list of attachments.
 */
import {
  type ArticleEditView,
  ArticleImageAltTextMissing,
  checkArticlePublishable,
  MunicipalityNumber,
  Slug,
  Uuid,
} from '@klimakommuner/domain';
import { Result } from 'effect';
import type { Confirmation } from './confirm.ts';
import { type ApiFailure, tagOf } from './failures.ts';
import { type FieldErrors, fits, markdown, text, texts } from './forms.ts';

export interface ArticleFormValues {
  readonly title: string;
  readonly lead: string;
  readonly body: string;
  /** The stored image's id, '' for none. */
  readonly imageFile: string;
  readonly imageAlt: string;
  readonly imageCredit: string;
  /** Project slug, '' for none. */
  readonly project: string;
  readonly themes: readonly string[];
  /** Kommunenummer. */
  readonly municipalities: readonly string[];
  /** The author as one of the publisher's people: their id, '' for none. */
  readonly authorPerson: string;
  /** The byline as written: a name, or (with a person chosen) '' for the person's own name. */
  readonly authorName: string;
  /** The alt text typed for an image not uploaded yet (opplasting.js sends it as `alt`). */
  readonly newAltText: string;
}

export const EMPTY_ARTICLE: ArticleFormValues = {
  title: '',
  lead: '',
  body: '',
  imageFile: '',
  imageAlt: '',
  imageCredit: '',
  project: '',
  themes: [],
  municipalities: [],
  authorPerson: '',
  authorName: '',
  newAltText: '',
};

/** The form's values for a stored article (articles.getForEdit). */
export function articleEditValues(article: ArticleEditView): ArticleFormValues {
  return {
    title: article.title,
    lead: article.lead,
    body: article.body,
    imageFile: article.image?.file ?? '',
    imageAlt: article.image?.altText ?? '',
    imageCredit: article.image?.credit ?? '',
    project: article.projectSlug ?? '',
    themes: article.themes.map((theme) => theme.slug),
    municipalities: article.municipalities.map((municipality) => municipality.number),
    authorPerson: article.author?.person?.id ?? '',
    // The view gives the person's name when none was written: the field stays empty then.
    authorName:
      article.author?.person && article.author.name === article.author.person.name
        ? ''
        : (article.author?.name ?? ''),
    newAltText: '',
  };
}

/** The article form as typed; Markdown keeps its whitespace. */
export function readArticleForm(form: FormData): ArticleFormValues {
  return {
    title: text(form, 'title'),
    lead: text(form, 'lead'),
    body: markdown(form, 'body'),
    imageFile: text(form, 'imageFile'),
    imageAlt: text(form, 'imageAlt'),
    imageCredit: text(form, 'imageCredit'),
    project: text(form, 'project'),
    themes: texts(form, 'themes').filter((slug) => slug !== ''),
    municipalities: texts(form, 'municipalities').filter((number) => number !== ''),
    authorPerson: text(form, 'authorPerson'),
    authorName: text(form, 'authorName'),
    newAltText: text(form, 'newAltText'),
  };
}

/** The values with an uploaded image (the stored file's id) in place of any earlier one. */
export function withUploadedImage(
  values: ArticleFormValues,
  file: { readonly id: string; readonly altText?: string | null | undefined },
): ArticleFormValues {
  return {
    ...values,
    imageFile: file.id,
    imageAlt: file.altText || values.newAltText || values.imageAlt,
    newAltText: '',
  };
}

/** The values without the image (its credit goes with it). */
export const withoutImage = (values: ArticleFormValues): ArticleFormValues => ({
  ...values,
  imageFile: '',
  imageAlt: '',
  imageCredit: '',
});

/** What the admin checks before asking the API; every problem in one round. */
export function validateArticle(values: ArticleFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (values.title === '') errors.title = 'Skriv en tittel på artikkelen.';
  else if (values.title.length < 3) errors.title = 'Tittelen må ha minst 3 tegn.';
  else if (values.title.length > 200) errors.title = 'Tittelen kan være på høyst 200 tegn.';
  if (values.lead.length > 600) errors.lead = 'Ingressen kan være på høyst 600 tegn.';
  if (values.imageFile !== '' && values.imageAlt === '')
    errors.imageAlt = new ArticleImageAltTextMissing().message;
  if (values.imageCredit.length > 200)
    errors.imageCredit = 'Krediteringen kan være på høyst 200 tegn.';
  if (values.authorName.length > 200) errors.authorName = 'Navnet kan være på høyst 200 tegn.';
  if (values.authorPerson !== '' && !fits(Uuid, values.authorPerson))
    errors.authorPerson = 'Velg en person fra listen.';
  if (values.project !== '' && !fits(Slug, values.project))
    errors.project = 'Velg et prosjekt fra listen.';
  if (!values.themes.every((slug) => fits(Slug, slug))) errors.themes = 'Velg tema fra listen.';
  if (!values.municipalities.every((number) => fits(MunicipalityNumber, number))) {
    errors.municipalities = 'Velg kommuner fra listen.';
  }
  return errors;
}

/** The fields articles.create and articles.update take, from a validated form. */
export function articleInput(values: ArticleFormValues) {
  return {
    title: values.title,
    lead: values.lead,
    body: values.body,
    image:
      values.imageFile === ''
        ? null
        : { file: values.imageFile, altText: values.imageAlt, credit: values.imageCredit },
    project: values.project === '' ? null : values.project,
    themes: [...values.themes],
    municipalities: [...values.municipalities],
    author:
      values.authorName === '' && values.authorPerson === ''
        ? null
        : {
            name: values.authorName,
            person: values.authorPerson === '' ? null : values.authorPerson,
          },
  };
}

const FIELDS: Readonly<Record<string, string>> = {
  title: 'title',
  lead: 'lead',
  body: 'body',
  project: 'project',
  themes: 'themes',
  municipalities: 'municipalities',
  author: 'authorName',
};

/** The field an input issue is about. */
function issueField([key, part]: readonly string[]): string {
  if (key === 'image') return part === 'credit' ? 'imageCredit' : 'imageAlt';
  // A person who is not one of the publisher's (NotFound) or no id at all: the person field.
  if (key === 'author') return part === 'name' ? 'authorName' : 'authorPerson';
  return (key !== undefined && FIELDS[key]) || 'title';
}

/** The field a broken rule belongs to, by the domain error's tag. */
function ruleField(failure: ApiFailure): string {
  const tag = tagOf(failure);
  if (tag === 'ArticleImageAltTextMissing' || tag === 'ArticleImageNotAnImage') return 'imageAlt';
  if (tag === 'ArticleProjectNotOfPublisher') return 'project';
  if (tag === 'ArticleNotPublishable') return 'lead';
  return 'title';
}

/** Where the API's refusal of an article save belongs in the form. */
export function articleErrors(failure: ApiFailure): FieldErrors {
  if (failure.issues.length === 0) return { [ruleField(failure)]: failure.message };
  const errors: FieldErrors = {};
  for (const issue of failure.issues) errors[issueField(issue.path)] ??= issue.message;
  return errors;
}

/** The refusal of an image upload, next to its field. */
export function imageUploadErrors(refusal: {
  readonly field?: string | null;
  readonly message: string;
}): FieldErrors {
  return refusal.field === 'alt' ? { newAltText: refusal.message } : { newFile: refusal.message };
}

/** What «Slett artikkelen» asks first. */
export function deleteArticleConfirmation(title: string, days: number): Confirmation {
  return {
    title: `Slette «${title}»?`,
    message: `Artikkelen blir slettet for godt og forsvinner fra det offentlige nettstedet med en gang. Bildet blir tatt vare på i ${days} dager av hensyn til endringshistorikken, og slettes deretter. Dette kan ikke angres.`,
    confirmLabel: 'Ja, slett artikkelen',
    danger: true,
  };
}

/**
 * What the saved article lacks to be published (the domain's checkArticlePublishable), as
 * messages at the fields to fill: for a publish the API refused as ArticleNotPublishable.
 */
export function articlePublishErrors(article: Pick<ArticleEditView, 'lead' | 'body'>): FieldErrors {
  const checked = checkArticlePublishable(article);
  if (Result.isSuccess(checked)) return {};
  const { missingLead, missingBody } = checked.failure;
  return {
    ...(missingLead ? { lead: 'Skriv en ingress og lagre før artikkelen publiseres.' } : {}),
    ...(missingBody ? { body: 'Skriv en tekst og lagre før artikkelen publiseres.' } : {}),
  };
}
