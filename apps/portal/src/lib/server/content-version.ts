// What the portal knows of the API's content version: one event stream from the API
// (`GET /content-version`, `text/event-stream`) sends the version now and on every change, so a
// write through any process clears the portal's page cache within milliseconds of the API
// hearing of it. While the stream is down the version is unknown (null) and nothing is cached.
// docs/decisions/0025-portal-pages-follow-the-api-version.md

export interface ContentVersionWatch {
  /** The latest version the API announced; null while not connected. */
  readonly current: number | null;
  /** Calls `listener` on every change of `current`; returns an unsubscribe. */
  subscribe(listener: (version: number | null) => void): () => void;
  stop(): void;
}

/** Parses one event's `data:` line: a version, or null for `unknown` or anything else. */
export const versionOf = (data: string): number | null => {
  const version = Number(data.trim());
  return data.trim() !== '' && Number.isSafeInteger(version) && version >= 0 ? version : null;
};

export const watchContentVersion = (
  apiUrl: string,
  options: { readonly retryMs?: number; readonly fetch?: typeof fetch } = {},
): ContentVersionWatch => {
  const retryMs = options.retryMs ?? 500;
  const get = options.fetch ?? fetch;
  let current: number | null = null;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const abort = new AbortController();
  const listeners = new Set<(version: number | null) => void>();
  const set = (version: number | null) => {
    if (version === current) return;
    current = version;
    for (const listener of listeners) listener(version);
  };
  const connect = async () => {
    try {
      const res = await get(`${apiUrl}/content-version`, {
        headers: { accept: 'text/event-stream' },
        signal: abort.signal,
      });
      if (!res.ok || res.body === null) throw new Error(`answered ${res.status}`);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of event.split('\n')) {
            if (line.startsWith('data:')) set(versionOf(line.slice(5)));
          }
        }
      }
    } catch {
      // Unreachable or cut: unknown until the next connection says otherwise.
    }
    set(null);
    if (!stopped) retry = setTimeout(connect, retryMs).unref();
  };
  void connect();
  return {
    get current() {
      return current;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
      clearTimeout(retry);
      abort.abort();
    },
  };
};
