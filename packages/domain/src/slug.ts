import { Schema } from 'effect';

/** Lower-case ASCII words joined by single hyphens: what slugify produces for a non-empty name. */
export const Slug = Schema.String.check(
  Schema.makeFilter(
    (value: string) =>
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) ||
      'Kortnavnet kan bare ha små bokstaver a–z, sifre og enkle bindestreker.',
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

/** slugify(name), then '-2', '-3', … until the slug is not in `taken` (slugs are unique per kind). */
export const uniqueSlug = (name: string, taken: ReadonlySet<string>): string => {
  const base = slugify(name);
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
};
