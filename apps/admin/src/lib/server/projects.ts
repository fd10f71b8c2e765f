import type { ProjectStatus } from '@klimakommuner/domain';
import { type FieldErrors, isHttpUrl, isIsoDate, raw, text, texts } from '#lib/forms.ts';
import { PROJECT_STATUSES, type ProjectFormValues } from '#lib/projects.ts';
import { type ApiFailure, load as api } from './api.ts';

/** The project form as typed; Markdown keeps its whitespace, only line endings are normalised. */
export function readProjectForm(form: FormData): ProjectFormValues {
  const labels = form.getAll('linkLabel');
  const urls = form.getAll('linkUrl');
  const links = Array.from({ length: Math.max(labels.length, urls.length) }, (_, index) => ({
    label: typeof labels[index] === 'string' ? labels[index].trim() : '',
    url: typeof urls[index] === 'string' ? urls[index].trim() : '',
  }));
  return {
    title: text(form, 'title'),
    summary: text(form, 'summary'),
    body: raw(form, 'body').replace(/\r\n/g, '\n'),
    themes: texts(form, 'themes').filter((slug) => slug !== ''),
    status: text(form, 'status'),
    startDate: text(form, 'startDate'),
    endDate: text(form, 'endDate'),
    leaders: texts(form, 'leaders').filter((id) => id !== ''),
    links,
  };
}

/** The rows the form keeps when showing it again: errors point at row indexes among these. */
export function keptLinks(values: ProjectFormValues) {
  return values.links.filter((link) => link.label !== '' || link.url !== '');
}

/** What the admin checks before asking the API (which checks again and decides the rest). */
export function validateProject(values: ProjectFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (values.title === '') errors.title = 'Skriv en tittel på prosjektet.';
  else if (values.title.length < 3) errors.title = 'Tittelen må ha minst 3 tegn.';
  else if (values.title.length > 200) errors.title = 'Tittelen kan være på høyst 200 tegn.';
  if (values.summary.length > 500) errors.summary = 'Sammendraget kan være på høyst 500 tegn.';
  if (!PROJECT_STATUSES.includes(values.status as ProjectStatus)) errors.status = 'Velg en status.';
  if (values.startDate !== '' && !isIsoDate(values.startDate)) {
    errors.startDate = 'Skriv en gyldig startdato, for eksempel 01.03.2026.';
  }
  if (values.endDate !== '' && !isIsoDate(values.endDate)) {
    errors.endDate = 'Skriv en gyldig sluttdato, for eksempel 31.12.2027.';
  }
  keptLinks(values).forEach((link, index) => {
    if (link.label === '')
      errors[`linkLabel-${index}`] = `Skriv en lenketekst for lenke ${index + 1}.`;
    if (link.url === '') errors[`linkUrl-${index}`] = `Skriv nettadressen for lenke ${index + 1}.`;
    else if (!isHttpUrl(link.url)) {
      errors[`linkUrl-${index}`] = 'Skriv en nettadresse som begynner med https:// eller http://.';
    }
  });
  return errors;
}

/** The fields projects.create and projects.update take, from a validated form. */
export function projectInput(values: ProjectFormValues) {
  return {
    title: values.title,
    summary: values.summary,
    body: values.body,
    themes: [...values.themes],
    status: values.status as ProjectStatus,
    startDate: values.startDate === '' ? null : values.startDate,
    endDate: values.endDate === '' ? null : values.endDate,
    leaders: [...values.leaders],
    links: keptLinks(values).map((link) => ({ label: link.label, url: link.url })),
  };
}

const FIELD_BY_INPUT: Record<string, string> = {
  title: 'title',
  summary: 'summary',
  body: 'body',
  themes: 'themes',
  status: 'status',
  startDate: 'startDate',
  endDate: 'endDate',
  leaders: 'leaders',
  links: 'links',
};

/** Where the API's refusal of a project save belongs in the form. */
export function projectErrors(failure: ApiFailure): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of failure.issues) {
    const [key, index, part] = issue.path;
    let field = (key !== undefined && FIELD_BY_INPUT[key]) || 'title';
    if (key === 'links' && index !== undefined && /^\d+$/.test(index)) {
      field = part === 'label' ? `linkLabel-${index}` : `linkUrl-${index}`;
    }
    errors[field] ??= issue.message;
  }
  if (failure.issues.length === 0) {
    const tag = typeof failure.data.tag === 'string' ? failure.data.tag : '';
    const field =
      tag === 'ProjectDatesInvalid'
        ? 'endDate'
        : tag === 'ProjectNotPublishable'
          ? 'leaders'
          : /tema/i.test(tag)
            ? 'themes'
            : /leader|person/i.test(tag)
              ? 'leaders'
              : 'title';
    errors[field] = failure.message;
  }
  return errors;
}

type Event = Parameters<typeof api>[0];

/** The API's sanitised HTML of a Markdown body that is not saved yet; never the text as typed. */
export async function previewBody(event: Event, body: string): Promise<string> {
  if (body.trim() === '') return '';
  const rendered = await api(event, (client) => client.projects.preview.mutate({ body }));
  return rendered.bodyHtml;
}
