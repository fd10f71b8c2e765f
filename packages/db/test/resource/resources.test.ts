import { Result } from 'effect';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import {
  createResource,
  dashboardFor,
  deleteResource,
  fileForServing,
  fileUses,
  getResource,
  getResourceForEdit,
  listResourcesForEdit,
  resourceOrganisation,
  search,
  transitionResource,
  updateResource,
} from '../../src/index.ts';
import { onEachEngine } from '../engines.ts';
import { ADMIN, auditCount, countingQueries, outcome } from '../fixtures.ts';
import { draft, KEN, KKO, uploaded } from './support.ts';

const NOW = new Date('2026-11-27T12:00:00Z');

onEachEngine('resources', (db) => {
  const create = async (overrides: Parameters<typeof draft>[0] = {}) => {
    const created = await createResource(db().db, draft(overrides), ADMIN);
    if (Result.isFailure(created)) throw created.failure;
    return created.success;
  };
  const publish = async (slug: string, version: number, publishAt?: string) => {
    const published = await transitionResource(
      db().db,
      { slug, version, transition: 'publish', publishAt },
      ADMIN,
    );
    if (Result.isFailure(published)) throw published.failure;
    return published.success;
  };

  it('creates a draft with its themes, municipalities, attachments and links, audited', async () => {
    const file = await uploaded(db(), KEN, { text: 'Tekst fra PDF-en' });
    const image = await uploaded(db(), KEN, { image: true });
    const before = await auditCount(db());
    const view = await create({
      title: 'Mal for klimaregnskap',
      attachments: [
        { file, title: 'Malen som PDF', altText: null },
        { file: image, title: 'Kart', altText: 'Kart over Ås' },
      ],
    });
    expect(view).toMatchObject({
      slug: 'mal-for-klimaregnskap',
      kind: 'guide',
      workflowStatus: 'draft',
      version: 1,
      owner: { slug: KEN },
      themes: [{ slug: 'utslippskutt' }],
      municipalities: [{ number: '3218', name: 'Ås' }],
      audience: ['advisers'],
      fileKinds: ['PDF', 'PNG'],
      publishAt: null,
    });
    expect(view.attachments.map((a) => [a.title, a.kindLabel, a.url, a.image?.widths])).toEqual([
      ['Malen som PDF', 'PDF', `/files/${file}`, undefined],
      ['Kart', 'PNG', `/files/${image}`, [320]],
    ]);
    expect(await auditCount(db())).toBe(before + 1);
    expect(await resourceOrganisation(db().db, view.slug)).toBe(KEN);
    // A draft is not public, and has no search document.
    expect(await getResource(db().db, view.slug, NOW)).toBeNull();
    expect((await search(db().db, { q: 'klimaregnskap' }, NOW)).total).toBe(0);
  });

  it('refuses what the rules refuse, and files the organisation did not upload', async () => {
    const theirs = await uploaded(db(), KKO);
    const image = await uploaded(db(), KEN, { image: true });
    const before = await auditCount(db());
    const attempt = (overrides: Parameters<typeof draft>[0]) =>
      createResource(db().db, draft(overrides), ADMIN).then(outcome);
    expect(
      await attempt({ attachments: [{ file: theirs, title: 'X', altText: null }] }),
    ).toMatchObject({
      kind: 'not-found',
      error: { recordType: 'file' },
    });
    expect(
      await attempt({ attachments: [{ file: image, title: 'Bilde', altText: ' ' }] }),
    ).toMatchObject({
      kind: 'refused',
      error: { _tag: 'AttachmentAltTextMissing', position: 0 },
    });
    // Grønn mobilitet is KKO's project: KEN's resource cannot belong to it.
    expect(await attempt({ project: 'gronn-mobilitet' })).toMatchObject({
      kind: 'refused',
      error: { _tag: 'ResourceProjectNotOfOwner' },
    });
    expect(await attempt({ themes: ['finnes-ikke'] })).toMatchObject({ kind: 'not-found' });
    expect(await attempt({ municipalities: ['9999'] })).toMatchObject({ kind: 'not-found' });
    expect(
      await attempt({ publishedOn: '2026-02-01', lastReviewedOn: '2026-01-01' }),
    ).toMatchObject({
      kind: 'refused',
      error: { _tag: 'ResourceDatesInvalid' },
    });
    expect(await auditCount(db())).toBe(before);
  });

  it('publishes only a publishable resource, and a published one stays publishable', async () => {
    const bare = await create({ title: 'Uten innhold', links: [], themes: [] });
    const refused = outcome(
      await transitionResource(
        db().db,
        { slug: bare.slug, version: 1, transition: 'publish' },
        ADMIN,
      ),
    );
    expect(refused).toMatchObject({ kind: 'refused', error: { _tag: 'ResourceNotPublishable' } });
    const ready = await create({ title: 'Klar til publisering' });
    const published = await publish(ready.slug, 1);
    expect(published.workflowStatus).toBe('published');
    expect(await getResource(db().db, ready.slug, NOW)).toMatchObject({ slug: ready.slug });
    const emptied = outcome(
      await updateResource(
        db().db,
        { ...draft({ links: [] }), slug: ready.slug, version: published.version },
        ADMIN,
      ),
    );
    expect(emptied).toMatchObject({ kind: 'refused', error: { _tag: 'ResourceNotPublishable' } });
    const stale = outcome(
      await updateResource(db().db, { ...draft(), slug: ready.slug, version: 1 }, ADMIN),
    );
    expect(stale).toMatchObject({ kind: 'stale', current: { version: published.version } });
  });

  it('refuses an edit as stale when the resource left the status the right to edit was decided on', async () => {
    // The API decides «edit a draft» or «edit what is published» before the transaction; a
    // publish in between must not let a draft's editor change what is now published, even
    // with the version the publish made.
    const racing = await create({ title: 'Publiseres i mellomtiden' });
    const published = await publish(racing.slug, racing.version);
    const before = await auditCount(db());
    const edit = (decidedOn: 'draft' | 'published') =>
      updateResource(
        db().db,
        {
          ...draft({ title: 'Endret av bidragsyter' }),
          slug: racing.slug,
          version: published.version,
          decidedOn,
        },
        ADMIN,
      ).then(outcome);
    expect(await edit('draft')).toMatchObject({
      kind: 'stale',
      current: { title: 'Publiseres i mellomtiden', workflowStatus: 'published' },
    });
    expect(await auditCount(db())).toBe(before);
    expect(await edit('published')).toMatchObject({
      kind: 'ok',
      value: { title: 'Endret av bidragsyter' },
    });
  });

  it('shows a resource in draft and in review on its organisation’s dashboard, not another’s', async () => {
    const waiting = await create({ title: 'Venter på redaktøren' });
    const onDashboard = async (organisation: string) => {
      const { drafts, inReview } = await dashboardFor(db().db, [organisation]);
      const find = (items: typeof drafts) =>
        items.find((i) => i.recordType === 'resource' && i.recordId === waiting.slug);
      return { draft: find(drafts), review: find(inReview) };
    };
    expect((await onDashboard(KEN)).draft).toMatchObject({
      title: 'Venter på redaktøren',
      status: 'draft',
      organisation: { slug: KEN },
    });
    expect(await onDashboard(KKO)).toEqual({ draft: undefined, review: undefined });
    const submitted = await transitionResource(
      db().db,
      { slug: waiting.slug, version: waiting.version, transition: 'submit' },
      ADMIN,
    );
    if (Result.isFailure(submitted)) throw submitted.failure;
    expect(await onDashboard(KEN)).toMatchObject({
      draft: undefined,
      review: { status: 'in_review', organisation: { slug: KEN } },
    });
    await publish(waiting.slug, submitted.success.version);
    expect(await onDashboard(KEN)).toEqual({ draft: undefined, review: undefined });
  });

  it('reads a resource in one statement, the editor list in one and a search in two (one without words)', async () => {
    const view = await create({ title: 'Én spørring' });
    await publish(view.slug, 1);
    const { db: counted, count } = countingQueries(db());
    expect(await count(() => getResource(counted, view.slug, NOW))).toBe(1);
    expect(await count(() => listResourcesForEdit(counted, KEN, NOW))).toBe(1);
    // The planner's estimate of how many match (EXPLAIN), then the search; without words, one.
    expect(await count(() => search(counted, { q: 'spørring' }, NOW))).toBe(2);
    expect(await count(() => search(counted, { organisation: KEN, limit: 5 }, NOW))).toBe(1);
    const list = await listResourcesForEdit(db().db, KEN, NOW);
    expect(list.map((r) => r.title)).toEqual(
      [...list.map((r) => r.title)].sort(new Intl.Collator('nb').compare),
    );
  });

  it('keeps a scheduled resource out of reads and search until its time', async () => {
    const view = await create({ title: 'Planlagt publisering om sykkelparkering' });
    await publish(view.slug, 1, '2026-12-01T08:00:00Z');
    expect(await getResource(db().db, view.slug, NOW)).toBeNull();
    expect((await search(db().db, { q: 'sykkelparkering' }, NOW)).total).toBe(0);
    const later = new Date('2026-12-01T09:00:00Z');
    expect(await getResource(db().db, view.slug, later)).not.toBeNull();
    expect((await search(db().db, { q: 'sykkelparkering' }, later)).total).toBe(1);
  });

  it('deletes a resource, keeping its files as released until the audit window has passed', async () => {
    const file = await uploaded(db(), KEN);
    const view = await create({
      title: 'Slettes snart',
      attachments: [{ file, title: 'Vedlegg', altText: null }],
    });
    const published = await publish(view.slug, 1);
    expect(await fileForServing(db().db, file, NOW)).toMatchObject({
      public: true,
      title: 'Vedlegg',
    });
    expect(await fileUses(db().db, [file])).toEqual([{ fileId: file, deletedAt: null }]);
    expect(
      outcome(await deleteResource(db().db, { slug: view.slug, version: 1 }, ADMIN)),
    ).toMatchObject({
      kind: 'stale',
    });
    const before = await auditCount(db());
    expect(
      outcome(
        await deleteResource(db().db, { slug: view.slug, version: published.version }, ADMIN),
      ),
    ).toEqual({ kind: 'ok', value: { slug: view.slug } });
    expect(await auditCount(db())).toBe(before + 1);
    expect(await getResourceForEdit(db().db, view.slug)).toBeNull();
    expect((await search(db().db, { q: 'slettes' }, NOW)).total).toBe(0);
    const [use] = await fileUses(db().db, [file]);
    expect(use?.deletedAt).toBeInstanceOf(Date);
    expect(await fileForServing(db().db, file, NOW)).toMatchObject({
      public: false,
      organisation: KEN,
    });
    const rows = await sql<{
      n: number;
    }>`select count(*)::int as n from stored_file where id = ${file}`.execute(db().db);
    expect(rows.rows[0]?.n).toBe(1);
  });
});
