import type { AddressInfo } from 'node:net';
import { MembershipOverlap } from '@klimakommuner/domain';
import { createHTTPServer } from '@trpc/server/adapters/standalone';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { logUnexpected } from '../src/errors.ts';
import { type Ctx, publicProcedure, router } from '../src/trpc.ts';

// A router that throws what real procedures may throw, served the way the API serves its own.
const failing = router({
  tagged: publicProcedure.query(() => {
    throw new MembershipOverlap({
      organisation: 'ken',
      conflictingId: 'm1',
      from: '2008-01-01',
      to: null,
    });
  }),
  plainTagged: publicProcedure.query(() => {
    throw { _tag: 'StaleVersion', message: 'Noen andre har endret dette.' };
  }),
  unknownTag: publicProcedure.query(() => {
    throw { _tag: 'SomethingNew', message: 'internal detail' };
  }),
  sql: publicProcedure.query(() => {
    throw new Error('relation "municipality" does not exist at postgres://kk:hunter2@db/kk');
  }),
});

let url = '';
let close = () => {};
const logged = vi.spyOn(console, 'error').mockImplementation(() => {});

beforeAll(async () => {
  const server = createHTTPServer({
    router: failing,
    // Public procedures never touch auth or the database.
    createContext: () =>
      ({ db: null, today: () => '2026-01-15', anonymous: true }) as unknown as Ctx,
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') logUnexpected(path, error);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

const call = async (path: string) => {
  const res = await fetch(`${url}/${path}`);
  const body = (await res.json()) as { error: { message: string; data: Record<string, unknown> } };
  return { status: res.status, ...body.error };
};

describe('error mapping', () => {
  it('maps a rule violation to UNPROCESSABLE_CONTENT with its tag and message', async () => {
    const error = await call('tagged');
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/^Medlemskapet overlapper/);
    expect(error.data).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', tag: 'MembershipOverlap' });
  });

  it('maps plain tagged objects too (StaleVersion → CONFLICT)', async () => {
    const error = await call('plainTagged');
    expect(error.status).toBe(409);
    expect(error.data).toMatchObject({ code: 'CONFLICT', tag: 'StaleVersion' });
  });

  it('hides unknown tags and infrastructure errors behind a generic 500, and logs them masked', async () => {
    for (const path of ['unknownTag', 'sql']) {
      const error = await call(path);
      expect(error.status).toBe(500);
      expect(error.message).toMatch(/^Noe gikk galt/);
      expect(JSON.stringify(error)).not.toMatch(/relation|internal detail|hunter2|stack/);
    }
    const lines = logged.mock.calls.map((args) => String(args[0])).join('\n');
    expect(lines).toContain('relation "municipality" does not exist');
    expect(lines).not.toContain('hunter2');
  });
});
