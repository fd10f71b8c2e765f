/**
 * Text the platform can store and send on: no NUL character (PostgreSQL's text types refuse it)
 * and no lone UTF-16 surrogate (it has no UTF-8 form, so it would be silently replaced).
 */
export const isStorableText = (value: string): boolean =>
  !value.includes('\u0000') && value.isWellFormed();

export const UNSTORABLE_TEXT_MESSAGE =
  'Teksten inneholder tegn som ikke kan lagres (et nulltegn eller et ufullstendig tegn).';

/**
 * The number of Unicode code points in `text`, counting no further than `limit + 1` so an
 * enormous input costs no more than a slightly too long one.
 */
export const codePointLength = (text: string, limit = Number.POSITIVE_INFINITY): number => {
  let count = 0;
  for (const _ of text) {
    count++;
    if (count > limit) break;
  }
  return count;
};
