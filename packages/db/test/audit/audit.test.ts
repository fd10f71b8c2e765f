import type { AuditEntry } from '@klimakommuner/domain';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import {
  addMembership,
  auditHistory,
  auditRecordOrganisations,
  type DbHandle,
  getOrganisationForEdit,
  InvalidCursorError,
  listAudit,
  transitionOrganisationProfile,
  updateOrganisationProfile,
  writeAudit,
} from '../../src/index.ts';
import { onEachEngine, TODAY } from '../engines.ts';
import { ADMIN, createNetwork } from '../fixtures.ts';

const NOW = new Date('2026-11-27T12:00:00Z');

const TOKEN_ACTOR = { kind: 'token' as const, id: 'tok-1', name: 'Nettside' };

const NETWORK = 'testnettverket';

/**
 * The trail this suite reads: a network's profile taken through the workflow, and four
 * memberships of it, all by ADMIN.
 */
const writeStory = async (handle: DbHandle) => {
  await createNetwork(handle, NETWORK);
  const steps = [
    'update',
    'submit',
    'publish',
    'unpublish',
    'publish',
    'update',
    'unpublish',
    'submit',
  ] as const;
  for (const step of steps) {
    const version = (await getOrganisationForEdit(handle.db, NETWORK, TODAY, NOW))?.version ?? 0;
    const input = { slug: NETWORK, version };
    const written =
      step === 'update'
        ? await updateOrganisationProfile(
            handle.db,
            { ...input, description: step, descriptionHtml: '', website: null, contactEmail: null },
            ADMIN,
            TODAY,
            NOW,
          )
        : await transitionOrganisationProfile(
            handle.db,
            { ...input, transition: step },
            ADMIN,
            TODAY,
            NOW,
          );
    expect(written._tag).toBe('Success');
  }
  const members = [
    { municipality: '3203' },
    { region: 'hallingdal' },
    { municipality: '3201' },
    { municipality: '3301' },
  ];
  for (const member of members) {
    const added = await addMembership(
      handle.db,
      { organisation: NETWORK, ...member, from: '2025-01-01' },
      ADMIN,
      TODAY,
    );
    expect(added._tag).toBe('Success');
  }
};

const auditSuite = (db: () => DbHandle): void => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = db();
    await writeStory(handle);
    await writeAudit(handle.db, {
      actor: null,
      action: 'auth.sign-in-failed',
      recordType: 'user',
      after: { email: 'ukjent@example.no', password: 'hunter2', reason: ['unknown', 'email'] },
    });
    await writeAudit(handle.db, {
      actor: TOKEN_ACTOR,
      action: 'access.refused',
      recordType: 'organisation',
      recordId: 'ken',
      organisation: 'ken',
      after: { wanted: 'content.publish', tokenHash: 'abc', nested: { secret: 's', ok: 1 } },
    });
  });

  it('records who, what and never a secret; jsonb comes back parsed, arrays intact', async () => {
    const [refused, failed] = (await listAudit(handle.db, {}, 2)).items;
    expect(refused).toMatchObject({
      actor: TOKEN_ACTOR,
      action: 'access.refused',
      recordType: 'organisation',
      recordId: 'ken',
      organisation: 'ken',
      before: null,
      after: { wanted: 'content.publish', nested: { ok: 1 } },
    });
    expect(failed).toMatchObject({
      actor: null,
      action: 'auth.sign-in-failed',
      recordId: null,
      organisation: null,
      after: { email: 'ukjent@example.no', reason: ['unknown', 'email'] },
    });
    expect(JSON.stringify([refused, failed])).not.toMatch(/hunter2|abc|"s"/);
    expect(typeof failed?.at).toBe('string');
    expect(new Date(failed?.at ?? '').toISOString()).toBe(failed?.at);
  });

  it('returns the same JS types for jsonb, timestamps and ids on both engines', async () => {
    const row = await handle.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(row.at).toBeInstanceOf(Date);
    expect(typeof row.id).toBe('number');
    expect(row.after).toEqual({ wanted: 'content.publish', nested: { ok: 1 } });
    const { list, scalar, text } = (
      await sql<{
        list: unknown;
        scalar: unknown;
        text: unknown;
      }>`select '[1, {"a": true}]'::jsonb as list, '3'::jsonb as scalar, '"x"'::jsonb as text`.execute(
        handle.db,
      )
    ).rows[0] ?? { list: null, scalar: null, text: null };
    expect(list).toEqual([1, { a: true }]);
    expect(scalar).toBe(3);
    expect(text).toBe('x');
  });

  it('filters by actor, organisation, record type, action and time', async () => {
    const list = (filter: Parameters<typeof listAudit>[1]) =>
      listAudit(handle.db, filter, 500).then((p) => p.items);
    const mine = await list({ actor: ADMIN.id });
    expect(mine.length).toBeGreaterThan(10);
    expect(mine.every((e) => e.actor?.id === ADMIN.id)).toBe(true);
    const ken = await list({ organisation: 'ken' });
    expect(ken.length).toBeGreaterThan(0);
    expect(ken.every((e) => e.organisation === 'ken')).toBe(true);
    expect(
      (await list({ recordType: 'membership' })).every((e) => e.recordType === 'membership'),
    ).toBe(true);
    const adds = await list({ action: 'membership.add', organisation: 'testnettverket' });
    expect(adds).toHaveLength(4);
    expect(await list({ action: 'user.create', organisation: 'ken' })).toEqual([]);
    expect(await list({ from: new Date(Date.now() + 60_000) })).toEqual([]);
    expect((await list({ to: new Date(Date.now() + 60_000) })).length).toBe(
      (await list({})).length,
    );
    expect(await list({ organisation: 'finnes-ikke' })).toEqual([]);
  });

  it('finds a person by part of their name, in any case, and takes % and _ literally', async () => {
    const list = (filter: Parameters<typeof listAudit>[1]) =>
      listAudit(handle.db, filter, 500).then((p) => p.items);
    const byName = await list({ actorName: 'test adm' });
    expect(byName.length).toBe((await list({ actor: ADMIN.id })).length);
    expect(await list({ actorName: 'nettsid' })).toEqual([
      expect.objectContaining({ actor: TOKEN_ACTOR }),
    ]);
    expect(await list({ actorName: '%' })).toEqual([]);
    expect(await list({ actorName: 'ingen slik person' })).toEqual([]);
  });

  it('names each record for people: its title or name today, not its slug or id', async () => {
    const memberships = await listAudit(handle.db, { recordType: 'membership' }, 500);
    const titles = new Set(memberships.items.map((e) => e.recordTitle));
    expect(titles).toContain('Asker');
    expect(titles).toContain('Hallingdalsregionen');
    const [profile] = await auditHistory(handle.db, 'organisation', 'testnettverket');
    expect(profile?.recordTitle).toBe('Nettverk testnettverket');
    const [refused] = (await listAudit(handle.db, { action: 'access.refused' }, 1)).items;
    expect(refused?.recordTitle).toBe('Klima- og energinettverk i Folloregionen');
  });

  it('pages through the whole trail newest first, each entry once', async () => {
    const all = (await listAudit(handle.db, {}, 500)).items;
    const seen: AuditEntry[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAudit(handle.db, {}, 7, cursor);
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
    const ids = seen.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    await expect(listAudit(handle.db, {}, 5, 'not-a-cursor')).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
  });

  it('gives the history of one record and the organisation it belongs to', async () => {
    const history = await auditHistory(handle.db, 'organisation', 'testnettverket');
    expect(history.map((e) => e.action).reverse()).toEqual([
      'organisation.update',
      'organisation.submit',
      'organisation.publish',
      'organisation.unpublish',
      'organisation.publish',
      'organisation.update',
      'organisation.unpublish',
      'organisation.submit',
    ]);
    expect(history.every((e) => e.organisation === 'testnettverket')).toBe(true);
    expect(await auditRecordOrganisations(handle.db, 'organisation', 'testnettverket')).toEqual([
      'testnettverket',
    ]);
    const [membership] = (await listAudit(handle.db, { recordType: 'membership' }, 1)).items;
    expect(
      await auditRecordOrganisations(handle.db, 'membership', membership?.recordId ?? ''),
    ).toEqual(['testnettverket']);
    expect(await auditRecordOrganisations(handle.db, 'membership', 'ukjent')).toEqual([]);
    expect(await auditHistory(handle.db, 'membership', 'ukjent')).toEqual([]);
  });

  it('names every organisation the rows of one record are filed under, the latest first', async () => {
    const refused = (organisation: string | null) =>
      writeAudit(handle.db, {
        actor: TOKEN_ACTOR,
        action: 'access.refused',
        recordType: 'procedure',
        recordId: 'flere.organisasjoner',
        organisation,
      });
    await refused('ken');
    await refused(null);
    await refused('testnettverket');
    await refused('ken');
    expect(await auditRecordOrganisations(handle.db, 'procedure', 'flere.organisasjoner')).toEqual([
      'ken',
      'testnettverket',
      null,
    ]);
  });
};

onEachEngine('audit trail', auditSuite);
