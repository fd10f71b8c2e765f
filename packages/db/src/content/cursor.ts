/** The cursor of a name-sorted list: the last item's sort key, opaque to callers. */
export interface NameCursor {
  name: string;
  number: string;
}

export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  constructor() {
    super('Invalid cursor');
  }
}

export const encodeCursor = ({ name, number }: NameCursor): string =>
  Buffer.from(JSON.stringify([name, number]), 'utf8').toString('base64url');

export const decodeCursor = (cursor: string): NameCursor => {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [name, number] = value as unknown[];
      // The values go to SQL as parameters; text PostgreSQL cannot store (NUL) is no cursor.
      const storable = (v: unknown): v is string => typeof v === 'string' && !v.includes('\u0000');
      if (storable(name) && storable(number)) return { name, number };
    }
  } catch {}
  throw new InvalidCursorError();
};
