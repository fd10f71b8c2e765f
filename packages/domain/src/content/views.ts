/**
 * Read models are the plain-JSON shapes the API returns and the apps render: dates are ISO 8601
 * calendar dates (`YYYY-MM-DD`), timestamps ISO 8601 strings, nothing a class instance, so they
 * survive JSON, tRPC without a transformer, and SvelteKit's devalue.
 */

/** One page of a list; `nextCursor` fetches the next, null on the last. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}
