import type { KyselyPlugin } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import {
  addMembership,
  type DbHandle,
  dashboardFor,
  endMembership,
  getOrganisation,
  getOrganisationForEdit,
  listMembershipsForEdit,
  listOrganisations,
  transitionOrganisationProfile,
  updateOrganisationProfile,
} from '../../src/index.ts';
import { TODAY } from '../engines.ts';
import { ADMIN, auditCount, createNetwork } from './fixtures.ts';

const SLUG = 'testnettverket';
const NOW = new Date('2026-11-27T12:00:00Z');

const profile = (version: number) => ({
  slug: SLUG,
  version,
  description: '# Om oss\n\nVi jobber med **klima**.',
  descriptionHtml: '<h1>Om oss</h1>\n<p>Vi jobber med <strong>klima</strong>.</p>',
  website: 'https://test.example.no',
  contactEmail: 'post@test.example.no',
});

/** Runs on a network created for these tests; the seeded organisations stay as they are. */
export const editingSuite = (db: () => DbHandle): void => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = db();
    await createNetwork(handle, SLUG);
  });

  it('keeps the profile out of the public detail until it is published and due', async () => {
    expect((await getOrganisation(handle.db, 'ken', TODAY, NOW))?.profile).toBeNull();
    const edit = await getOrganisationForEdit(handle.db, SLUG, TODAY, NOW);
    expect(edit).toMatchObject({
      slug: SLUG,
      description: '',
      descriptionHtml: '',
      website: null,
      contactEmail: null,
      status: 'draft',
      publishAt: null,
      version: 1,
      profile: null,
      members: [],
    });
    expect(await getOrganisationForEdit(handle.db, 'finnes-ikke', TODAY, NOW)).toBeNull();

    const saved = await updateOrganisationProfile(handle.db, profile(1), ADMIN, TODAY, NOW);
    expect(saved).toMatchObject({
      kind: 'ok',
      value: { status: 'draft', version: 2, website: 'https://test.example.no' },
    });
    const isHidden = async (now: Date) =>
      (await getOrganisation(handle.db, SLUG, TODAY, now))?.profile === null;
    expect(await isHidden(NOW)).toBe(true);

    const submitted = await transitionOrganisationProfile(
      handle.db,
      { slug: SLUG, version: 2, transition: 'submit' },
      ADMIN,
      TODAY,
      NOW,
    );
    expect(submitted).toMatchObject({ kind: 'ok', value: { status: 'in_review', version: 3 } });
    expect(await isHidden(NOW)).toBe(true);

    const publishAt = '2026-12-01T08:00:00.000Z';
    const published = await transitionOrganisationProfile(
      handle.db,
      { slug: SLUG, version: 3, transition: 'publish', publishAt },
      ADMIN,
      TODAY,
      NOW,
    );
    expect(published).toMatchObject({
      kind: 'ok',
      value: { status: 'published', publishAt, version: 4, profile: null },
    });
    expect(await isHidden(NOW)).toBe(true);
    expect(await isHidden(new Date('2026-12-01T07:59:59Z'))).toBe(true);
    expect((await getOrganisation(handle.db, SLUG, TODAY, new Date(publishAt)))?.profile).toEqual({
      descriptionHtml: profile(1).descriptionHtml,
      website: 'https://test.example.no',
      contactEmail: 'post@test.example.no',
    });
    // The public list never shows a profile, drafts least of all.
    expect(JSON.stringify(await listOrganisations(handle.db, TODAY))).not.toContain('klima**');

    const unpublished = await transitionOrganisationProfile(
      handle.db,
      { slug: SLUG, version: 4, transition: 'unpublish' },
      ADMIN,
      TODAY,
      NOW,
    );
    expect(unpublished).toMatchObject({ kind: 'ok', value: { status: 'draft', version: 5 } });
    expect(await isHidden(new Date('2027-01-01T00:00:00Z'))).toBe(true);

    const republished = await transitionOrganisationProfile(
      handle.db,
      { slug: SLUG, version: 5, transition: 'publish' },
      ADMIN,
      TODAY,
      NOW,
    );
    expect(republished).toMatchObject({ kind: 'ok', value: { publishAt: null, version: 6 } });
    expect(await isHidden(NOW)).toBe(false);
  });

  it('refuses a transition the workflow does not allow, with its Norwegian message', async () => {
    const current = await getOrganisationForEdit(handle.db, SLUG, TODAY, NOW);
    const before = await auditCount(handle);
    const result = await transitionOrganisationProfile(
      handle.db,
      { slug: SLUG, version: current?.version ?? 0, transition: 'restore' },
      ADMIN,
      TODAY,
      NOW,
    );
    expect(result.kind).toBe('refused');
    if (result.kind !== 'refused') return;
    expect(result.error._tag).toBe('InvalidTransition');
    expect(result.error.message).toMatch(/^Du kan ikke gjenopprette/);
    expect(await getOrganisationForEdit(handle.db, SLUG, TODAY, NOW)).toEqual(current);
    expect(await auditCount(handle)).toBe(before);
  });

  it('returns the stored profile on a stale version and changes nothing', async () => {
    const current = await getOrganisationForEdit(handle.db, SLUG, TODAY, NOW);
    const before = await auditCount(handle);
    const result = await updateOrganisationProfile(
      handle.db,
      { ...profile(1), description: 'Overskriver', website: '' },
      ADMIN,
      TODAY,
      NOW,
    );
    expect(result.kind).toBe('stale');
    if (result.kind !== 'stale') return;
    expect(result.current).toEqual(current);
    expect(result.error).toMatchObject({ _tag: 'StaleVersion', expectedVersion: 1 });
    expect(result.error.current).toEqual(current);
    expect(await getOrganisationForEdit(handle.db, SLUG, TODAY, NOW)).toEqual(current);
    expect(await auditCount(handle)).toBe(before);
    expect(
      (await updateOrganisationProfile(handle.db, { ...profile(1), slug: 'nope' }, ADMIN, TODAY))
        .kind,
    ).toBe('not-found');
  });

  it('stores empty website and contact as none, and audits before and after', async () => {
    const current = await getOrganisationForEdit(handle.db, SLUG, TODAY, NOW);
    const version = current?.version ?? 0;
    const result = await updateOrganisationProfile(
      handle.db,
      { ...profile(version), website: ' ', contactEmail: '' },
      ADMIN,
      TODAY,
      NOW,
    );
    expect(result).toMatchObject({ kind: 'ok', value: { website: null, contactEmail: null } });
    const row = await handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('record_type', '=', 'organisation')
      .where('record_id', '=', SLUG)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      action: 'organisation.update',
      actor_kind: 'user',
      actor_id: ADMIN.id,
      actor_name: ADMIN.name,
      before: { website: 'https://test.example.no', version },
      after: { website: null, contactEmail: null, version: version + 1 },
    });
  });

  it('writes no audit row when the change’s transaction fails, and keeps the change out too', async () => {
    // Fails the first query after the audit insert: the change and its audit row roll back together.
    let auditWritten = false;
    const failAfterAudit: KyselyPlugin = {
      transformQuery: ({ node }) => {
        if (auditWritten) throw new Error('boom after audit');
        if (node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === 'audit_log') {
          auditWritten = true;
        }
        return node;
      },
      transformResult: async ({ result }) => result,
    };
    const current = await getOrganisationForEdit(handle.db, SLUG, TODAY, NOW);
    const before = await auditCount(handle);
    await expect(
      updateOrganisationProfile(
        handle.db.withPlugin(failAfterAudit),
        { ...profile(current?.version ?? 0), description: 'Skal ikke lagres' },
        ADMIN,
        TODAY,
        NOW,
      ),
    ).rejects.toThrow('boom after audit');
    expect(auditWritten).toBe(true);
    expect(await auditCount(handle)).toBe(before);
    expect(await getOrganisationForEdit(handle.db, SLUG, TODAY, NOW)).toEqual(current);
  });

  it('adds municipality and region memberships and refuses an overlap in Norwegian', async () => {
    const added = await addMembership(
      handle.db,
      { organisation: SLUG, municipality: '3203', from: '2020-01-01', to: '2022-12-31' },
      ADMIN,
      TODAY,
    );
    expect(added).toMatchObject({
      kind: 'ok',
      value: {
        member: { kind: 'municipality', municipality: { number: '3203', name: 'Asker' } },
        from: '2020-01-01',
        to: '2022-12-31',
        version: 1,
        current: false,
      },
    });
    const before = await auditCount(handle);
    const overlap = await addMembership(
      handle.db,
      { organisation: SLUG, municipality: '3203', from: '2022-12-31' },
      ADMIN,
      TODAY,
    );
    expect(overlap.kind).toBe('refused');
    if (overlap.kind !== 'refused') return;
    expect(overlap.error._tag).toBe('MembershipOverlap');
    expect(overlap.error.message).toMatch(/^Medlemskapet overlapper/);
    expect(await auditCount(handle)).toBe(before);

    const next = await addMembership(
      handle.db,
      { organisation: SLUG, municipality: '3203', from: '2023-01-01' },
      ADMIN,
      TODAY,
    );
    expect(next).toMatchObject({ kind: 'ok', value: { current: true, to: null } });
    const region = await addMembership(
      handle.db,
      { organisation: SLUG, region: 'hallingdal', from: '2024-01-01' },
      ADMIN,
      TODAY,
    );
    expect(region).toMatchObject({
      kind: 'ok',
      value: { member: { kind: 'region', region: { slug: 'hallingdal' } }, current: true },
    });
    const endsBefore = await addMembership(
      handle.db,
      { organisation: SLUG, region: 'follo', from: '2024-01-01', to: '2023-01-01' },
      ADMIN,
      TODAY,
    );
    expect(endsBefore.kind === 'refused' && endsBefore.error._tag).toBe(
      'MembershipEndsBeforeStart',
    );

    const list = await listMembershipsForEdit(handle.db, SLUG, TODAY);
    expect(list?.map((m) => [m.member.kind, m.from, m.current])).toEqual([
      ['municipality', '2020-01-01', false],
      ['municipality', '2023-01-01', true],
      ['region', '2024-01-01', true],
    ]);
    expect(await listMembershipsForEdit(handle.db, 'finnes-ikke', TODAY)).toBeNull();
    const detail = await getOrganisation(handle.db, SLUG, TODAY, NOW);
    expect(detail?.memberCount).toBe(7);
    expect(detail?.regions.map((r) => r.region.slug)).toEqual(['hallingdal']);

    const notFound = async (input: Parameters<typeof addMembership>[1]) =>
      (await addMembership(handle.db, input, ADMIN, TODAY)).kind === 'not-found' &&
      (await addMembership(handle.db, input, ADMIN, TODAY)).kind;
    expect(await notFound({ organisation: 'nope', municipality: '3203', from: '2020-01-01' })).toBe(
      'not-found',
    );
    expect(await notFound({ organisation: SLUG, municipality: '9999', from: '2020-01-01' })).toBe(
      'not-found',
    );
    expect(await notFound({ organisation: SLUG, region: 'nope', from: '2020-01-01' })).toBe(
      'not-found',
    );
  });

  it('ends a membership at its version; stale, overlapping or backwards ends change nothing', async () => {
    const list = (await listMembershipsForEdit(handle.db, SLUG, TODAY)) ?? [];
    const [first, second] = list;
    if (!first || !second) throw new Error('The memberships of the previous test are missing');
    const before = await auditCount(handle);

    // Lengthening the first into the second overlaps; ending before the start is refused.
    const overlap = await endMembership(
      handle.db,
      { id: first.id, to: '2023-06-30', version: 1 },
      ADMIN,
      TODAY,
    );
    expect(overlap.kind === 'refused' && overlap.error._tag).toBe('MembershipOverlap');
    const backwards = await endMembership(
      handle.db,
      { id: second.id, to: '2022-12-31', version: 1 },
      ADMIN,
      TODAY,
    );
    expect(backwards.kind === 'refused' && backwards.error.message).toMatch(
      /^Medlemskapet kan ikke slutte/,
    );
    expect(await auditCount(handle)).toBe(before);

    const ended = await endMembership(
      handle.db,
      { id: second.id, to: '2026-11-26', version: 1 },
      ADMIN,
      TODAY,
    );
    expect(ended).toMatchObject({
      kind: 'ok',
      value: { to: '2026-11-26', version: 2, current: false },
    });

    const stale = await endMembership(
      handle.db,
      { id: second.id, to: '2030-01-01', version: 1 },
      ADMIN,
      TODAY,
    );
    expect(stale.kind).toBe('stale');
    if (stale.kind !== 'stale') return;
    expect(stale.current).toMatchObject({ id: second.id, to: '2026-11-26', version: 2 });
    expect(stale.error.message).toMatch(/^Noen andre har endret dette/);
    const after = await listMembershipsForEdit(handle.db, SLUG, TODAY);
    expect(after?.find((m) => m.id === second.id)).toMatchObject({ to: '2026-11-26', version: 2 });
    expect(await auditCount(handle)).toBe(before + 1);
    expect(
      (
        await endMembership(
          handle.db,
          { id: crypto.randomUUID(), to: TODAY, version: 1 },
          ADMIN,
          TODAY,
        )
      ).kind,
    ).toBe('not-found');
    expect(
      (await endMembership(handle.db, { id: 'x', to: TODAY, version: 1 }, ADMIN, TODAY)).kind,
    ).toBe('not-found');
  });

  it('lets only one of two concurrent overlapping adds through', async () => {
    const add = () =>
      addMembership(
        handle.db,
        { organisation: SLUG, municipality: '3201', from: '2025-01-01' },
        ADMIN,
        TODAY,
      );
    const results = await Promise.all([add(), add(), add()]);
    expect(results.map((r) => r.kind).sort()).toEqual(['ok', 'refused', 'refused']);
  });

  it('shows the dashboard of an editor’s organisations and of an admin', async () => {
    const current = await getOrganisationForEdit(handle.db, SLUG, TODAY, NOW);
    expect(current?.status).toBe('published');
    const mine = await dashboardFor(handle.db, [SLUG, 'ken']);
    expect(mine.organisations.map((o) => o.slug)).toEqual(['ken', SLUG]);
    expect(mine.drafts.map((d) => d.recordId)).toEqual(['ken']);
    expect(mine.inReview).toEqual([]);
    const unpublished = await transitionOrganisationProfile(
      handle.db,
      { slug: SLUG, version: current?.version ?? 0, transition: 'unpublish' },
      ADMIN,
      TODAY,
    );
    await transitionOrganisationProfile(
      handle.db,
      {
        slug: SLUG,
        version: unpublished.kind === 'ok' ? unpublished.value.version : 0,
        transition: 'submit',
      },
      ADMIN,
      TODAY,
    );
    const inReview = (await dashboardFor(handle.db, [SLUG])).inReview;
    expect(inReview).toHaveLength(1);
    expect(inReview[0]).toMatchObject({
      recordType: 'organisation',
      recordId: SLUG,
      title: `Nettverk ${SLUG}`,
      status: 'in_review',
      organisation: { slug: SLUG, kind: 'network' },
      publishAt: null,
    });
    const all = await dashboardFor(handle.db, 'all');
    expect(all.organisations).toHaveLength(4);
    expect(all.drafts).toHaveLength(3);
    expect(await dashboardFor(handle.db, [])).toEqual({
      organisations: [],
      drafts: [],
      inReview: [],
    });
  });
};
