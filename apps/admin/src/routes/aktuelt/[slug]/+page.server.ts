import { actionFor, FILE_AUDIT_WINDOW_DAYS, isPublic } from '@klimakommuner/domain';
import { error, fail, redirect } from '@sveltejs/kit';
import { articleChoices, imageRound, readArticleRound } from '#lib/article-form.server.ts';
import {
  articleEditValues,
  articleErrors,
  articleInput,
  deleteArticleConfirmation,
  validateArticle,
} from '#lib/article-form.ts';
import { transitionConfirmation } from '#lib/confirm.ts';
import { hasErrors, INVALID_FORM, parseVersion, text } from '#lib/forms.ts';
import { mayIn } from '#lib/policy.ts';
import { load as api, attempt, FORBIDDEN_MESSAGE } from '#lib/server/api.ts';
import { askFirst, isConfirmed } from '#lib/server/confirm.ts';
import { previewBody } from '#lib/server/preview.ts';
import { transitionAction } from '#lib/server/workflow.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// Parallel to /ressurser/[slug]: the same workflow panel, conflict view and delete, the article's
// own form.

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

/** The version the form was filled in from; a 400 page without one. */
function versionOf(form: FormData): number {
  const version = parseVersion(text(form, 'version'));
  if (version === null) error(400, INVALID_FORM);
  return version;
}

export const actions: Actions = {
  lagre: async (event) => {
    const { slug } = event.params;
    const article = await articleOf(event);
    const round = await readArticleRound(event, article.publisher.slug);
    const version = versionOf(round.form);
    const base = {
      kind: 'save' as const,
      values: round.values,
      version,
      notice: null,
      previewHtml: null,
    };
    if (hasErrors(round.errors))
      return fail(400, { ...base, errors: round.errors, message: null, conflict: null });
    const errors = validateArticle(round.values);
    if (hasErrors(errors)) return fail(400, { ...base, errors, message: null, conflict: null });
    const result = await attempt(event, (client) =>
      client.articles.update.mutate({ slug, version, ...articleInput(round.values) }),
    );
    if (result.ok) redirect(303, `/aktuelt/${slug}?lagret=1`);
    if (result.failure.code === 'CONFLICT') {
      const conflict = await articleOf(event);
      return fail(409, {
        ...base,
        errors: {},
        version: conflict.version,
        message: result.failure.message,
        conflict,
      });
    }
    return fail(422, {
      ...base,
      errors: articleErrors(result.failure),
      message: null,
      conflict: null,
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
    return transitionAction(event, {
      slug,
      mayUse: (transition, form) => {
        const publisher = text(form, 'owner');
        return publisher === '' || mayIn(event.locals.me, actionFor(transition), publisher);
      },
      run: (client, input) => client.articles.transition.mutate(input),
      done: `/aktuelt/${slug}?status=1`,
      confirmation: async (transition, when) => {
        const article = await articleOf(event);
        const shown = { status: article.workflowStatus, publishAt: article.publishAt };
        return transitionConfirmation(
          transition,
          {
            noun: 'Artikkelen',
            pronoun: 'den',
            name: article.title,
            public: isPublic(shown, new Date()),
          },
          when,
        );
      },
    });
  },

  slett: async (event) => {
    const { slug } = event.params;
    const form = await event.request.formData();
    const version = versionOf(form);
    const article = await articleOf(event);
    const publisher = article.publisher.slug;
    // The same people who may archive may delete, as for resources.
    if (!mayIn(event.locals.me, 'content.archive', publisher)) error(403, FORBIDDEN_MESSAGE);
    if (!isConfirmed(form)) {
      return askFirst(
        event,
        form,
        deleteArticleConfirmation(article.title, FILE_AUDIT_WINDOW_DAYS),
      );
    }
    const result = await attempt(event, (client) =>
      client.articles.delete.mutate({ slug, version }),
    );
    if (result.ok) redirect(303, `/organisasjoner/${publisher}/aktuelt?slettet=1`);
    return fail(result.failure.code === 'CONFLICT' ? 409 : 422, {
      kind: 'delete' as const,
      errors: {},
      message: result.failure.message,
    });
  },
};
