import {
  type ApiClient,
  apiErrorCode,
  apiErrorIssues,
  createApiClient,
  isApiError,
} from '@klimakommuner/api';
import { error, type RequestEvent, redirect } from '@sveltejs/kit';
import { type ApiFailure, tagOf } from '#lib/failures.ts';
import { API_URL } from '$app/env/private';
import { clearSessionCookie, signInPath } from './session.ts';

export type { ApiClient, ApiFailure };

export const FORBIDDEN_MESSAGE = 'Du har ikke tilgang til å gjøre dette.';

/**
 * One API client per request, using SvelteKit's fetch. The browser never talks to the API: the
 * session token from the cookie goes along as a bearer token, with the browser's address (which
 * the API trusts from this server only) and user agent, so sessions and throttling see the person.
 */
export function clientFor(
  event: Pick<RequestEvent, 'fetch' | 'locals' | 'getClientAddress' | 'request'>,
) {
  const headers: Record<string, string> = { 'x-forwarded-for': event.getClientAddress() };
  const userAgent = event.request.headers.get('user-agent');
  if (userAgent) headers['user-agent'] = userAgent;
  if (event.locals.token) headers.authorization = `Bearer ${event.locals.token}`;
  return createApiClient(API_URL, { fetch: event.fetch, headers });
}

export function describeFailure(cause: unknown): ApiFailure {
  const data =
    isApiError(cause) && cause.data ? (cause.data as unknown as Record<string, unknown>) : {};
  return {
    code: apiErrorCode(cause),
    message: isApiError(cause) ? cause.message : 'Noe gikk galt',
    issues: apiErrorIssues(cause),
    data,
  };
}

/**
 * What every page does with a failure it does not handle itself: an ended session sends the
 * editor to sign in again, a refusal is a 403 page, a missing record a 404, anything else a 503.
 */
export function failPage(event: Pick<RequestEvent, 'cookies' | 'url'>, cause: unknown): never {
  if (!isApiError(cause)) throw cause;
  const code = apiErrorCode(cause);
  if (code === 'UNAUTHORIZED') {
    clearSessionCookie(event.cookies);
    redirect(303, signInPath(event.url, true));
  }
  if (code === 'FORBIDDEN') error(403, FORBIDDEN_MESSAGE);
  if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') error(404, 'Fant ikke siden');
  console.error(`API call failed (${code ?? 'no response'}): ${cause.message}`);
  error(503, 'Tjenesten er midlertidig utilgjengelig');
}

type Event = Parameters<typeof clientFor>[0] & Pick<RequestEvent, 'cookies' | 'url'>;

/** Runs API calls for a page load; failures become the page's error or a sign-in redirect. */
export async function load<T>(event: Event, run: (api: ApiClient) => Promise<T>): Promise<T> {
  try {
    return await run(clientFor(event));
  } catch (cause) {
    failPage(event, cause);
  }
}

/**
 * Runs API calls for a form action. The failures a form shows next to its fields (the given
 * codes, or domain tags such as 'InvalidCredentials' for a wrong current password, which comes
 * as UNAUTHORIZED but is not an ended session) come back as values; everything else is handled
 * like in a page load.
 */
export async function attempt<T>(
  event: Event,
  run: (api: ApiClient) => Promise<T>,
  expected: readonly string[] = ['BAD_REQUEST', 'UNPROCESSABLE_CONTENT', 'CONFLICT'],
): Promise<{ ok: true; value: T } | { ok: false; failure: ApiFailure }> {
  try {
    return { ok: true, value: await run(clientFor(event)) };
  } catch (cause) {
    const failure = describeFailure(cause);
    const tag = tagOf(failure);
    const isExpected =
      (failure.code !== null && expected.includes(failure.code)) ||
      (tag !== '' && expected.includes(tag));
    if (isApiError(cause) && isExpected) {
      return { ok: false, failure };
    }
    failPage(event, cause);
  }
}
