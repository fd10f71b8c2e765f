import { fail, redirect } from '@sveltejs/kit';
import { articleChoices, imageRound, readArticleRound } from '#lib/article-form.server.ts';
import { articleErrors, articleInput, EMPTY_ARTICLE, validateArticle } from '#lib/article-form.ts';
import { hasErrors } from '#lib/forms.ts';
import { attempt } from '#lib/server/api.ts';
import { organisationPage } from '#lib/server/organisation.ts';
import { previewBody } from '#lib/server/preview.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { organisation } = await organisationPage(event, 'content.create', async () => null);
  const choices = await articleChoices(event, organisation.slug);
  return { organisation, ...choices, values: EMPTY_ARTICLE };
};

export const actions: Actions = {
  lagre: async (event) => {
    const { slug } = event.params;
    const round = await readArticleRound(event, slug);
    const values = round.values;
    const answer = (errors: Record<string, string>) => ({
      kind: 'save' as const,
      values,
      errors,
      notice: null,
      previewHtml: null,
    });
    // Every problem in one round: the upload's and the form's own.
    const errors = { ...validateArticle(values), ...round.errors };
    if (hasErrors(errors)) return fail(400, answer(errors));
    const result = await attempt(event, (client) =>
      client.articles.create.mutate({ organisation: slug, ...articleInput(values) }),
    );
    if (result.ok) redirect(303, `/aktuelt/${result.value.slug}?opprettet=1`);
    return fail(422, answer(articleErrors(result.failure)));
  },

  bilde: (event) => imageRound(event, event.params.slug, () => ({ previewHtml: null })),

  forhandsvis: async (event) => {
    const round = await readArticleRound(event, event.params.slug);
    return {
      kind: 'save' as const,
      values: round.values,
      errors: round.errors,
      notice: null,
      previewHtml: await previewBody(event, round.values.body),
    };
  },
};
