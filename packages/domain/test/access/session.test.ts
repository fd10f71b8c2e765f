import { describe, expect, it } from 'vitest';
import { LAST_SEEN_INTERVAL_MS, lastSeenDue } from '../../src/index.ts';

describe('lastSeenDue', () => {
  const seen = new Date('2026-01-15T10:00:00Z');
  const after = (ms: number) => new Date(seen.getTime() + ms);

  it('records activity once a minute at most', () => {
    expect(LAST_SEEN_INTERVAL_MS).toBe(60_000);
    expect(lastSeenDue(seen, seen)).toBe(false);
    expect(lastSeenDue(seen, after(59_999))).toBe(false);
    expect(lastSeenDue(seen, after(60_000))).toBe(true);
    expect(lastSeenDue(seen, after(3_600_000))).toBe(true);
  });

  it('records nothing for a clock that went back', () => {
    expect(lastSeenDue(seen, after(-120_000))).toBe(false);
  });
});
