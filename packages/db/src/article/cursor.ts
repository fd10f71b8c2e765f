import { InvalidCursorError } from '../content/cursor.ts';

/** The cursor of the newest-first article list: the last item's publication and id. */
export interface ArticleCursor {
  readonly publishedAt: string;
  readonly id: string;
}

export const encodeArticleCursor = ({ publishedAt, id }: ArticleCursor): string =>
  Buffer.from(JSON.stringify([publishedAt, id]), 'utf8').toString('base64url');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Throws InvalidCursorError unless `cursor` is one encodeArticleCursor made. */
export const decodeArticleCursor = (cursor: string): ArticleCursor => {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [publishedAt, id] = value as unknown[];
      if (
        typeof publishedAt === 'string' &&
        typeof id === 'string' &&
        UUID.test(id) &&
        Number.isFinite(Date.parse(publishedAt))
      )
        return { publishedAt, id };
    }
  } catch {}
  throw new InvalidCursorError();
};
