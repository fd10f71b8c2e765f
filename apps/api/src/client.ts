// Consumed by the SvelteKit apps and other services: this file must not load server code at
// runtime, so everything from the server side is imported as a type only.
import {
  createTRPCClient,
  type HTTPHeaders,
  httpBatchLink,
  isTRPCClientError,
  TRPCClientError,
} from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './router.ts';

export type { AppRouter };
export type ApiInputs = inferRouterInputs<AppRouter>;
export type ApiOutputs = inferRouterOutputs<AppRouter>;
export type ApiError = TRPCClientError<AppRouter>;
export type ApiClient = ReturnType<typeof createApiClient>;

export interface ApiClientOptions {
  /** e.g. SvelteKit's `event.fetch`. */
  readonly fetch?: typeof fetch;
  /** Sent with every request, e.g. a forwarded session or API token. */
  readonly headers?: HTTPHeaders | (() => HTTPHeaders | Promise<HTTPHeaders>);
}

/** A typed client for the API at `url` (its origin, without `/trpc`). Plain JSON, no transformer. */
export const createApiClient = (url: string, options: ApiClientOptions = {}) => {
  // tRPC's fetch type differs from the DOM's only in optional-property strictness.
  const customFetch = options.fetch;
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${url.replace(/\/+$/, '')}/trpc`,
        ...(customFetch ? { fetch: (input, init) => customFetch(input, init as RequestInit) } : {}),
        ...(options.headers ? { headers: options.headers } : {}),
        maxURLLength: 4000,
        // The server refuses batches of more calls (MAX_BATCH_CALLS in errors.ts).
        maxItems: 50,
      }),
    ],
  });
};

/** Whether `error` came from this API (a tRPC error response, or a failed request). */
export const isApiError = (error: unknown): error is ApiError =>
  isTRPCClientError<AppRouter>(error);

/** The tRPC code of an API error (`'NOT_FOUND'`, `'BAD_REQUEST'`, …), or null. */
export const apiErrorCode = (error: unknown): string | null =>
  isApiError(error) ? (error.data?.code ?? null) : null;

/** The field issues of a BAD_REQUEST, empty for other errors. */
export const apiErrorIssues = (
  error: unknown,
): ReadonlyArray<{ readonly path: readonly string[]; readonly message: string }> =>
  isApiError(error) ? (error.data?.issues ?? []) : [];

export { isTRPCClientError, TRPCClientError };
