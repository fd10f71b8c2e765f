/**
 * How often a session's last activity is written: a request within this long of the last
 * recorded one writes nothing, so reads by a signed-in editor stay reads (decision 0023). The
 * idle timeout therefore counts from up to this long before the real last request.
 */
export const LAST_SEEN_INTERVAL_MS = 60 * 1000;

/** Whether a request at `now` should record activity on a session last recorded at `lastSeenAt`. */
export const lastSeenDue = (lastSeenAt: Date, now: Date): boolean =>
  now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_INTERVAL_MS;
