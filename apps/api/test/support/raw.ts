/** One call's answer in a raw tRPC batch: 'ok' and its data, or its error code and data. */
export interface CallResult {
  readonly code: string;
  readonly data: unknown;
}

type Entry = {
  result?: { data?: unknown };
  error?: { data?: { code?: string } & Record<string, unknown> };
};

/**
 * Sends one HTTP request carrying a tRPC batch of mutations (`inputs[i]` to `path`), as any
 * client may, whatever our own client's batching does. Returns each call's answer in order.
 */
export const mutationBatch = async (
  url: string,
  path: string,
  inputs: readonly unknown[],
  headers: Record<string, string> = {},
): Promise<CallResult[]> => {
  const body = Object.fromEntries(inputs.map((input, i) => [String(i), input]));
  const response = await fetch(`${url}/trpc/${inputs.map(() => path).join(',')}?batch=1`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const entries = (await response.json()) as Entry[];
  return entries.map((entry) =>
    entry.error
      ? { code: entry.error.data?.code ?? 'UNKNOWN', data: entry.error.data }
      : { code: 'ok', data: entry.result?.data },
  );
};

/** How many answers had each code ('ok' for successes). */
export const tally = (results: readonly CallResult[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const r of results) {
    counts[r.code] = (counts[r.code] ?? 0) + 1;
  }
  return counts;
};
