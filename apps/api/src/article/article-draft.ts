import { renderField } from '../content/rendering.ts';
import type { ArticleInput } from './inputs.ts';

/**
 * The draft as the repository takes it: the body rendered to sanitised HTML, lists once each,
 * absent fields as none; an author without a name or a person is no author.
 */
export const articleDraft = async (input: ArticleInput) => {
  const author = input.author ?? null;
  const name = author?.name.trim() ?? '';
  const person = author?.person?.toLowerCase() ?? null;
  return {
    title: input.title,
    lead: input.lead,
    body: input.body,
    bodyHtml: await renderField(input.body, 'body'),
    image: input.image
      ? {
          file: input.image.file.toLowerCase(),
          altText: input.image.altText.trim(),
          credit: input.image.credit?.trim() ?? '',
        }
      : null,
    project: input.project ?? null,
    themes: [...new Set(input.themes ?? [])],
    municipalities: [...new Set(input.municipalities ?? [])],
    author: name === '' && person === null ? null : { name, person },
  };
};
