import { Schema } from 'effect';
import { Text } from './values.ts';

/** The longest slug an address takes (the API refuses longer ones). */
export const MAX_SLUG_LENGTH = 100;

/**
 * Lower-case ASCII words joined by single hyphens, at most MAX_SLUG_LENGTH characters: what
 * slugify produces for a non-empty name, and the only slug any address or input takes.
 */
export const Slug = Text.check(
  Schema.isMinLength(1, { message: 'Må fylles ut.' }),
  Schema.isMaxLength(MAX_SLUG_LENGTH, {
    message: `Kan ikke være lengre enn ${MAX_SLUG_LENGTH} tegn.`,
  }),
  Schema.makeFilter(
    (value: string) =>
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) ||
      'Kan bare inneholde små bokstaver a–z, sifre og enkle bindestreker.',
  ),
);
export type Slug = typeof Slug.Type;

// Letters that are not a base letter plus a combining mark, so NFD alone cannot strip them.
// Norwegian convention writes æ as "ae" but ø and å as plain "o" and "a".
const LETTERS: Readonly<Record<string, string>> = {
  æ: 'ae',
  ø: 'o',
  å: 'a',
  đ: 'd',
  ŋ: 'n',
  ŧ: 't',
  ð: 'd',
  ł: 'l',
  œ: 'oe',
  ß: 'ss',
  þ: 'th',
};

/** 'Aurskog-Høland' → 'aurskog-holand', 'Våler (Innlandet)' → 'valer-innlandet'. */
export const slugify = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[æøåđŋŧðłœßþ]/g, (letter) => LETTERS[letter] ?? letter)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * A slug cut to at most `max` characters at a hyphen, so whole words stay whole; a first word
 * longer than `max` is cut inside.
 */
export const truncateSlug = (slug: string, max: number = MAX_SLUG_LENGTH): string => {
  if (slug.length <= max) return slug;
  const boundary = slug.slice(0, max + 1).lastIndexOf('-');
  return (boundary > 0 ? slug.slice(0, boundary) : slug.slice(0, max)).replace(/-+$/, '');
};

/**
 * slugify(name) within MAX_SLUG_LENGTH, then '-2', '-3', … until the slug is not in `taken`
 * (slugs are unique per kind); the words make room for the suffix, so it stays within the limit.
 */
export const uniqueSlug = (name: string, taken: ReadonlySet<string>): string => {
  const base = truncateSlug(slugify(name));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${truncateSlug(base, MAX_SLUG_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
};
