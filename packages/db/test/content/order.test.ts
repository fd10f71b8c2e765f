import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collator } from '../../src/content/order.ts';
import { type DbHandle, listMunicipalities } from '../../src/index.ts';
import { engines, TODAY } from '../engines.ts';

// Norwegian order in SQL (decision 21): æ, ø, å after z in that order, the same on PGlite and
// PostgreSQL whatever the server's locale. Both engines are opened in one suite so that their
// answers can be compared with each other, not only with the expectation.

// (Unlike ICU's Norwegian tailoring, «aa» is two a's here, not å: no municipality needs more.)
const EXPECTED = [
  'Aurskog-Høland',
  'Bærum',
  'Bø',
  'Eid',
  'Élan',
  'Zeta',
  'Ærø',
  'Østre Toten',
  'Øvre Eiker',
  'Ål',
  'Ås',
  'Åsnes',
];

const sortedInSql = async (db: DbHandle['db'], names: readonly string[]) =>
  (
    await sql<{ name: string }>`select name from unnest(${sql.val([...names])}::text[]) as t(name)
      order by nb_sort_key(name), name collate "C"`.execute(db)
  ).rows.map((r) => r.name);

describe('Norwegian order', () => {
  const opened: { name: string; handle: DbHandle; dispose(): Promise<void> }[] = [];
  beforeAll(async () => {
    for (const engine of engines) opened.push({ name: engine.name, ...(await engine.setup()) });
  });
  afterAll(async () => {
    for (const o of opened) await o.dispose();
  });

  it('puts æ, ø, å after z, in that order, identically on every engine', async () => {
    const shuffled = [...EXPECTED].reverse().sort((a, b) => (a.length % 3) - (b.length % 3));
    const answers = [];
    for (const { handle } of opened) {
      const sorted = await sortedInSql(handle.db, shuffled);
      expect(sorted).toEqual(EXPECTED);
      answers.push(sorted);
    }
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it('pages through the municipalities in the same order on every engine, as Intl sorts them', async () => {
    const orders: string[][] = [];
    for (const { handle } of opened) {
      const names: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listMunicipalities(
          handle.db,
          { limit: 60, ...(cursor ? { cursor } : {}) },
          TODAY,
        );
        names.push(...page.items.map((m) => m.name));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(names).toHaveLength(357);
      const at = (name: string) => names.indexOf(name);
      expect(at('Aurskog-Høland')).toBeLessThan(at('Bærum'));
      expect(at('Bærum')).toBeLessThan(at('Øvre Eiker'));
      expect(at('Øvre Eiker')).toBeLessThan(at('Ål'));
      expect(at('Ål')).toBeLessThan(at('Ås'));
      expect(names).toEqual([...names].sort((a, b) => collator.compare(a, b)));
      orders.push(names);
    }
    for (const order of orders) expect(order).toEqual(orders[0]);
  });
});
