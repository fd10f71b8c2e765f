import fc from 'fast-check';
import { Schema } from 'effect';
import { describe, expect, it } from 'vitest';
import { Slug, slugify, uniqueSlug } from '../src/index.ts';

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

describe('Slug schema', () => {
  it('rejects upper case, double and edge hyphens', () => {
    for (const bad of ['Oslo', 'a--b', '-a', 'a-', '', 'ø'])
      expect(Schema.is(Slug)(bad)).toBe(false);
    expect(Schema.is(Slug)('nord-aurdal')).toBe(true);
  });
});
