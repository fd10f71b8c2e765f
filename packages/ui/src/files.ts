/**
 * Both apps serve stored files on their own origin, at `/filer/<id>` and `/filer/<id>/<variant>`,
 * by passing the request on to the API's `/files/…` (docs/decisions/0030): the pages' CSP stays
 * `'self'`, the browser never needs the API's address, and the admin can add the editor's session
 * so a draft's files show in its preview. The API decides who may see a file and sets the headers
 * that make it safe to serve (Content-Disposition, nosniff, a sandboxing CSP); they are kept.
 */

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VARIANT = /^w\d{2,4}$/;

/** The headers of the API's answer that go on to the browser. */
const PASSED = [
  'content-type',
  'content-length',
  'content-disposition',
  'content-security-policy',
  'x-content-type-options',
  'cache-control',
  'etag',
  'last-modified',
] as const;

/** The API's path for a stored file, or null when the id or variant cannot name one. */
export function apiFilePath(id: string, variant?: string): string | null {
  if (!ID.test(id)) return null;
  if (variant !== undefined && !VARIANT.test(variant)) return null;
  return variant === undefined
    ? `/files/${id.toLowerCase()}`
    : `/files/${id.toLowerCase()}/${variant}`;
}

const notFound = () =>
  new Response('Fant ikke filen', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });

/**
 * Fetches a stored file from the API at `apiUrl` and answers with its body streamed through.
 * `authorization` (the admin's) goes along as it is; a conditional request stays conditional.
 */
export async function passFile(
  fetcher: typeof globalThis.fetch,
  apiUrl: string,
  request: Request,
  file: { readonly id: string; readonly variant?: string | undefined },
  authorization?: string | null,
): Promise<Response> {
  const path = apiFilePath(file.id, file.variant);
  if (path === null) return notFound();
  const headers: Record<string, string> = {};
  const tag = request.headers.get('if-none-match');
  if (tag) headers['if-none-match'] = tag;
  if (authorization) headers.authorization = authorization;
  const answer = await fetcher(new URL(path, apiUrl), { headers });
  if (answer.status === 404 || answer.status === 403 || answer.status === 401) {
    await answer.body?.cancel();
    return notFound();
  }
  if (answer.status !== 200 && answer.status !== 304) {
    await answer.body?.cancel();
    return new Response('Filen kan ikke hentes akkurat nå', {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  const passed = new Headers();
  for (const name of PASSED) {
    const value = answer.headers.get(name);
    if (value !== null) passed.set(name, value);
  }
  return new Response(request.method === 'HEAD' ? null : answer.body, {
    status: answer.status,
    headers: passed,
  });
}
