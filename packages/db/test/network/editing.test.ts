import type { KyselyPlugin } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import {
  addMembership,
  auditHistory,
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
import { onEachEngine, TODAY } from '../engines.ts';
import { ADMIN, asAdmin, auditCount, createNetwork, outcome } from '../fixtures.ts';

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
const editingSuite = (db: () => DbHandle): void => {
  let handle: DbHandle;
  const admin = {
    addMembership: asAdmin(addMembership, db, TODAY),
    endMembership: asAdmin(endMembership, db, TODAY),
    transitionOrganisationProfile: asAdmin(transitionOrganisationProfile, db, TODAY, NOW),
    updateOrganisationProfile: asAdmin(updateOrganisationProfile, db, TODAY, NOW),
  };
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

    const saved = await admin.updateOrganisationProfile(profile(1));
    expect(saved).toMatchObject({
      kind: 'ok',
      value: { status: 'draft', version: 2, website: 'https://test.example.no' },
    });
    const isHidden = async (now: Date) =>
      (await getOrganisation(handle.db, SLUG, TODAY, now))?.profile === null;
    expect(await isHidden(NOW)).toBe(true);

    const submitted = await admin.transitionOrganisationProfile({
      slug: SLUG,
      version: 2,
      transition: 'submit',
    });
    expect(submitted).toMatchObject({ kind: 'ok', value: { status: 'in_review', version: 3 } });
    expect(await isHidden(NOW)).toBe(true);

    const publishAt = '2026-12-01T08:00:00.000Z';
    const published = await admin.transitionOrganisationProfile({
      slug: SLUG,
      version: 3,
      transition: 'publish',
      publishAt,
    });
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

    const unpublished = await admin.transitionOrganisationProfile({
      slug: SLUG,
      version: 4,
      transition: 'unpublish',
    });
    expect(unpublished).toMatchObject({ kind: 'ok', value: { status: 'draft', version: 5 } });
    expect(await isHidden(new Date('2027-01-01T00:00:00Z'))).toBe(true);

    const republished = await admin.transitionOrganisationProfile({
      slug: SLUG,
      version: 5,
      transition: 'publish',
    });
    expect(republished).toMatchObject({ kind: 'ok', value: { publishAt: null, version: 6 } });
    expect(await isHidden(NOW)).toBe(false);
  });

  it('refuses a transition the workflow does not allow, with its Norwegian message', async () => {
    const current = await getOrganisationForEdit(handle.db, SLUG, TODAY, NOW);
    const before = await auditCount(handle);
    const result = await admin.transitionOrganisationProfile({
      slug: SLUG,
      version: current?.version ?? 0,
      transition: 'restore',
    });
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
    const result = await admin.updateOrganisationProfile({
      ...profile(1),
      description: 'Overskriver',
      website: '',
    });
    expect(result.kind).toBe('stale');
    if (result.kind !== 'stale') return;
    expect(result.current).toEqual(current);
    expect(result.error).toMatchObject({ _tag: 'StaleVersion', expectedVersion: 1 });
    expect(result.error.current).toEqual(current);
    expect(await getOrganisationForEdit(handle.db, SLUG, TODAY, NOW)).toEqual(current);
    expect(await auditCount(handle)).toBe(before);
    expect((await admin.updateOrganisationProfile({ ...profile(1), slug: 'nope' })).kind).toBe(
      'not-found',
    );
  });

  it('stores empty website and contact as none, and audits before and after', async () => {
    const current = await getOrganisationForEdit(handle.db, SLUG, TODAY, NOW);
    const version = current?.version ?? 0;
    const result = await admin.updateOrganisationProfile({
      ...profile(version),
      website: ' ',
      contactEmail: '',
    });
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
    const added = await admin.addMembership({
      organisation: SLUG,
      municipality: '3203',
      from: '2020-01-01',
      to: '2022-12-31',
    });
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
    const overlap = await admin.addMembership({
      organisation: SLUG,
      municipality: '3203',
      from: '2022-12-31',
    });
    expect(overlap.kind).toBe('refused');
    if (overlap.kind !== 'refused') return;
    expect(overlap.error._tag).toBe('MembershipOverlap');
    expect(overlap.error.message).toMatch(/^Medlemskapet overlapper/);
    expect(await auditCount(handle)).toBe(before);

    const next = await admin.addMembership({
      organisation: SLUG,
      municipality: '3203',
      from: '2023-01-01',
    });
    expect(next).toMatchObject({ kind: 'ok', value: { current: true, to: null } });
    const region = await admin.addMembership({
      organisation: SLUG,
      region: 'hallingdal',
      from: '2024-01-01',
      fromPrecision: 'year',
    });
    expect(region).toMatchObject({
      kind: 'ok',
      value: {
        member: { kind: 'region', region: { slug: 'hallingdal' } },
        current: true,
        fromPrecision: 'year',
      },
    });
    expect(next.kind === 'ok' && next.value.fromPrecision).toBe('day');
    const [addedAudit] = await auditHistory(
      handle.db,
      'membership',
      region.kind === 'ok' ? region.value.id : '',
    );
    expect(addedAudit?.after).toMatchObject({ from: '2024-01-01', fromPrecision: 'year' });
    const endsBefore = await admin.addMembership({
      organisation: SLUG,
      region: 'follo',
      from: '2024-01-01',
      to: '2023-01-01',
    });
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
    expect(detail?.regions.map((r) => [r.region.slug, r.fromPrecision])).toEqual([
      ['hallingdal', 'year'],
    ]);
    expect(detail?.members.find((m) => m.municipality.number === '3203')?.fromPrecision).toBe(
      'day',
    );

    const notFound = async (input: Parameters<typeof addMembership>[1]) =>
      (await admin.addMembership(input)).kind === 'not-found' &&
      (await admin.addMembership(input)).kind;
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

  it('refuses an end before an unknown start without naming a day nobody knows', async () => {
    const [seeded] = (await listMembershipsForEdit(handle.db, 'ken', TODAY)) ?? [];
    if (!seeded) throw new Error('KEN has no seeded membership');
    expect(seeded.fromPrecision).toBe('unknown');
    const refused = await admin.endMembership({
      id: seeded.id,
      to: '2007-06-01',
      version: seeded.version,
    });
    expect(refused.kind === 'refused' && refused.error.message).toBe(
      'Medlemskapet kan ikke slutte 1. juni 2007, fordi det tidligst kan ha begynt i 2008.',
    );
  });

  it('ends a membership at its version; stale, overlapping or backwards ends change nothing', async () => {
    const list = (await listMembershipsForEdit(handle.db, SLUG, TODAY)) ?? [];
    const [first, second] = list;
    if (!first || !second) throw new Error('The memberships of the previous test are missing');
    const before = await auditCount(handle);

    // Lengthening the first into the second overlaps; ending before the start is refused.
    const overlap = await admin.endMembership({ id: first.id, to: '2023-06-30', version: 1 });
    expect(overlap.kind === 'refused' && overlap.error._tag).toBe('MembershipOverlap');
    const backwards = await admin.endMembership({ id: second.id, to: '2022-12-31', version: 1 });
    expect(backwards.kind === 'refused' && backwards.error.message).toMatch(
      /^Medlemskapet kan ikke slutte/,
    );
    expect(await auditCount(handle)).toBe(before);

    const ended = await admin.endMembership({ id: second.id, to: '2026-11-26', version: 1 });
    expect(ended).toMatchObject({
      kind: 'ok',
      value: { to: '2026-11-26', version: 2, current: false },
    });

    const stale = await admin.endMembership({ id: second.id, to: '2030-01-01', version: 1 });
    expect(stale.kind).toBe('stale');
    if (stale.kind !== 'stale') return;
    expect(stale.current).toMatchObject({ id: second.id, to: '2026-11-26', version: 2 });
    expect(stale.error.message).toMatch(/^Noen andre har endret dette/);
    const after = await listMembershipsForEdit(handle.db, SLUG, TODAY);
    expect(after?.find((m) => m.id === second.id)).toMatchObject({ to: '2026-11-26', version: 2 });
    expect(await auditCount(handle)).toBe(before + 1);
    expect(
      (await admin.endMembership({ id: crypto.randomUUID(), to: TODAY, version: 1 })).kind,
    ).toBe('not-found');
    expect((await admin.endMembership({ id: 'x', to: TODAY, version: 1 })).kind).toBe('not-found');
  });

  it('lets only one of two concurrent overlapping adds through', async () => {
    const add = () =>
      addMembership(
        handle.db,
        { organisation: SLUG, municipality: '3201', from: '2025-01-01' },
        ADMIN,
        TODAY,
      );
    const results = (await Promise.all([add(), add(), add()])).map(outcome);
    expect(results.map((r) => r.kind).sort()).toEqual(['ok', 'refused', 'refused']);
  });

  it('shows the dashboard of an editor’s organisations and of an admin', async () => {
    const current = await getOrganisationForEdit(handle.db, SLUG, TODAY, NOW);
    expect(current?.status).toBe('published');
    const mine = await dashboardFor(handle.db, [SLUG, 'ken']);
    expect(mine.organisations.map((o) => o.slug)).toEqual(['ken', SLUG]);
    expect(mine.drafts.map((d) => d.recordId)).toEqual(['ken']);
    expect(mine.inReview).toEqual([]);
    const unpublished = await admin.transitionOrganisationProfile({
      slug: SLUG,
      version: current?.version ?? 0,
      transition: 'unpublish',
    });
    await admin.transitionOrganisationProfile({
      slug: SLUG,
      version: unpublished.kind === 'ok' ? unpublished.value.version : 0,
      transition: 'submit',
    });
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

onEachEngine('organisation profile and memberships', editingSuite);
