import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDateInRange, isStorableText, parseTimestamp } from '../../src/index.ts';

describe('isStorableText', () => {
  it('refuses NUL and lone surrogates, wherever they are', () => {
    for (const bad of ['\u0000', 'a\u0000b', '\uD800', 'x\uDC00', '\uDC00\uD800', 'abc\uD83D']) {
      expect(isStorableText(bad)).toBe(false);
    }
  });

  it('accepts any other text, emoji and Norwegian letters included', () => {
    expect(isStorableText('Blåbærsyltetøy 😀 \t\n')).toBe(true);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(isStorableText(text.replaceAll('\u0000', ''))).toBe(true);
      }),
    );
  });
});

describe('isIsoDateInRange', () => {
  it('takes real days from 1900 to 2999 only', () => {
    expect(isIsoDateInRange('1900-01-01')).toBe(true);
    expect(isIsoDateInRange('2999-12-31')).toBe(true);
    for (const bad of ['0000-01-01', '1899-12-31', '3000-01-01', '2026-13-01', '2026-02-30', 7]) {
      expect(isIsoDateInRange(bad)).toBe(false);
    }
  });
});

describe('parseTimestamp', () => {
  it('reads ISO 8601 times with a zone', () => {
    expect(parseTimestamp('2026-03-01T08:00:00Z')?.toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(parseTimestamp('2026-03-01T09:00+01:00')?.toISOString()).toBe(
      '2026-03-01T08:00:00.000Z',
    );
    expect(parseTimestamp('2026-03-01T08:00:00.123456Z')?.toISOString()).toBe(
      '2026-03-01T08:00:00.123Z',
    );
  });

  it('refuses impossible, out-of-range and loosely written times', () => {
    for (const bad of [
      '2026-13-01T08:00:00Z',
      '2026-02-30T08:00:00Z',
      '2026-03-01T24:00:00Z',
      '2026-03-01T08:60:00Z',
      '2026-03-01T08:00:00+24:00',
      '0000-01-01T00:00:00Z',
      '+275760-09-13T00:00:00Z',
      '-271821-04-20T00:00:00Z',
      '2026-03-01T08:00:00',
      '2026-03-01',
      '1',
      'March 1, 2026',
    ]) {
      expect(parseTimestamp(bad), bad).toBeNull();
    }
  });

  it('gives a valid Date for every time it accepts', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const date = parseTimestamp(text);
        if (date !== null) expect(Number.isNaN(date.getTime())).toBe(false);
      }),
    );
  });
});
