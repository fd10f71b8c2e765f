import { Result, Schema } from 'effect';
import { formatDateNb, todayIso } from '../content/dates.ts';
import type { InvalidTransition } from '../content/errors.ts';
import { Slug, slugify, uniqueSlug } from '../content/slug.ts';
import type { Status, Transition } from '../content/status.ts';
import { Uuid, withMessage } from '../content/values.ts';
import { transition } from '../content/workflow.ts';
import { MunicipalityNumber } from '../municipality/municipality.ts';
import {
  ArticleImageAltTextMissing,
  ArticleImageNotAnImage,
  ArticleNotPublishable,
  ArticleProjectNotOfPublisher,
} from './errors.ts';

/** The article's image: a stored file (an upload of the publisher), its alt text and credit. */
export const ArticleImage = Schema.Struct({
  file: withMessage(Uuid, 'Bildet må være en gyldig fil-id fra opplastingen.'),
  /** Required (checkArticleImage). */
  altText: Schema.String,
  /** «Foto: …»; empty when none is given. */
  credit: Schema.String,
});
export type ArticleImage = typeof ArticleImage.Type;

/** Who wrote it: a name, and the person record when there is one. */
export const ArticleAuthor = Schema.Struct({
  name: Schema.String,
  /** A person's id (project people), or null. */
  person: Schema.NullOr(Uuid),
});
export type ArticleAuthor = typeof ArticleAuthor.Type;

/** What an editor writes about an article; the workflow status and version live beside it. */
export const ArticleDraft = Schema.Struct({
  title: Schema.NonEmptyString,
  /** The ingress: a sentence or two in plain text. */
  lead: Schema.String,
  /** Markdown. */
  body: Schema.String,
  image: Schema.NullOr(ArticleImage),
  /** The publisher organisation's slug. */
  publisher: Slug,
  /** The slug of the project it is about, if any. */
  project: Schema.NullOr(Slug),
  /** Theme slugs. */
  themes: Schema.Array(Slug),
  /** Kommunenummer of the municipalities it concerns. */
  municipalities: Schema.Array(MunicipalityNumber),
  author: Schema.NullOr(ArticleAuthor),
});
export type ArticleDraft = typeof ArticleDraft.Type;

/** Publishable with a lead and a text (neither only spaces). */
export const checkArticlePublishable = (
  a: Pick<ArticleDraft, 'lead' | 'body'>,
): Result.Result<void, ArticleNotPublishable> => {
  const missingLead = a.lead.trim() === '';
  const missingBody = a.body.trim() === '';
  return missingLead || missingBody
    ? Result.fail(new ArticleNotPublishable({ missingLead, missingBody }))
    : Result.succeed(undefined);
};

/** An image is an image file and has alt text. */
export const checkArticleImage = (
  image: { readonly altText: string; readonly isImage: boolean } | null,
): Result.Result<void, ArticleImageAltTextMissing | ArticleImageNotAnImage> => {
  if (image === null) return Result.succeed(undefined);
  if (!image.isImage) return Result.fail(new ArticleImageNotAnImage());
  return image.altText.trim() === ''
    ? Result.fail(new ArticleImageAltTextMissing())
    : Result.succeed(undefined);
};

/** An article tied to a project is published by the project's owner organisation. */
export const checkArticleProject = (a: {
  readonly publisher: string;
  readonly project: { readonly slug: string; readonly owner: string } | null;
}): Result.Result<void, ArticleProjectNotOfPublisher> =>
  a.project === null || a.project.owner === a.publisher
    ? Result.succeed(undefined)
    : Result.fail(
        new ArticleProjectNotOfPublisher({ project: a.project.slug, publisher: a.publisher }),
      );

export type ArticleEditError =
  | ArticleImageAltTextMissing
  | ArticleImageNotAnImage
  | ArticleProjectNotOfPublisher
  | ArticleNotPublishable;

/** What a saved article is checked against. */
export interface ArticleCheck extends Pick<ArticleDraft, 'publisher' | 'lead' | 'body'> {
  readonly image: { readonly altText: string; readonly isImage: boolean } | null;
  readonly project: { readonly slug: string; readonly owner: string } | null;
}

/**
 * Whether an editor may save `draft` over an article in `workflowStatus`: an image with alt
 * text, a project of the publisher; a published article stays publishable.
 */
export const checkArticleEdit = (
  draft: ArticleCheck,
  workflowStatus: Status,
): Result.Result<void, ArticleEditError> =>
  Result.flatMap(
    Result.flatMap(checkArticleImage(draft.image), () => checkArticleProject(draft)),
    (): Result.Result<void, ArticleEditError> =>
      workflowStatus === 'published' ? checkArticlePublishable(draft) : Result.succeed(undefined),
  );

/** The status after `t`; publishing also needs a publishable article. */
export const checkArticleTransition = (
  article: Pick<ArticleDraft, 'lead' | 'body'> & { readonly workflowStatus: Status },
  t: Transition,
): Result.Result<Status, InvalidTransition | ArticleNotPublishable> =>
  Result.flatMap(
    transition({ status: article.workflowStatus }, t),
    (next): Result.Result<Status, InvalidTransition | ArticleNotPublishable> =>
      t === 'publish'
        ? Result.map(checkArticlePublishable(article), () => next)
        : Result.succeed(next),
  );

/** The slug for a new article: uniqueSlug of the title; a title without letters → 'artikkel'. */
export const articleSlug = (title: string, taken: ReadonlySet<string>): string =>
  uniqueSlug(slugify(title) === '' ? 'artikkel' : title, taken);

/** How much later than its publication an edit must be for «Oppdatert» to be shown. */
export const ARTICLE_UPDATED_AFTER_MS = 60 * 60 * 1000;

/**
 * Whether «Oppdatert …» is worth showing: the text was changed at least an hour after it was
 * published (a typo fixed in the first minutes is not news).
 */
export const articleWasUpdated = (
  publishedAt: string | null,
  updatedAt: string | null,
): boolean => {
  if (publishedAt === null || updatedAt === null) return false;
  const published = Date.parse(publishedAt);
  const updated = Date.parse(updatedAt);
  return (
    Number.isFinite(published) &&
    Number.isFinite(updated) &&
    updated - published >= ARTICLE_UPDATED_AFTER_MS
  );
};

/** '2026-12-03T09:00:00Z' → '3. desember 2026' (the day in Norway); '' for an unreadable one. */
export const formatInstantDateNb = (instant: string): string => {
  const time = Date.parse(instant);
  return Number.isFinite(time) ? formatDateNb(todayIso(new Date(time))) : '';
};
