import { type RawBuilder, sql } from 'kysely';

/**
 * Norwegian order in JS: æ, ø, å after z. Lists sort in SQL (sortKey below); this is for the few
 * arrays assembled in memory and for the tests.
 */
export const collator = new Intl.Collator('nb', { sensitivity: 'variant' });

export const byName = <T extends { readonly name: string }>(a: T, b: T): number =>
  collator.compare(a.name, b.name);

/** Name in Norwegian order, then id: a total order for lists of people and the like. */
export const byNameThenId = <T extends { readonly name: string; readonly id: string }>(
  a: T,
  b: T,
): number => collator.compare(a.name, b.name) || a.id.localeCompare(b.id);

/**
 * Norwegian order in SQL, the same on both engines: the generated `sort_key` column
 * (nb_sort_key of the name, `collate "C"`, migration 2026_11_30_read_path), then the name byte by
 * byte, then `tieBreak` (a unique column), for the table aliased `alias` whose name column is
 * `name`. Use as `.orderBy(nbOrder('m', 'name', 'number'))`.
 */
export const nbOrder = (alias: string, name = 'name', tieBreak = 'slug') =>
  sql`${sql.ref(`${alias}.sort_key`)}, ${sql.ref(`${alias}.${name}`)} collate "C", ${sql.ref(`${alias}.${tieBreak}`)}`;

/**
 * The keyset condition «after the item with this name and tie-break value» in nbOrder's order:
 * a row comparison both engines evaluate byte by byte.
 */
export const nbAfter = (
  alias: string,
  name: string,
  tieBreak: string,
  after: { readonly name: string; readonly number: string },
): RawBuilder<boolean> =>
  sql<boolean>`(${sql.ref(`${alias}.sort_key`)}, ${sql.ref(`${alias}.${name}`)} collate "C", ${sql.ref(`${alias}.${tieBreak}`)})
    > (nb_sort_key(${after.name}), ${after.name} collate "C", ${after.number})`;

/** Whether the text column contains `q` in nbOrder's spelling (case and accents folded). */
export const nbContains = (column: string, q: string): RawBuilder<boolean> =>
  sql<boolean>`strpos(nb_sort_key(${sql.ref(column)}), nb_sort_key(${q})) > 0`;
