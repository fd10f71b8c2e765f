import { randomInt } from 'node:crypto';
import { inject } from 'vitest';
import { type ApiClient, createApiClient } from '../src/client.ts';
import { PASSWORD, TEST_USERS } from './global-setup.ts';

export interface Harness {
  readonly url: string;
  readonly api: ApiClient;
}

/** The API server that global-setup.ts started, and a client for it as a consumer would use. */
export const useServer = (): Harness => {
  const url = inject('apiUrl');
  return { url, api: createApiClient(url) };
};

/** A client sending `token` as bearer, and the client address `address` (via the trusted proxy). */
export const clientWith = (
  url: string,
  token: string | null,
  address = '198.51.100.1',
): ApiClient =>
  createApiClient(url, {
    headers: {
      'X-Forwarded-For': address,
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
    },
  });

/** A fresh client address, so sign-in failures of one test do not lock another's. */
export const freshAddress = (): string =>
  `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`;

/** Signs in one of the global test users (or any email/password) and returns the session token. */
export const signIn = async (
  url: string,
  who: keyof typeof TEST_USERS | { email: string; password: string },
): Promise<string> => {
  const credentials =
    typeof who === 'string' ? { email: TEST_USERS[who]?.email ?? '', password: PASSWORD } : who;
  const result = await clientWith(url, null, freshAddress()).auth.signIn.mutate(credentials);
  return result.token;
};

/** Runs `call` and returns what it threw; fails the test when it did not throw. */
export const rejection = async (call: () => Promise<unknown>): Promise<unknown> => {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
};
