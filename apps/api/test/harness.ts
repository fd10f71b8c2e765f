import { inject } from 'vitest';
import { type ApiClient, createApiClient } from '../src/client.ts';

export interface Harness {
  readonly url: string;
  readonly api: ApiClient;
}

/** The API server that global-setup.ts started, and a client for it as a consumer would use. */
export const useServer = (): Harness => {
  const url = inject('apiUrl');
  return { url, api: createApiClient(url) };
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
