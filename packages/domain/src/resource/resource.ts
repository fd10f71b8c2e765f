import { Result, Schema } from 'effect';
import { IsoDate } from '../content/dates.ts';
import type { InvalidTransition } from '../content/errors.ts';
import { Slug, slugify, uniqueSlug } from '../content/slug.ts';
import type { Status, Transition } from '../content/status.ts';
import { HttpUrl, Uuid, withMessage } from '../content/values.ts';
import { transition } from '../content/workflow.ts';
import { MunicipalityNumber } from '../municipality/municipality.ts';
import {
  AttachmentAltTextMissing,
  AttachmentTitleMissing,
  ResourceDatesInvalid,
  ResourceNotPublishable,
  ResourceProjectNotOfOwner,
} from './errors.ts';

/** A value set with a Norwegian label for each value, in the order forms list them. */
const labelled = <const V extends string>(labels: Readonly<Record<V, string>>, what: string) => {
  const values = Object.keys(labels) as V[];
  return {
    values: values as readonly V[],
    schema: Schema.Literals(values).annotate({
      message: `Må være ${what}: ${values.join(', ')}.`,
    }),
    label: (value: V): string => labels[value],
  };
};

const kinds = labelled(
  {
    guide: 'Veileder',
    template: 'Mal',
    tool: 'Verktøy',
    report: 'Rapport',
    case: 'Eksempel fra en kommune',
    recording: 'Webinar/opptak',
    presentation: 'Presentasjon',
  },
  'en ressurstype',
);
export const RESOURCE_KINDS = kinds.values;
export const ResourceKind = kinds.schema;
export type ResourceKind = typeof ResourceKind.Type;
/** 'Veileder', 'Mal', 'Verktøy', … */
export const resourceKindLabel = kinds.label;

const audiences = labelled(
  {
    politicians: 'Politikere',
    leaders: 'Ledere',
    advisers: 'Klimarådgivere',
    employees: 'Ansatte i kommunen',
    public: 'Innbyggere',
  },
  'en målgruppe',
);
export const RESOURCE_AUDIENCES = audiences.values;
export const ResourceAudience = audiences.schema;
export type ResourceAudience = typeof ResourceAudience.Type;
export const resourceAudienceLabel = audiences.label;

const languages = labelled(
  { nb: 'Bokmål', nn: 'Nynorsk', en: 'Engelsk', se: 'Nordsamisk' },
  'et språk',
);
export const RESOURCE_LANGUAGES = languages.values;
export const ResourceLanguage = languages.schema;
export type ResourceLanguage = typeof ResourceLanguage.Type;
export const resourceLanguageLabel = languages.label;

/** A deleted resource's files are kept this long, so the audit trail can still show them. */
export const FILE_AUDIT_WINDOW_DAYS = 90;

export const AttachmentDraft = Schema.Struct({
  /** The stored file's id, as the upload endpoint answered it. */
  file: withMessage(Uuid, 'Filen må være en gyldig fil-id fra opplastingen.'),
  title: Schema.String,
  /** Required for images (checkAttachments); null for documents. */
  altText: Schema.NullOr(Schema.String),
});
export type AttachmentDraft = typeof AttachmentDraft.Type;

export const ResourceLink = Schema.Struct({
  title: Schema.NonEmptyString,
  url: withMessage(
    HttpUrl,
    'Lenken må være en fullstendig adresse som begynner med https:// eller http://.',
  ),
});
export type ResourceLink = typeof ResourceLink.Type;

/** What an editor writes about a resource; the workflow status and version live beside it. */
export const ResourceDraft = Schema.Struct({
  title: Schema.NonEmptyString,
  summary: Schema.String,
  /** Markdown. */
  body: Schema.String,
  kind: ResourceKind,
  /** Theme slugs. */
  themes: Schema.Array(Slug),
  /** The slug of the project it came from, if any. */
  project: Schema.NullOr(Slug),
  /** The owner organisation's slug. */
  owner: Slug,
  /** Kommunenummer of the municipalities it comes from. */
  municipalities: Schema.Array(MunicipalityNumber),
  audience: Schema.Array(ResourceAudience),
  language: ResourceLanguage,
  /** In the order they are shown. */
  attachments: Schema.Array(AttachmentDraft),
  links: Schema.Array(ResourceLink),
  publishedOn: Schema.NullOr(IsoDate),
  lastReviewedOn: Schema.NullOr(IsoDate),
});
export type ResourceDraft = typeof ResourceDraft.Type;

/** An attachment as the rules see it: whether its file is an image decides if alt text is needed. */
export interface AttachmentCheck {
  readonly title: string;
  readonly altText: string | null;
  readonly image: boolean;
}

/** Publishable with at least one theme and at least one attachment or link. */
export const checkResourcePublishable = (
  r: Pick<ResourceDraft, 'themes' | 'links'> & { readonly attachments: readonly unknown[] },
): Result.Result<void, ResourceNotPublishable> => {
  const missingTheme = r.themes.length === 0;
  const missingContent = r.attachments.length === 0 && r.links.length === 0;
  return missingTheme || missingContent
    ? Result.fail(new ResourceNotPublishable({ missingTheme, missingContent }))
    : Result.succeed(undefined);
};

/** Every attachment has a title; every image attachment has alt text (both not only spaces). */
export const checkAttachments = (
  attachments: readonly AttachmentCheck[],
): Result.Result<void, AttachmentTitleMissing | AttachmentAltTextMissing> => {
  for (const [position, a] of attachments.entries()) {
    if (a.title.trim() === '') return Result.fail(new AttachmentTitleMissing({ position }));
    if (a.image && (a.altText ?? '').trim() === '')
      return Result.fail(new AttachmentAltTextMissing({ position }));
  }
  return Result.succeed(undefined);
};

/** A resource tied to a project belongs to the project's owner organisation. */
export const checkResourceProject = (r: {
  readonly owner: string;
  readonly project: { readonly slug: string; readonly owner: string } | null;
}): Result.Result<void, ResourceProjectNotOfOwner> =>
  r.project === null || r.project.owner === r.owner
    ? Result.succeed(undefined)
    : Result.fail(new ResourceProjectNotOfOwner({ project: r.project.slug, owner: r.owner }));

/** «Sist gjennomgått» is not before the publication date, when both are set. */
export const checkResourceDates = (
  r: Pick<ResourceDraft, 'publishedOn' | 'lastReviewedOn'>,
): Result.Result<void, ResourceDatesInvalid> =>
  r.publishedOn !== null && r.lastReviewedOn !== null && r.lastReviewedOn < r.publishedOn
    ? Result.fail(
        new ResourceDatesInvalid({ publishedOn: r.publishedOn, lastReviewedOn: r.lastReviewedOn }),
      )
    : Result.succeed(undefined);

export type ResourceEditError =
  | AttachmentTitleMissing
  | AttachmentAltTextMissing
  | ResourceProjectNotOfOwner
  | ResourceDatesInvalid
  | ResourceNotPublishable;

/** What a saved resource is checked against, its attachments with whether each is an image. */
export interface ResourceCheck
  extends Pick<ResourceDraft, 'owner' | 'themes' | 'links' | 'publishedOn' | 'lastReviewedOn'> {
  readonly attachments: readonly AttachmentCheck[];
  readonly project: { readonly slug: string; readonly owner: string } | null;
}

/**
 * Whether an editor may save `draft` over a resource in `workflowStatus`: attachments with
 * titles (and alt text for images), a project of the same owner, dates in order; a published
 * resource stays publishable.
 */
export const checkResourceEdit = (
  draft: ResourceCheck,
  workflowStatus: Status,
): Result.Result<void, ResourceEditError> =>
  Result.flatMap(
    Result.flatMap(
      Result.flatMap(checkAttachments(draft.attachments), () => checkResourceProject(draft)),
      () => checkResourceDates(draft),
    ),
    (): Result.Result<void, ResourceEditError> =>
      workflowStatus === 'published' ? checkResourcePublishable(draft) : Result.succeed(undefined),
  );

/** The status after `t`; publishing also needs a publishable resource. */
export const checkResourceTransition = (
  resource: Pick<ResourceDraft, 'themes' | 'links'> & {
    readonly attachments: readonly unknown[];
    readonly workflowStatus: Status;
  },
  t: Transition,
): Result.Result<Status, InvalidTransition | ResourceNotPublishable> =>
  Result.flatMap(
    transition({ status: resource.workflowStatus }, t),
    (next): Result.Result<Status, InvalidTransition | ResourceNotPublishable> =>
      t === 'publish'
        ? Result.map(checkResourcePublishable(resource), () => next)
        : Result.succeed(next),
  );

/** The slug for a new resource: uniqueSlug of the title; a title without letters → 'ressurs'. */
export const resourceSlug = (title: string, taken: ReadonlySet<string>): string =>
  uniqueSlug(slugify(title) === '' ? 'ressurs' : title, taken);
