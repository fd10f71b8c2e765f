import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../src/index.ts';

describe('parseSearchQuery', () => {
  it('matches the word being typed as a prefix, the rest as words', () => {
    expect(parseSearchQuery('grønne anskaffel')).toEqual({ text: 'grønne', prefix: 'anskaffel' });
    expect(parseSearchQuery('Ås')).toEqual({ text: '', prefix: 'ås' });
    expect(parseSearchQuery('  klima   energi')).toEqual({ text: 'klima', prefix: 'energi' });
  });

  it('has no prefix after a space, inside quotes, after a minus or for «or»', () => {
    expect(parseSearchQuery('kommune ')).toEqual({ text: 'kommune', prefix: null });
    expect(parseSearchQuery('"grønn mobil')).toEqual({ text: '"grønn mobil', prefix: null });
    expect(parseSearchQuery('"grønn mobilitet" buss')).toEqual({
      text: '"grønn mobilitet"',
      prefix: 'buss',
    });
    expect(parseSearchQuery('klima -bil')).toEqual({ text: 'klima -bil', prefix: null });
    expect(parseSearchQuery('klima or')).toEqual({ text: 'klima or', prefix: null });
    expect(parseSearchQuery('klima OR energi')).toEqual({ text: 'klima OR energi', prefix: null });
    expect(parseSearchQuery('ROS-analyse')).toEqual({ text: 'ROS-', prefix: 'analyse' });
  });

  it('gives a prefix of letters and digits only, whatever was typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (q) => {
        const { prefix } = parseSearchQuery(q);
        if (prefix !== null) expect(prefix).toMatch(/^[\p{L}\p{N}]+$/u);
      }),
    );
  });
});
