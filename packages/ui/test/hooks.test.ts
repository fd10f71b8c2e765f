import { describe, expect, it, vi } from 'vitest';
import { handleError } from '../src/hooks.ts';

// The hook only reads `kind` and `error`; the event is not used.
const caught = (kind: string, error: unknown) =>
  handleError({ kind, error, event: {} } as unknown as Parameters<typeof handleError>[0]);

describe('handleError, the server hook of both apps', () => {
  it('translates SvelteKit’s own errors into Norwegian', () => {
    expect(caught('framework', { status: 404, message: 'Not Found' })).toEqual({
      message: 'Fant ikke siden',
    });
    expect(caught('framework', { status: 405, message: 'Method Not Allowed' })).toEqual({
      message: 'Noe gikk galt',
    });
  });

  it('hides an unexpected error behind a generic 500 and logs it on the server', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const error = new Error('select * from users: connection refused');
    expect(caught('unknown', error)).toEqual({ status: 500, message: 'Noe gikk galt' });
    expect(log).toHaveBeenCalledWith(error);
    log.mockRestore();
  });

  it('keeps the page’s own error (thrown with error()) as it is', () => {
    expect(caught('expected', { status: 403, message: 'Du har ikke tilgang' })).toBeUndefined();
  });
});
