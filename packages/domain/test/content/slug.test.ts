import { Schema } from 'effect';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_SLUG_LENGTH,
  projectSlug,
  Slug,
  slugify,
  truncateSlug,
  uniqueSlug,
} from '../../src/index.ts';

describe('slugify', () => {
  it.each([
    ['Aurskog-Høland', 'aurskog-holand'],
    ['Ål', 'al'],
    ['Bærum', 'baerum'],
    ['Våler (Innlandet)', 'valer-innlandet'],
    ['ÆRØ ØST ÅS', 'aero-ost-as'],
    ['Café Müller á', 'cafe-muller-a'],
    ['Kárášjohka – Karasjok', 'karasjohka-karasjok'],
    ['čđŋšŧž ČĐŊŠŦŽ', 'cdnstz-cdnstz'],
    ['  Nord-Fron, Sør-Fron & Ringebu!  ', 'nord-fron-sor-fron-ringebu'],
    ['Hallingdal 2030', 'hallingdal-2030'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('always produces a valid slug or the empty string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (name) => {
        const slug = slugify(name);
        expect(slug === '' || Schema.is(Slug)(slug)).toBe(true);
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (name) => {
        expect(slugify(slugify(name))).toBe(slugify(name));
      }),
    );
  });
});

describe('uniqueSlug', () => {
  it('returns the plain slug when it is free', () => {
    expect(uniqueSlug('Bærum', new Set(['asker']))).toBe('baerum');
  });

  it('adds -2, -3, … until the slug is free', () => {
    expect(uniqueSlug('Våler', new Set(['valer']))).toBe('valer-2');
    expect(uniqueSlug('Våler', new Set(['valer', 'valer-2', 'valer-3']))).toBe('valer-4');
  });

  it('never returns a taken slug', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 2, max: 8 })), (suffixes) => {
        const taken = new Set(['os', ...suffixes.map((n) => `os-${n}`)]);
        const slug = uniqueSlug('Os', taken);
        expect(taken.has(slug)).toBe(false);
        expect(slug).toMatch(/^os-\d+$/);
      }),
    );
  });
});

describe('slugs of long titles', () => {
  const longTitle = `${'Klimatilpasning og beredskap i små og store kommuner '.repeat(4)}`.slice(
    0,
    200,
  );

  it('cut at a word boundary within the limit', () => {
    const slug = uniqueSlug(longTitle, new Set());
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slugify(longTitle).startsWith(`${slug}-`)).toBe(true);
    expect(truncateSlug('abc-defg-hi', 8)).toBe('abc-defg');
    expect(truncateSlug('abc-defg-hi', 7)).toBe('abc');
    expect(truncateSlug('abcdefghij', 4)).toBe('abcd');
  });

  it('stay within the limit and unique when the cut slug is taken', () => {
    const first = uniqueSlug(longTitle, new Set());
    const second = uniqueSlug(longTitle, new Set([first]));
    expect(second).not.toBe(first);
    expect(second).toMatch(/-2$/);
    expect(second.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
  });

  it('hold for any title of up to 200 characters and any taken slugs', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'ø', 'x', ' ', '-', '9'), maxLength: 30 });
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 20 }).map((words) => words.join(' ').slice(0, 200)),
        fc.integer({ min: 0, max: 12 }),
        (title, clashes) => {
          const taken = new Set<string>();
          for (let i = 0; i < clashes; i++) taken.add(projectSlug(title, taken));
          const slug = projectSlug(title, taken);
          expect(taken.has(slug)).toBe(false);
          expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
          expect(Schema.is(Slug)(slug)).toBe(true);
        },
      ),
    );
  });
});

describe('Slug schema', () => {
  it('rejects upper case, double and edge hyphens', () => {
    for (const bad of ['Oslo', 'a--b', '-a', 'a-', '', 'ø'])
      expect(Schema.is(Slug)(bad)).toBe(false);
    expect(Schema.is(Slug)('nord-aurdal')).toBe(true);
  });
});
