import { expect } from '@playwright/test';
import type { Account } from '../accounts.ts';
import { urls } from '../servers.ts';

/**
 * Calls the API as any client would (tRPC over plain JSON), to set up what a public page should
 * then show: a queried procedure with GET, a mutation with POST.
 */
export const callApi = async <T>(
  procedure: string,
  input: unknown,
  options: { readonly token?: string; readonly query?: boolean } = {},
): Promise<T> => {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = options.query
    ? await fetch(
        `${urls.api}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`,
        { headers },
      )
    : await fetch(`${urls.api}/trpc/${procedure}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input),
      });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  expect(body.error, `${procedure} failed`).toBeUndefined();
  return body.result?.data as T;
};

/** A session token for the account. */
export const apiToken = async (account: Account): Promise<string> =>
  (
    await callApi<{ token: string }>('auth.signIn', {
      email: account.email,
      password: account.password,
    })
  ).token;
