import type { DbHandle } from '@klimakommuner/db';
import type { Schema } from 'effect';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../src/access/accounts.ts';
import type { ApiClient } from '../src/client.ts';
import { appRouter } from '../src/router.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { inputsFor, type Plausible } from './fuzz/arbitraries.ts';
import { engines } from './fuzz/engines.ts';
import { A, PASSWORD, TODAY } from './global-setup.ts';
import { clientWith, freshAddress, signIn } from './harness.ts';

// Walks every procedure of the router with inputs generated from its own schema plus hostile
// values, as anonymous and as an administrator, on its own server and database (PGlite, and
// PostgreSQL when TEST_DATABASE_URL is set), and checks that no answer is a 500 or shows a stack
// or SQL. A procedure added later is walked too.

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const ADMIN = { email: 'fuzz-admin@test.no', roles: [{ role: 'admin' as const }] };

interface ProcedureDef {
  readonly type: 'query' | 'mutation' | 'subscription';
  readonly inputs: readonly unknown[];
}
const procedures = Object.entries(
  (appRouter as unknown as { _def: { procedures: Record<string, { _def: ProcedureDef }> } })._def
    .procedures,
).map(([path, procedure]) => ({
  path,
  type: procedure._def.type,
  schema: procedure._def.inputs[0] as Schema.Top | undefined,
}));

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** One call as any HTTP client would send it (a GET for queries, a JSON POST for mutations). */
const call = async (
  url: string,
  path: string,
  type: string,
  input: unknown,
  token: string | null,
): Promise<Answer> => {
  const headers: Record<string, string> = { 'X-Forwarded-For': freshAddress() };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const json = input === undefined ? undefined : JSON.stringify(input);
  const response =
    type === 'query'
      ? await fetch(
          `${url}/trpc/${path}${json === undefined ? '' : `?input=${encodeURIComponent(json)}`}`,
          { headers },
        )
      : await fetch(`${url}/trpc/${path}`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: json ?? '',
        });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Node's own answers (431 for a URL too long) are not JSON.
  }
  return { status: response.status, body };
};

const STACK = /\n\s+at |node:internal|\.[jt]s:\d+|RangeError|TypeError|ReferenceError/;
const SQL =
  /\b(select .* from|insert into|update \S+ set|delete from)\b|syntax error|violates|relation "|invalid input syntax|out of range for type|duplicate key|unterminated/i;

/** No 500, no INTERNAL_SERVER_ERROR, no stack trace and no SQL in what the client sees. */
const expectSafe = (answer: Answer, where: string) => {
  expect(answer.status, where).not.toBe(500);
  const error = (answer.body as { error?: { message?: string; data?: Record<string, unknown> } })
    ?.error;
  if (error === undefined) return;
  expect(error.data?.code, where).not.toBe('INTERNAL_SERVER_ERROR');
  expect(error.data?.stack, where).toBeUndefined();
  const issues = (error.data?.issues ?? []) as { message?: string }[];
  const shown = [error.message ?? '', ...issues.map((issue) => issue.message ?? '')].join('\n');
  expect(shown, where).not.toMatch(STACK);
  expect(shown, where).not.toMatch(SQL);
};

/** Ids and slugs of real records, so generated calls also get past NOT_FOUND. */
const realRecords = async (admin: ApiClient): Promise<Plausible> => {
  const strings: string[] = [];
  const people = await admin.people.list.query({ organisation: A });
  strings.push(...people.slice(0, 3).map((person) => person.id));
  const memberships = await admin.memberships.list.query({ organisation: A });
  strings.push(...memberships.items.slice(0, 3).map((membership) => membership.id));
  const project = await admin.projects.create.mutate({
    organisation: A,
    title: 'Prosjekt for robusthetstesten',
    summary: '',
    body: '',
    themes: ['mat'],
    status: 'planned',
    leaders: [],
  });
  strings.push(project.slug);
  const resource = await admin.resources.create.mutate({
    organisation: A,
    title: 'Ressurs for robusthetstesten',
    summary: '',
    body: '',
    kind: 'tool',
    themes: ['mat'],
  });
  strings.push(resource.slug);
  const member = memberships.items.find(
    (membership) => membership.current && membership.member.kind === 'municipality',
  )?.member;
  if (member?.kind === 'municipality') {
    strings.push(member.municipality.number);
    const participation = await admin.participations.add.mutate({
      project: project.slug,
      municipality: member.municipality.number,
      status: 'interested',
      since: TODAY,
    });
    strings.push(participation.id);
  }
  return { strings };
};

describe.each(engines)('no input gives a 500 or shows internals ($name)', (engine) => {
  let handle: DbHandle;
  let dispose: () => Promise<void>;
  let server: RunningServer;
  let token: string;
  let plausible: Plausible;

  beforeAll(async () => {
    ({ handle, dispose } = await engine.setup());
    await createAccount(handle.db, { ...ADMIN, name: 'Fuzz', password: PASSWORD }, null);
    server = await startServer({ port: 0, host: '127.0.0.1', db: handle, today: () => TODAY });
    token = await signIn(server.url, { email: ADMIN.email, password: PASSWORD });
    plausible = await realRecords(clientWith(server.url, token));
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await dispose?.();
  });

  it('answers raw bodies nested 100 000 deep, or cut off, without a 500', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const bodies = [
      deep,
      `{"body":${deep}}`,
      '['.repeat(200_000),
      `{"0":{"body":"${'a'.repeat(10)}"`,
    ];
    for (const [index, body] of bodies.entries()) {
      const response = await fetch(`${server.url}/trpc/projects.preview`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body,
      });
      expectSafe(
        { status: response.status, body: await response.json().catch(() => null) },
        `body ${index}`,
      );
    }
  });

  it('walks every procedure with generated and hostile inputs, anonymous and as an admin', async () => {
    expect(procedures.length).toBeGreaterThan(40);
    for (const { path, type, schema } of procedures) {
      for (const actor of ['anonymous', 'admin'] as const) {
        await fc.assert(
          fc.asyncProperty(inputsFor(schema, plausible), async (input) => {
            const answer = await call(
              server.url,
              path,
              type,
              input,
              actor === 'admin' ? token : null,
            );
            expectSafe(answer, `${path} as ${actor}`);
          }),
          { numRuns: RUNS, endOnFailure: true },
        );
        // auth.signOut and the like end the admin's session: take a new one for what follows.
        if (
          actor === 'admin' &&
          (await call(server.url, 'auth.me', 'query', undefined, token)).status === 401
        ) {
          token = await signIn(server.url, { email: ADMIN.email, password: PASSWORD });
        }
      }
    }
  }, 600_000);
});
