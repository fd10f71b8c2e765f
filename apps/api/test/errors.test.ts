import { describe, expect, it } from 'vitest';
import { apiErrorCode, apiErrorIssues, isApiError } from '../src/client.ts';
import { rejection, signIn, useServer } from './harness.ts';

const t = useServer();

/** The call fails with BAD_REQUEST and an issue whose path names `field`. */
const expectBadField = async (call: () => Promise<unknown>, field: string) => {
  const error = await rejection(call);
  expect(apiErrorCode(error)).toBe('BAD_REQUEST');
  const issues = apiErrorIssues(error);
  expect(issues.map((issue) => issue.path)).toContainEqual([field]);
  expect(issues.every((issue) => issue.message.length > 0)).toBe(true);
  return issues;
};

describe('bad input reaches the client as BAD_REQUEST with field issues', () => {
  it('rejects a limit out of range or of the wrong type', async () => {
    await expectBadField(() => t.api.municipalities.list.query({ limit: 0 }), 'limit');
    await expectBadField(() => t.api.municipalities.list.query({ limit: 501 }), 'limit');
    await expectBadField(() => t.api.municipalities.list.query({ limit: 2.5 }), 'limit');
    const issues = await expectBadField(
      () => t.api.municipalities.list.query({ limit: 'x' as unknown as number }),
      'limit',
    );
    expect(issues[0]?.message).toBe('Må være et tall.');
    // effect's own «Expected an integer» is not what a Norwegian client reads.
    const fraction = await expectBadField(
      () => t.api.municipalities.list.query({ limit: 1.5 }),
      'limit',
    );
    expect(fraction[0]?.message).toBe('Må være et heltall.');
  });

  it('rejects a county that is not two digits and a malformed organisation or q', async () => {
    await expectBadField(() => t.api.municipalities.list.query({ county: 'abc' }), 'county');
    await expectBadField(
      () => t.api.municipalities.list.query({ organisation: 'KEN!' }),
      'organisation',
    );
    await expectBadField(() => t.api.municipalities.list.query({ q: 'x'.repeat(101) }), 'q');
  });

  it('rejects slugs with spaces, empty or missing', async () => {
    const issues = await expectBadField(
      () => t.api.municipalities.get.query({ slug: 'as ker' }),
      'slug',
    );
    expect(issues[0]?.message).toMatch(/små bokstaver/);
    await expectBadField(() => t.api.organisations.get.query({ slug: '' }), 'slug');
    const missing = await expectBadField(
      () => t.api.municipalities.get.query({} as { slug: string }),
      'slug',
    );
    expect(missing[0]?.message).toBe('Feltet må fylles ut.');
  });

  it('rejects a cursor the database cannot decode, naming cursor', async () => {
    await expectBadField(() => t.api.municipalities.list.query({ cursor: 'garbage!!' }), 'cursor');
    await expectBadField(
      () => t.api.municipalities.list.query({ cursor: 'x'.repeat(201) }),
      'cursor',
    );
  });
});

describe('unknown slugs', () => {
  it('answer NOT_FOUND with a Norwegian message', async () => {
    const error = await rejection(() => t.api.municipalities.get.query({ slug: 'atlantis' }));
    expect(isApiError(error) && error.message).toBe('Fant ingen kommune med adressen «atlantis».');
    expect(apiErrorCode(error)).toBe('NOT_FOUND');
    const org = await rejection(() => t.api.organisations.get.query({ slug: 'atlantis' }));
    expect(apiErrorCode(org)).toBe('NOT_FOUND');
    expect(isApiError(org) && org.data?.httpStatus).toBe(404);
  });
});

describe('raw HTTP', () => {
  const get = (path: string, init?: RequestInit) => fetch(`${t.url}${path}`, init);
  const input = (value: unknown) => encodeURIComponent(JSON.stringify(value));

  it('serves plain JSON with security and cache headers', async () => {
    const res = await get(`/trpc/municipalities.get?input=${input({ slug: 'asker' })}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('public, max-age=10, stale-while-revalidate=60');
    const body = (await res.json()) as { result: { data: { number: string } } };
    expect(body.result.data.number).toBe('3203');
  });

  it('answers 400 without a stack for bad input, and never caches errors', async () => {
    const res = await get(`/trpc/municipalities.get?input=${input({ slug: 'A B' })}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { error: { data: Record<string, unknown> } };
    expect(body.error.data).not.toHaveProperty('stack');
    expect(body.error.data.issues).toEqual([{ path: ['slug'], message: expect.any(String) }]);
  });

  it.each([
    ['malformed JSON in input', `/trpc/municipalities.get?input=%7Bslug`, undefined],
    ['input that is not an object', `/trpc/municipalities.get?input=${input('asker')}`, undefined],
    ['an unknown procedure', '/trpc/nonexistent', undefined],
    ['an unknown nested procedure', '/trpc/municipalities.delete', undefined],
    ['an unknown path', '/wp-admin', undefined],
    ['/trpc without a procedure', '/trpc', undefined],
    ['/trpc/ without a procedure', '/trpc/', undefined],
    ['a batch of unknown procedures', '/trpc/nonexistent,alsonot?batch=1', undefined],
    ['POST to a query', '/trpc/municipalities.list', { method: 'POST', body: '{}' }],
    ['a malformed POST body', '/trpc/municipalities.list', { method: 'POST', body: '{"' }],
    ['DELETE', '/trpc/counties.list', { method: 'DELETE' }],
    ['a huge body', '/trpc/municipalities.list', { method: 'POST', body: 'x'.repeat(2_000_000) }],
    ['a huge URL', `/trpc/municipalities.list?input=${'x'.repeat(20_000)}`, undefined],
  ] as const)('answers %s with 4xx, not 500', async (_name, path, init) => {
    const res = await get(path, init);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    await res.arrayBuffer();
  });

  it.each([
    [
      'malformed JSON in input',
      '/trpc/municipalities.get?input=%7Bslug',
      undefined,
      'Forespørselen kunne ikke leses: input må være gyldig JSON.',
    ],
    [
      'an unknown procedure',
      '/trpc/nonexistent',
      undefined,
      'Fant ingen prosedyre med dette navnet.',
    ],
    [
      'POST to a query',
      '/trpc/municipalities.list',
      { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } },
      'Spørringer sendes med GET og endringer med POST.',
    ],
    [
      'a batch of more than 50 calls',
      `/trpc/${Array.from({ length: 51 }, () => 'counties.list').join(',')}?batch=1`,
      undefined,
      'Et samlet kall kan ha høyst 50 kall.',
    ],
    [
      'a batch whose input is not an object',
      `/trpc/municipalities.list?batch=1&input=${input(1)}`,
      undefined,
      'I et samlet kall må input være et objekt med hvert kalls input under dets nummer.',
    ],
  ] as const)(
    'answers %s in Norwegian, not with tRPC’s English',
    async (_name, path, init, message) => {
      const res = await get(path, init);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const body = (await res.json()) as
        | { error: { message: string } }
        | readonly { error: { message: string } }[];
      const error = Array.isArray(body)
        ? body[0]?.error
        : (body as { error: { message: string } }).error;
      expect(error?.message).toBe(message);
    },
  );

  it('tells a signed-in editor that a body it cannot read cannot be read, not that access is refused', async () => {
    const token = await signIn(t.url, 'editorA');
    const post = (body: string) =>
      get('/trpc/resources.create', {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      });
    const malformed = await post('{"organisation": "kommunenettverk');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { message: string } }).error.message).toBe(
      'Forespørselen kunne ikke leses: input må være gyldig JSON.',
    );
    const huge = await post(JSON.stringify({ title: 'x'.repeat(1_100_000) }));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { message: string } }).error.message).toBe(
      'Forespørselen er for stor (høyst 1 MB).',
    );
    // Without a session it is still refused, whatever the body.
    const anonymous = await get('/trpc/resources.create', {
      method: 'POST',
      body: '{"',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(anonymous.status).toBe(401);
  });

  it('answers a mixed batch per call: data for the good one, NOT_FOUND for the unknown one', async () => {
    const res = await get('/trpc/counties.list,nonexistent?batch=1');
    expect(res.status).toBe(207);
    const [good, bad] = (await res.json()) as [
      { result: unknown },
      { error: { data: { code: string } } },
    ];
    expect(good.result).toBeDefined();
    expect(bad.error.data.code).toBe('NOT_FOUND');
  });

  it('answers /health and /ready', async () => {
    const health = await get('/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await get('/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});
