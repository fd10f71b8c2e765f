import type { Server, ServerResponse } from 'node:http';

/** How long requests in flight may take to finish once the server stops (then they are cut). */
export const DRAIN_GRACE_MS = 10_000;

export interface Drain {
  /** True once `close` was called: new requests are answered 503 and their connection closed. */
  readonly draining: boolean;
  /**
   * Stops listening, lets the requests in flight finish (their connections close after the
   * answer), closes idle keep-alive connections, and resolves when no connection is left; after
   * `graceMs` whatever remains is cut.
   */
  close(graceMs?: number): Promise<void>;
}

/** Tracks a server's requests in flight so that it can stop without cutting any of them. */
export const drainable = (server: Server): Drain => {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  let closing: Promise<void> | undefined;

  server.on('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      // A keep-alive connection whose answer went out before `close` is idle now.
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
  });

  return {
    get draining() {
      return draining;
    },
    close(graceMs = DRAIN_GRACE_MS) {
      closing ??= new Promise<void>((resolve) => {
        draining = true;
        for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
        const cut = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
};
