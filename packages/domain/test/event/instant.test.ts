import { describe, expect, it } from 'vitest';
import { formatEventTime, formatOsloInstant } from '../../src/index.ts';

describe('formatOsloInstant', () => {
  it('writes an instant as a clock in Norway shows it, summer and winter', () => {
    expect(formatOsloInstant('2026-10-15T10:00:00.000Z')).toBe(
      'torsdag 15. oktober 2026 kl. 12.00',
    );
    expect(formatOsloInstant('2026-12-01T07:05:00.000Z')).toBe(
      'tirsdag 1. desember 2026 kl. 08.05',
    );
    expect(formatOsloInstant('ikke en tid')).toBe('');
  });

  it('tells the two 02.30s apart the night summer time ends only by the instant', () => {
    expect(formatOsloInstant('2026-10-25T00:30:00.000Z')).toBe('søndag 25. oktober 2026 kl. 02.30');
    expect(formatOsloInstant('2026-10-25T01:30:00.000Z')).toBe('søndag 25. oktober 2026 kl. 02.30');
    expect(
      formatEventTime({
        allDay: false,
        start: '2026-10-24T23:30:00.000Z',
        end: '2026-10-25T02:30:00.000Z',
      }),
    ).toBe('søndag 25. oktober 2026 kl. 01.30–03.30');
  });
});
