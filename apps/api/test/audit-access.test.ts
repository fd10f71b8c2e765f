import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, apiErrorCode } from '../src/client.ts';
import { A, B } from './global-setup.ts';
import { clientWith, freshAddress, rejection, signIn, useServer } from './harness.ts';

const t = useServer();
const code = async (call: () => Promise<unknown>) => apiErrorCode(await rejection(call));
const PROCEDURE = { recordType: 'procedure', recordId: 'people.create' } as const;
const person = (organisation: string) => ({ name: 'Nekt', title: '', organisation, consent: true });

describe('audit.history decides access row by row', () => {
  let admin: ApiClient;
  let editorA: ApiClient;
  let editorB: ApiClient;
  beforeAll(async () => {
    admin = clientWith(t.url, await signIn(t.url, 'admin'));
    editorA = clientWith(t.url, await signIn(t.url, 'editorA'));
    editorB = clientWith(t.url, await signIn(t.url, 'editorB'));
  });

  const organisations = (items: readonly { organisation: string | null }[]) => [
    ...new Set(items.map((item) => item.organisation)),
  ];

  it('files refusals from two organisations under each, and shows each editor only theirs', async () => {
    const address = freshAddress();
    // KEN's editor refused in KKO (filed under KKO), anonymous refused in KEN, then KKO's editor
    // refused in KEN: the procedure's latest rows are KEN's.
    expect(await code(() => editorB.people.create.mutate(person(A)))).toBe('FORBIDDEN');
    const anonymous = clientWith(t.url, null, address);
    expect(await code(() => anonymous.people.create.mutate(person(B)))).toBe('UNAUTHORIZED');
    expect(await code(() => editorA.people.create.mutate(person(B)))).toBe('FORBIDDEN');

    const seenByB = (await editorB.audit.history.query(PROCEDURE)).items;
    expect(organisations(seenByB)).toEqual([B]);
    const seenByA = (await editorA.audit.history.query(PROCEDURE)).items;
    expect(organisations(seenByA)).toEqual([A]);
    const all = (await admin.audit.history.query(PROCEDURE)).items;
    expect(organisations(all)).toEqual(expect.arrayContaining([A, B]));

    // Every refusal is there, under the organisation it concerned; the anonymous one too.
    const mine = all.slice(0, 3).map((item) => [item.actor?.name ?? null, item.organisation]);
    expect(mine).toEqual([
      ['editorA', B],
      [null, B],
      ['editorB', A],
    ]);
    expect(all[1]?.after).toMatchObject({
      action: 'person.manage',
      procedure: 'people.create',
      clientAddress: address,
    });
  });

  it('refuses a reader none of whose organisations the record concerns, filed under one of them', async () => {
    const { token } = await admin.tokens.create.mutate({
      name: 'historikk-les',
      organisation: A,
      scope: 'read',
    });
    const reader = clientWith(t.url, token);
    const onlyB = { recordType: 'organisation', recordId: B } as const;
    expect(await code(() => reader.audit.history.query(onlyB))).toBe('FORBIDDEN');
    const [refusal] = (
      await admin.audit.history.query({ recordType: 'procedure', recordId: 'audit.history' })
    ).items;
    expect(refusal).toMatchObject({
      actor: { kind: 'token', name: 'historikk-les' },
      organisation: B,
    });
  });

  it('audits anonymous refusals of signed-in procedures, under no organisation', async () => {
    const address = freshAddress();
    expect(await code(() => clientWith(t.url, null, address).auth.me.query())).toBe('UNAUTHORIZED');
    const rows = (
      await admin.audit.list.query({ action: 'access.refused', recordType: 'procedure', limit: 50 })
    ).items.filter((item) => (item.after as { clientAddress?: string }).clientAddress === address);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: null, organisation: null, recordId: 'auth.me' });
  });
});
