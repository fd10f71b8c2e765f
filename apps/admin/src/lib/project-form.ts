/**
 * The project form (create and edit): what it shows and sends back exactly as typed, what the
 * admin checks before asking the API (which checks again and decides the rest), and where the
 * API's refusals belong on it.
 */
import {
  checkProjectDates,
  checkPublishable,
  HttpUrl,
  IsoDate,
  type ProjectStatus,
  ProjectStatus as ProjectStatusSchema,
  projectDatesField,
} from '@klimakommuner/domain';
import { Result } from 'effect';
import { type ApiFailure, tagOf } from './failures.ts';
import { type FieldErrors, fits, markdown, text, texts } from './forms.ts';

export interface LinkValues {
  readonly label: string;
  readonly url: string;
}

export interface ProjectFormValues {
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly themes: readonly string[];
  readonly status: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly leaders: readonly string[];
  readonly links: readonly LinkValues[];
}

export const EMPTY_PROJECT: ProjectFormValues = {
  title: '',
  summary: '',
  body: '',
  themes: [],
  status: 'planned',
  startDate: '',
  endDate: '',
  leaders: [],
  links: [],
};

/** The link rows the form shows: those typed plus empty ones, at least three. */
export function linkRows(links: readonly LinkValues[]): LinkValues[] {
  const rows = keptLinks(links);
  const wanted = Math.max(3, rows.length + 1);
  while (rows.length < wanted) rows.push({ label: '', url: '' });
  return rows;
}

/** The rows the form keeps: errors point at row indexes among these. */
export function keptLinks(links: readonly LinkValues[]): LinkValues[] {
  return links.filter((link) => link.label !== '' || link.url !== '');
}

/** The project form as typed; Markdown keeps its whitespace, only line endings are normalised. */
export function readProjectForm(form: FormData): ProjectFormValues {
  const labels = texts(form, 'linkLabel');
  const urls = texts(form, 'linkUrl');
  return {
    title: text(form, 'title'),
    summary: text(form, 'summary'),
    body: markdown(form, 'body'),
    themes: texts(form, 'themes').filter((slug) => slug !== ''),
    status: text(form, 'status'),
    startDate: text(form, 'startDate'),
    endDate: text(form, 'endDate'),
    leaders: texts(form, 'leaders').filter((id) => id !== ''),
    links: Array.from({ length: Math.max(labels.length, urls.length) }, (_, index) => ({
      label: labels[index] ?? '',
      url: urls[index] ?? '',
    })),
  };
}

/** The dates rule in the same round as the fields, when the dates themselves are readable. */
function datesErrors(values: ProjectFormValues): FieldErrors {
  const result = checkProjectDates({
    status: values.status as ProjectStatus,
    startDate: values.startDate === '' ? null : values.startDate,
    endDate: values.endDate === '' ? null : values.endDate,
  });
  return Result.isFailure(result)
    ? { [projectDatesField(result.failure.problem)]: result.failure.message }
    : {};
}

/** What the admin checks before asking the API; every problem in one round. */
export function validateProject(values: ProjectFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (values.title === '') errors.title = 'Skriv en tittel på prosjektet.';
  else if (values.title.length < 3) errors.title = 'Tittelen må ha minst 3 tegn.';
  else if (values.title.length > 200) errors.title = 'Tittelen kan være på høyst 200 tegn.';
  if (values.summary.length > 500) errors.summary = 'Sammendraget kan være på høyst 500 tegn.';
  if (!fits(ProjectStatusSchema, values.status)) errors.status = 'Velg en status.';
  if (values.startDate !== '' && !fits(IsoDate, values.startDate)) {
    errors.startDate = 'Skriv en gyldig startdato, for eksempel 01.03.2026.';
  }
  if (values.endDate !== '' && !fits(IsoDate, values.endDate)) {
    errors.endDate = 'Skriv en gyldig sluttdato, for eksempel 31.12.2027.';
  }
  if (!errors.status && !errors.startDate && !errors.endDate) {
    Object.assign(errors, datesErrors(values));
  }
  keptLinks(values.links).forEach((link, index) => {
    if (link.label === '')
      errors[`linkLabel-${index}`] = `Skriv en lenketekst for lenke ${index + 1}.`;
    if (link.url === '') errors[`linkUrl-${index}`] = `Skriv nettadressen for lenke ${index + 1}.`;
    else if (!fits(HttpUrl, link.url)) {
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
    links: keptLinks(values.links).map((link) => ({ label: link.label, url: link.url })),
  };
}

const FIELDS = new Set(['title', 'summary', 'body', 'themes', 'status', 'startDate', 'endDate']);

/** The field an input issue is about: a link's label or address by row, else the input's own. */
function issueField([key, index, part]: readonly string[]): string {
  if (key === 'links' && index !== undefined && /^\d+$/.test(index)) {
    return part === 'label' ? `linkLabel-${index}` : `linkUrl-${index}`;
  }
  return key === 'leaders' || key === 'links' || (key !== undefined && FIELDS.has(key))
    ? key
    : 'title';
}

/** The field a broken rule belongs to, by the domain error's tag. */
function ruleField(tag: string): string {
  if (tag === 'ProjectDatesInvalid') return 'endDate';
  if (tag === 'ProjectNotPublishable') return 'leaders';
  if (/tema/i.test(tag)) return 'themes';
  return /leader|person/i.test(tag) ? 'leaders' : 'title';
}

/** Where the API's refusal of a project save belongs in the form. */
export function projectErrors(failure: ApiFailure): FieldErrors {
  if (failure.issues.length === 0) return { [ruleField(tagOf(failure))]: failure.message };
  const errors: FieldErrors = {};
  for (const issue of failure.issues) errors[issueField(issue.path)] ??= issue.message;
  return errors;
}

/**
 * What the saved project lacks to be published (the domain's checkPublishable), as messages at
 * the fields to fill: for a publish the API refused as ProjectNotPublishable.
 */
export function projectPublishErrors(project: {
  readonly leaderIds: readonly string[];
  readonly themes: readonly { readonly slug: string }[];
}): FieldErrors {
  const checked = checkPublishable({
    leaders: project.leaderIds,
    themes: project.themes.map((theme) => theme.slug),
  });
  if (Result.isSuccess(checked)) return {};
  const { missingLeader, missingTheme } = checked.failure;
  return {
    ...(missingTheme ? { themes: 'Velg minst ett tema og lagre før prosjektet publiseres.' } : {}),
    ...(missingLeader
      ? { leaders: 'Velg minst én prosjektleder og lagre før prosjektet publiseres.' }
      : {}),
  };
}
