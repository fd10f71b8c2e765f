import { beforeAll, expect, it } from 'vitest';
import {
  type AttemptReservation,
  type DbHandle,
  openDatabase,
  releaseAttempts,
  reserveAttempts,
  type ThrottledKey,
} from '../../src/index.ts';
import { type Fresh, onEachEngine } from '../engines.ts';

const MINUTE = 60_000;
const rule = (limit: number) => ({ limit, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE });
const email = (address: string): ThrottledKey => ({ key: `email:${address}`, rule: rule(5) });
const client = (address: string): ThrottledKey => ({ key: `address:${address}`, rule: rule(20) });
const t0 = new Date('2026-11-27T10:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);
const grantedCount = (results: readonly AttemptReservation[]) =>
  results.filter((r) => r.granted).length;

/** Tests on a database of their own; each uses its own keys. `url` is PostgreSQL's, if any. */
const throttleSuite = (db: () => DbHandle, fresh: Fresh): void => {
  let handle: DbHandle;
  beforeAll(() => {
    handle = db();
  });

  const row = (key: string) =>
    handle.db
      .selectFrom('sign_in_throttle')
      .selectAll()
      .where('key', '=', key)
      .executeTakeFirstOrThrow();

  it('reserves five attempts per email in a window; the fifth locks it for 15 minutes', async () => {
    const keys = [email('ola@example.no'), client('192.0.2.9')];
    for (let i = 0; i < 5; i++) {
      expect(await reserveAttempts(handle.db, keys, at(i))).toEqual({
        granted: true,
        reservedAt: at(i),
      });
    }
    expect(await reserveAttempts(handle.db, keys, at(5))).toEqual({
      granted: false,
      lockedUntil: at(19),
    });
    // The refused attempt counted nowhere: the address has 5 of 20.
    expect(await row('address:192.0.2.9')).toMatchObject({ failures: 5, locked_until: null });
    expect((await reserveAttempts(handle.db, [email('ola@example.no')], at(19))).granted).toBe(
      true,
    );
    expect(await row('email:ola@example.no')).toMatchObject({
      failures: 1,
      window_start: at(19),
      locked_until: null,
    });
  });

  it('gives a successful attempt back, lifting the lock it set', async () => {
    const keys = [email('kari@example.no'), client('192.0.2.10')];
    for (let i = 0; i < 4; i++) await reserveAttempts(handle.db, keys, at(i));
    const fifth = await reserveAttempts(handle.db, keys, at(4));
    expect(fifth.granted).toBe(true);
    expect((await row('email:kari@example.no')).locked_until).toEqual(at(19));
    await releaseAttempts(handle.db, keys, at(4));
    expect(await row('email:kari@example.no')).toMatchObject({ failures: 4, locked_until: null });
    expect(await row('address:192.0.2.10')).toMatchObject({ failures: 4 });
    expect((await reserveAttempts(handle.db, keys, at(5))).granted).toBe(true);
    expect((await reserveAttempts(handle.db, keys, at(6))).granted).toBe(false);
  });

  it('locks an address after 20 attempts, whatever the emails', async () => {
    for (let i = 0; i < 20; i++) {
      const result = await reserveAttempts(
        handle.db,
        [email(`nr${i}@example.no`), client('198.51.100.7')],
        at(i / 2),
      );
      expect(result.granted).toBe(true);
    }
    expect(
      await reserveAttempts(handle.db, [email('ny@example.no'), client('198.51.100.7')], at(10)),
    ).toEqual({ granted: false, lockedUntil: at(24.5) });
  });

  it('grants exactly the limit to 20 attempts at once, on one connection pool and on two', async () => {
    const keys = [email('samtidig@example.no'), client('203.0.113.1')];
    const results = await Promise.all(
      Array.from({ length: 20 }, () => reserveAttempts(handle.db, keys, at(0))),
    );
    expect(grantedCount(results)).toBe(5);
    expect(await row('email:samtidig@example.no')).toMatchObject({ failures: 5 });

    // PostgreSQL: a second pool, as a second API process would have, counts on the same rows.
    const url = fresh.url();
    if (url === undefined) return;
    const other = await openDatabase({ databaseUrl: url });
    try {
      const both = [email('to-prosesser@example.no'), client('203.0.113.2')];
      const mixed = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          reserveAttempts(i % 2 === 0 ? handle.db : other.db, both, at(0)),
        ),
      );
      expect(grantedCount(mixed)).toBe(5);
    } finally {
      await other.close();
    }
  });
};

onEachEngine('attempt throttling', throttleSuite);
