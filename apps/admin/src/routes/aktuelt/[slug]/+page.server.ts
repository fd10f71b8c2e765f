import { FILE_AUDIT_WINDOW_DAYS } from '@klimakommuner/domain';
import { articleChoices, imageRound, readArticleRound } from '#lib/article-form.server.ts';
import {
  articleEditValues,
  articleErrors,
  articleInput,
  deleteArticleConfirmation,
  validateArticle,
  articlePublishErrors,
} from '#lib/article-form.ts';
import { load as api } from '#lib/server/api.ts';
import { contentStatus, deleteContent, saveContent, versionOf } from '#lib/server/content-page.ts';
import { previewBody } from '#lib/server/preview.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// Parallel to /ressurser/[slug] and /arrangementer/[slug]: the same workflow panel, conflict view
// and delete (#lib/server/content-page.ts), the article's own form and image.

const articleOf = (event: RequestEvent | Parameters<PageServerLoad>[0]) =>
  api(event, (client) => client.articles.getForEdit.query({ slug: event.params.slug }));

export const load: PageServerLoad = async (event) => {
  const article = await articleOf(event);
  const choices = await articleChoices(event, article.publisher.slug);
  const flag = (name: string) => event.url.searchParams.get(name) === '1';
  return {
    article,
    values: articleEditValues(article),
    ...choices,
    created: flag('opprettet'),
    saved: flag('lagret'),
    moved: flag('status'),
  };
};

export const actions: Actions = {
  lagre: async (event) => {
    const { slug } = event.params;
    const article = await articleOf(event);
    const round = await readArticleRound(event, article.publisher.slug);
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
      errors: { ...validateArticle(round.values), ...round.errors },
      update: (client) =>
        client.articles.update.mutate({ slug, version, ...articleInput(round.values) }),
      done: `/aktuelt/${slug}?lagret=1`,
      reload: () => articleOf(event),
      refusals: articleErrors,
    });
  },

  bilde: async (event) => {
    // Images go to the files of the organisation that publishes the article.
    const { publisher } = await articleOf(event);
    return imageRound(event, publisher.slug, (form) => ({
      version: versionOf(form),
      message: null,
      conflict: null,
      previewHtml: null,
    }));
  },

  forhandsvis: async (event) => {
    const { publisher } = await articleOf(event);
    const round = await readArticleRound(event, publisher.slug);
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
      noun: 'Artikkelen',
      pronoun: 'den',
      run: (client, input) => client.articles.transition.mutate(input),
      done: `/aktuelt/${slug}?status=1`,
      load: () => articleOf(event),
      lacking: { tag: 'ArticleNotPublishable', errors: articlePublishErrors },
    });
  },

  slett: (event) => {
    const { slug } = event.params;
    return deleteContent(event, {
      slug,
      load: () => articleOf(event),
      owner: (article) => article.publisher.slug,
      confirmation: (article) => deleteArticleConfirmation(article.title, FILE_AUDIT_WINDOW_DAYS),
      run: (client, input) => client.articles.delete.mutate(input),
      done: (publisher) => `/organisasjoner/${publisher}/aktuelt?slettet=1`,
    });
  },
};
