import { readUploadAnswer, UNAVAILABLE, type UploadAnswer } from '#lib/upload-answer.ts';
import { API_URL } from '$app/env/private';

/**
 * Uploads go through this server to the API's `POST /files?organisation=<slug>`
 * (docs/contracts-resources.md), with the editor's session as the bearer token: the browser never
 * talks to the API. The API checks the bytes and answers with the stored file or a Norwegian
 * refusal; nothing is stored when it refuses.
 */

type Event = {
  readonly fetch: typeof globalThis.fetch;
  readonly locals: App.Locals;
  getClientAddress(): string;
};

const uploadUrl = (organisation: string): URL => {
  const url = new URL('/files', API_URL);
  url.searchParams.set('organisation', organisation);
  return url;
};

const headersFor = (event: Event, contentType?: string): Record<string, string> => ({
  'x-forwarded-for': event.getClientAddress(),
  ...(event.locals.token ? { authorization: `Bearer ${event.locals.token}` } : {}),
  ...(contentType ? { 'content-type': contentType } : {}),
});

/** Uploads one file from a submitted form (the form without JavaScript), with its alt text. */
export async function uploadFile(
  event: Event,
  organisation: string,
  file: File,
  altText: string,
): Promise<UploadAnswer> {
  const form = new FormData();
  if (altText !== '') form.set('alt', altText);
  form.set('file', file, file.name);
  try {
    const response = await event.fetch(uploadUrl(organisation), {
      method: 'POST',
      headers: headersFor(event),
      body: form,
    });
    return await readUploadAnswer(response);
  } catch (cause) {
    console.error(cause);
    return { ok: false, status: 503, refusal: { field: 'file', message: UNAVAILABLE } };
  }
}

/**
 * Passes an upload the browser sends (with JavaScript: opplasting.js shows its progress) on to
 * the API as it streams in, multipart as it came, and answers with the API's JSON.
 */
export async function forwardUpload(
  event: Event & { readonly request: Request },
  organisation: string,
): Promise<Response> {
  const contentType = event.request.headers.get('content-type') ?? '';
  const length = event.request.headers.get('content-length');
  try {
    const response = await event.fetch(uploadUrl(organisation), {
      method: 'POST',
      headers: {
        ...headersFor(event, contentType),
        ...(length ? { 'content-length': length } : {}),
      },
      body: event.request.body,
      duplex: 'half',
    } as RequestInit);
    const answer = await readUploadAnswer(response);
    return Response.json(answer.ok ? { file: answer.file } : { error: answer.refusal }, {
      status: answer.ok ? 201 : answer.status,
      headers: { 'cache-control': 'no-store' },
    });
  } catch (cause) {
    console.error(cause);
    return Response.json({ error: { field: 'file', message: UNAVAILABLE } }, { status: 503 });
  }
}

/** The file from a form's file input, or null when none was chosen. */
export function chosenFile(form: FormData, name: string): File | null {
  const value = form.get(name);
  return value instanceof File && value.size > 0 && value.name !== '' ? value : null;
}
