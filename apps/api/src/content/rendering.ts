import { DomainError, invalidField } from '../errors.ts';
import { renderMarkdown } from './markdown.ts';
import { createMarkdownPool, MarkdownBusy } from './markdown-pool.ts';

// One pool per API process, shared by every procedure that renders Markdown.
const pool = createMarkdownPool();

/**
 * Up to this length a text renders on the event loop: a few milliseconds at worst (CommonMark's
 * pathological inputs at this size), less than handing it to a worker and back costs.
 */
const INLINE_LENGTH = 1000;

/**
 * The sanitised HTML of an editor's Markdown `field`; longer texts render in a worker thread. A
 * text the renderer cannot finish is a field error; a full queue asks the client to retry.
 */
export const renderField = async (markdown: string, field: string): Promise<string> => {
  if (markdown.length <= INLINE_LENGTH) return renderMarkdown(markdown);
  try {
    return await pool.render(markdown);
  } catch (error) {
    if (error instanceof MarkdownBusy) {
      throw new DomainError(
        'TOO_MANY_REQUESTS',
        'RateLimited',
        'Serveren har mye å gjøre akkurat nå. Prøv igjen om litt.',
        error,
        { data: { retryAfterSeconds: 1 } },
      );
    }
    throw invalidField(field, 'Teksten kunne ikke vises. Forenkle formateringen og prøv igjen.');
  }
};
