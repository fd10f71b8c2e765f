/**
 * The resource form (create and edit): what it shows and sends back exactly as typed, its
 * attachments (kept in hidden fields between rounds, moved and removed by buttons that work
 * without JavaScript), what the admin checks before asking the API (which checks again and
 * decides the rest), and where the API's refusals belong on it.
 */
import {
  AttachmentAltTextMissing,
  AttachmentTitleMissing,
  checkAttachments,
  checkResourceDates,
  checkResourcePublishable,
  HttpUrl,
  IsoDate,
  MunicipalityNumber,
  ResourceAudience,
  type ResourceEditView,
  ResourceKind,
  ResourceLanguage,
  Slug,
} from '@klimakommuner/domain';
import { Result } from 'effect';
import { type ApiFailure, tagOf } from './failures.ts';
import { type FieldErrors, fits, markdown, text, texts } from './forms.ts';

/** An attachment as the form carries it: the stored file, what the editor wrote, what it is. */
export interface AttachmentValues {
  /** The stored file's id (from the upload). */
  readonly file: string;
  readonly title: string;
  /** '' for documents. */
  readonly altText: string;
  readonly image: boolean;
  /** 'PDF', 'Word', 'PNG', … (shown only). */
  readonly kindLabel: string;
  /** Bytes (shown only). */
  readonly size: number;
}

export interface ResourceLinkValues {
  readonly title: string;
  readonly url: string;
}

export interface ResourceFormValues {
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly kind: string;
  readonly themes: readonly string[];
  /** Project slug, '' for none. */
  readonly project: string;
  /** Kommunenummer. */
  readonly municipalities: readonly string[];
  readonly audience: readonly string[];
  readonly language: string;
  readonly attachments: readonly AttachmentValues[];
  readonly links: readonly ResourceLinkValues[];
  readonly publishedOn: string;
  readonly lastReviewedOn: string;
  /** The next attachment's title and alt text, typed before its file is chosen. */
  readonly newTitle: string;
  readonly newAltText: string;
}

export const EMPTY_RESOURCE: ResourceFormValues = {
  title: '',
  summary: '',
  body: '',
  kind: 'guide',
  themes: [],
  project: '',
  municipalities: [],
  audience: [],
  language: 'nb',
  attachments: [],
  links: [],
  publishedOn: '',
  lastReviewedOn: '',
  newTitle: '',
  newAltText: '',
};

/** The form's values for a stored resource (resources.getForEdit). */
export function editValues(resource: ResourceEditView): ResourceFormValues {
  return {
    title: resource.title,
    summary: resource.summary,
    body: resource.body,
    kind: resource.kind,
    themes: resource.themes.map((theme) => theme.slug),
    project: resource.projectSlug ?? '',
    municipalities: resource.municipalities.map((municipality) => municipality.number),
    audience: [...resource.audience],
    language: resource.language,
    attachments: resource.attachments.map((attachment) => ({
      file: attachment.file,
      title: attachment.title,
      altText: attachment.altText ?? '',
      image: attachment.image !== null,
      kindLabel: attachment.kindLabel,
      size: attachment.size,
    })),
    links: resource.links.map((link) => ({ title: link.title, url: link.url })),
    publishedOn: resource.publishedOn ?? '',
    lastReviewedOn: resource.lastReviewedOn ?? '',
    newTitle: '',
    newAltText: '',
  };
}

/** A file the API took (`POST /files`'s answer), as the form's next attachment needs it. */
export interface UploadedFile {
  readonly id: string;
  readonly kindLabel: string;
  readonly size: number;
  readonly image: unknown;
  readonly altText?: string | null | undefined;
}

/** The link rows the form shows: those typed plus empty ones, at least two. */
export function resourceLinkRows(links: readonly ResourceLinkValues[]): ResourceLinkValues[] {
  const rows = keptResourceLinks(links);
  const wanted = Math.max(2, rows.length + 1);
  while (rows.length < wanted) rows.push({ title: '', url: '' });
  return rows;
}

/** The link rows the form keeps: errors point at row indexes among these. */
export function keptResourceLinks(links: readonly ResourceLinkValues[]): ResourceLinkValues[] {
  return links.filter((link) => link.title !== '' || link.url !== '');
}

const byIndex = <T>(length: number, at: (index: number) => T): T[] =>
  Array.from({ length }, (_, index) => at(index));

/** The attachment rows as sent: one value of each hidden and visible field per row. */
function readAttachments(form: FormData): AttachmentValues[] {
  const files = texts(form, 'attachmentFile');
  const titles = texts(form, 'attachmentTitle');
  const alts = texts(form, 'attachmentAlt');
  const images = texts(form, 'attachmentImage');
  const kinds = texts(form, 'attachmentKind');
  const sizes = texts(form, 'attachmentSize');
  return byIndex(files.length, (index) => ({
    file: files[index] ?? '',
    title: titles[index] ?? '',
    altText: alts[index] ?? '',
    image: images[index] === '1',
    kindLabel: kinds[index] ?? '',
    size: /^\d{1,12}$/.test(sizes[index] ?? '') ? Number(sizes[index]) : 0,
  })).filter((attachment) => attachment.file !== '');
}

/** The resource form as typed; Markdown keeps its whitespace, only line endings are normalised. */
export function readResourceForm(form: FormData): ResourceFormValues {
  const linkTitles = texts(form, 'linkTitle');
  const linkUrls = texts(form, 'linkUrl');
  return {
    title: text(form, 'title'),
    summary: text(form, 'summary'),
    body: markdown(form, 'body'),
    kind: text(form, 'kind'),
    themes: texts(form, 'themes').filter((slug) => slug !== ''),
    project: text(form, 'project'),
    municipalities: texts(form, 'municipalities').filter((number) => number !== ''),
    audience: texts(form, 'audience').filter((value) => value !== ''),
    language: text(form, 'language'),
    attachments: readAttachments(form),
    links: byIndex(Math.max(linkTitles.length, linkUrls.length), (index) => ({
      title: linkTitles[index] ?? '',
      url: linkUrls[index] ?? '',
    })),
    publishedOn: text(form, 'publishedOn'),
    lastReviewedOn: text(form, 'lastReviewedOn'),
    newTitle: text(form, 'newTitle'),
    newAltText: text(form, 'newAltText'),
  };
}

/** What one of the attachment buttons asks for: `opp-2`, `ned-0`, `fjern-1`, `legg-til`. */
export type AttachmentCommand =
  | { readonly kind: 'up' | 'down' | 'remove'; readonly index: number }
  | { readonly kind: 'add' };

export function readAttachmentCommand(value: string): AttachmentCommand | null {
  if (value === 'legg-til') return { kind: 'add' };
  const match = /^(opp|ned|fjern)-(\d{1,3})$/.exec(value);
  if (!match?.[1] || !match[2]) return null;
  const kind = ({ opp: 'up', ned: 'down', fjern: 'remove' } as const)[
    match[1] as 'opp' | 'ned' | 'fjern'
  ];
  return { kind, index: Number(match[2]) };
}

/** The attachments after moving one up or down or removing it; out of range changes nothing. */
export function applyAttachmentCommand(
  attachments: readonly AttachmentValues[],
  command: Exclude<AttachmentCommand, { kind: 'add' }>,
): AttachmentValues[] {
  const rows = [...attachments];
  const { index } = command;
  if (index < 0 || index >= rows.length) return rows;
  if (command.kind === 'remove') {
    rows.splice(index, 1);
    return rows;
  }
  const other = command.kind === 'up' ? index - 1 : index + 1;
  if (other < 0 || other >= rows.length) return rows;
  [rows[index], rows[other]] = [rows[other] as AttachmentValues, rows[index] as AttachmentValues];
  return rows;
}

/** A file name without its folder and extension, as a new attachment's title when none is typed. */
export function titleFromFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return stem.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The values with the uploaded file added as the last attachment, under the title and alt text
 * typed for it (the file's name when no title is typed), and the «new attachment» fields emptied.
 */
export function withUploaded(
  values: ResourceFormValues,
  file: UploadedFile,
  fileName: string,
): ResourceFormValues {
  const image = file.image !== null && file.image !== undefined;
  return {
    ...values,
    attachments: [
      ...values.attachments,
      {
        file: file.id,
        title: values.newTitle || titleFromFileName(fileName),
        altText: image ? (file.altText ?? values.newAltText) : '',
        image,
        kindLabel: file.kindLabel,
        size: file.size,
      },
    ],
    newTitle: '',
    newAltText: '',
  };
}

const date = (value: string): string | null => (value === '' ? null : value);

/** What the admin checks before asking the API; every problem in one round. */
export function validateResource(values: ResourceFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (values.title === '') errors.title = 'Skriv en tittel på ressursen.';
  else if (values.title.length > 200) errors.title = 'Tittelen kan være på høyst 200 tegn.';
  if (values.summary.length > 500) errors.summary = 'Sammendraget kan være på høyst 500 tegn.';
  if (!fits(ResourceKind, values.kind)) errors.kind = 'Velg hva slags ressurs det er.';
  if (!fits(ResourceLanguage, values.language)) errors.language = 'Velg språket ressursen er på.';
  if (!values.audience.every((value) => fits(ResourceAudience, value))) {
    errors.audience = 'Velg målgrupper fra listen.';
  }
  if (values.project !== '' && !fits(Slug, values.project))
    errors.project = 'Velg et prosjekt fra listen.';
  if (!values.municipalities.every((number) => fits(MunicipalityNumber, number))) {
    errors.municipalities = 'Velg kommuner fra listen.';
  }
  if (values.publishedOn !== '' && !fits(IsoDate, values.publishedOn)) {
    errors.publishedOn = 'Skriv en gyldig publiseringsdato, for eksempel 01.03.2026.';
  }
  if (values.lastReviewedOn !== '' && !fits(IsoDate, values.lastReviewedOn)) {
    errors.lastReviewedOn = 'Skriv en gyldig dato, for eksempel 01.09.2026.';
  }
  if (!errors.publishedOn && !errors.lastReviewedOn) {
    const dates = checkResourceDates({
      publishedOn: date(values.publishedOn),
      lastReviewedOn: date(values.lastReviewedOn),
    });
    if (Result.isFailure(dates)) errors.lastReviewedOn = dates.failure.message;
  }
  // The domain's rule, one attachment at a time, so each error stands next to its own row.
  values.attachments.forEach((attachment, position) => {
    const checked = checkAttachments([{ ...attachment, altText: attachment.altText || null }]);
    if (Result.isFailure(checked)) {
      const title = checked.failure._tag === 'AttachmentTitleMissing';
      errors[`${title ? 'attachmentTitle' : 'attachmentAlt'}-${position}`] = title
        ? new AttachmentTitleMissing({ position }).message
        : new AttachmentAltTextMissing({ position }).message;
    }
  });
  keptResourceLinks(values.links).forEach((link, index) => {
    if (link.title === '')
      errors[`linkTitle-${index}`] = `Skriv en lenketekst for lenke ${index + 1}.`;
    if (link.url === '') errors[`linkUrl-${index}`] = `Skriv nettadressen for lenke ${index + 1}.`;
    else if (!fits(HttpUrl, link.url)) {
      errors[`linkUrl-${index}`] = 'Skriv en nettadresse som begynner med https:// eller http://.';
    }
  });
  return errors;
}

/** The fields resources.create and resources.update take, from a validated form. */
export function resourceInput(values: ResourceFormValues) {
  return {
    title: values.title,
    summary: values.summary,
    body: values.body,
    kind: values.kind as ResourceKind,
    themes: [...values.themes],
    project: values.project === '' ? null : values.project,
    municipalities: [...values.municipalities],
    audience: values.audience as ResourceAudience[],
    language: values.language as ResourceLanguage,
    attachments: values.attachments.map((attachment) => ({
      file: attachment.file,
      title: attachment.title,
      altText: attachment.image ? attachment.altText : null,
    })),
    links: keptResourceLinks(values.links).map((link) => ({ title: link.title, url: link.url })),
    publishedOn: date(values.publishedOn),
    lastReviewedOn: date(values.lastReviewedOn),
  };
}

const FIELDS = new Set([
  'title',
  'summary',
  'body',
  'kind',
  'themes',
  'project',
  'municipalities',
  'audience',
  'language',
  'publishedOn',
  'lastReviewedOn',
]);

/** The field an input issue is about: an attachment's or link's part by row, else the input's own. */
function issueField([key, index, part]: readonly string[]): string {
  const row = index !== undefined && /^\d+$/.test(index) ? index : null;
  if (key === 'links' && row !== null)
    return part === 'url' ? `linkUrl-${row}` : `linkTitle-${row}`;
  if (key === 'attachments' && row !== null) {
    return part === 'altText' ? `attachmentAlt-${row}` : `attachmentTitle-${row}`;
  }
  if (key === 'attachments') return 'attachments';
  if (key === 'links') return 'links';
  return key !== undefined && FIELDS.has(key) ? key : 'title';
}

/** The field a broken rule belongs to, by the domain error's tag (and its position, if any). */
function ruleField(failure: ApiFailure): string {
  const tag = tagOf(failure);
  const position = typeof failure.data.position === 'number' ? failure.data.position : null;
  if (tag === 'AttachmentTitleMissing')
    return position === null ? 'attachments' : `attachmentTitle-${position}`;
  if (tag === 'AttachmentAltTextMissing')
    return position === null ? 'attachments' : `attachmentAlt-${position}`;
  if (tag === 'ResourceDatesInvalid') return 'lastReviewedOn';
  if (tag === 'ResourceProjectNotOfOwner') return 'project';
  if (tag === 'ResourceNotPublishable') return 'themes';
  return 'title';
}

/**
 * What the saved resource lacks to be published (the domain's checkResourcePublishable), as
 * messages at the fields to fill: for a publish the API refused as ResourceNotPublishable.
 */
export function publishErrors(
  resource: Pick<ResourceEditView, 'themes' | 'attachments' | 'links'>,
): FieldErrors {
  const checked = checkResourcePublishable({
    themes: resource.themes.map((theme) => theme.slug),
    attachments: resource.attachments,
    links: resource.links,
  });
  if (Result.isSuccess(checked)) return {};
  const { missingTheme, missingContent } = checked.failure;
  return {
    ...(missingTheme ? { themes: 'Velg minst ett tema og lagre før ressursen publiseres.' } : {}),
    ...(missingContent
      ? {
          attachments:
            'Legg til minst ett vedlegg eller én lenke og lagre før ressursen publiseres.',
        }
      : {}),
  };
}

/** Where the API's refusal of a resource save belongs in the form. */
export function resourceErrors(failure: ApiFailure): FieldErrors {
  if (failure.issues.length === 0) return { [ruleField(failure)]: failure.message };
  const errors: FieldErrors = {};
  for (const issue of failure.issues) errors[issueField(issue.path)] ??= issue.message;
  return errors;
}

/** The refusal of an upload (`POST /files`'s `{ error: { field, message } }`) next to its field. */
export function uploadErrors(refusal: {
  readonly field?: string | null;
  readonly message: string;
}): FieldErrors {
  return refusal.field === 'alt' ? { newAltText: refusal.message } : { newFile: refusal.message };
}
