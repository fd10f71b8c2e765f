import { Result } from 'effect';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import {
  articleFilterOptions,
  articleOrganisation,
  createArticle,
  deleteArticle,
  feedArticles,
  fileForServing,
  fileUses,
  getArticle,
  getArticleForEdit,
  InvalidCursorError,
  latestArticles,
  listArticles,
  listArticlesForEdit,
  sitemapEntries,
  transitionArticle,
  updateArticle,
} from '../../src/index.ts';
import { onEachEngine } from '../engines.ts';
import { ADMIN, auditCount, countingQueries, outcome } from '../fixtures.ts';
import { articleDraft, KEN, KKO, uploaded } from './support.ts';

const NOW = new Date('2026-12-03T12:00:00Z');
const PROJECT = 'ombruk-i-egen-kommuneorganisasjon';

onEachEngine('articles', (db) => {
  const create = async (overrides: Parameters<typeof articleDraft>[0] = {}) => {
    const created = await createArticle(db().db, articleDraft(overrides), ADMIN);
    if (Result.isFailure(created)) throw created.failure;
    return created.success;
  };
  const publish = async (slug: string, version: number, publishAt?: string) => {
    const published = await transitionArticle(
      db().db,
      { slug, version, transition: 'publish', publishAt },
      ADMIN,
    );
    if (Result.isFailure(published)) throw published.failure;
    return published.success;
  };
  const searchRow = async (id: string) =>
    (
      await sql<{
        slug: string;
        summary: string;
        visible_from: Date | null;
        project: string | null;
      }>`select slug, summary, visible_from, project from search_document
        where type = 'article' and id = ${id}`.execute(db().db)
    ).rows[0] ?? null;

  it('creates a draft with image, author, themes and municipalities, audited', async () => {
    const image = await uploaded(db(), KKO, { image: true });
    const before = await auditCount(db());
    const view = await create({
      project: PROJECT,
      image: { file: image, altText: 'Solceller på taket', credit: 'Foto: Ola' },
    });
    expect(view).toMatchObject({
      slug: 'nytt-klimaregnskap-for-follo',
      workflowStatus: 'draft',
      version: 1,
      publisher: { slug: KKO },
      projectSlug: PROJECT,
      themes: [{ slug: 'utslippskutt' }],
      municipalities: [{ number: '3218', name: 'Ås' }],
      author: { name: 'Kari Nordmann', person: null },
      image: {
        file: image,
        url: `/files/${image}`,
        altText: 'Solceller på taket',
        credit: 'Foto: Ola',
        widths: [320],
      },
      publishedAt: null,
    });
    expect(await auditCount(db())).toBe(before + 1);
    expect(await articleOrganisation(db().db, view.slug)).toBe(KKO);
    expect(await getArticle(db().db, view.slug, NOW)).toBeNull();
    expect(await searchRow(view.id)).toBeNull();
    // A draft's image is not public.
    expect((await fileForServing(db().db, image, NOW))?.public).toBe(false);
    expect(await fileUses(db().db, [image])).toEqual([{ fileId: image, deletedAt: null }]);
  });

  it('refuses what the rules refuse, and images the publisher did not upload', async () => {
    const theirs = await uploaded(db(), KEN, { image: true });
    const pdf = await uploaded(db(), KKO);
    const image = await uploaded(db(), KKO, { image: true });
    const attempt = (overrides: Parameters<typeof articleDraft>[0]) =>
      createArticle(db().db, articleDraft(overrides), ADMIN).then(outcome);
    expect(await attempt({ image: { file: theirs, altText: 'x', credit: '' } })).toMatchObject({
      kind: 'not-found',
      error: { recordType: 'file' },
    });
    expect(await attempt({ image: { file: pdf, altText: 'x', credit: '' } })).toMatchObject({
      kind: 'refused',
      error: { _tag: 'ArticleImageNotAnImage' },
    });
    expect(await attempt({ image: { file: image, altText: ' ', credit: '' } })).toMatchObject({
      kind: 'refused',
      error: { _tag: 'ArticleImageAltTextMissing' },
    });
    expect(await attempt({ publisher: KEN, project: PROJECT })).toMatchObject({
      kind: 'refused',
      error: { _tag: 'ArticleProjectNotOfPublisher' },
    });
    expect(await attempt({ themes: ['finnes-ikke'] })).toMatchObject({
      kind: 'not-found',
      error: { recordType: 'theme' },
    });
    expect(
      await attempt({ author: { name: '', person: '00000000-0000-4000-8000-000000000000' } }),
    ).toMatchObject({ kind: 'not-found', error: { recordType: 'person' } });
  });

  it('takes the author from a person record', async () => {
    const person = await db()
      .db.selectFrom('person')
      .select(['id', 'name'])
      .executeTakeFirstOrThrow();
    const view = await create({ author: { name: '', person: person.id } });
    expect(view.author).toMatchObject({ name: person.name, person: { id: person.id } });
  });

  it('publishes, lists newest first, writes the search document; drafts and scheduled ones stay out', async () => {
    const older = await create({ title: 'Eldre nyhet' });
    await publish(older.slug, older.version, '2026-12-01T08:00:00.000Z');
    const newer = await create({
      title: 'Nyere nyhet',
      project: PROJECT,
      themes: ['sirkularitet'],
    });
    const published = await publish(newer.slug, newer.version, '2026-12-02T08:00:00.000Z');
    expect(published.publishedAt).toBe('2026-12-02T08:00:00.000Z');
    await create({ title: 'Hemmelig utkast' });
    const later = await create({ title: 'Planlagt nyhet' });
    await publish(later.slug, later.version, '2026-12-10T08:00:00.000Z');

    const page = await listArticles(db().db, {}, NOW);
    expect(page.items.map((a) => a.slug)).toEqual(['nyere-nyhet', 'eldre-nyhet']);
    expect(page.nextCursor).toBeNull();
    expect(await getArticle(db().db, 'planlagt-nyhet', NOW)).toBeNull();
    expect(await getArticle(db().db, 'hemmelig-utkast', NOW)).toBeNull();
    expect((await getArticle(db().db, 'nyere-nyhet', NOW))?.project).toMatchObject({
      slug: PROJECT,
    });
    // Scheduled: listed once its time has come.
    const after = new Date('2026-12-11T00:00:00Z');
    expect((await listArticles(db().db, {}, after)).items.map((a) => a.slug)[0]).toBe(
      'planlagt-nyhet',
    );

    // Filters.
    const slugs = async (filter: Parameters<typeof listArticles>[1]) =>
      (await listArticles(db().db, filter, NOW)).items.map((a) => a.slug);
    expect(await slugs({ project: PROJECT })).toEqual(['nyere-nyhet']);
    expect(await slugs({ theme: 'sirkularitet' })).toEqual(['nyere-nyhet']);
    expect(await slugs({ theme: 'utslippskutt' })).toEqual(['eldre-nyhet']);
    expect(await slugs({ publisher: KKO })).toEqual(['nyere-nyhet', 'eldre-nyhet']);
    expect(await slugs({ publisher: KEN })).toEqual([]);
    expect(await slugs({ municipality: '3218' })).toEqual(['nyere-nyhet', 'eldre-nyhet']);
    expect(await slugs({ municipality: '0301' })).toEqual([]);

    // Keyset pages.
    const first = await listArticles(db().db, { limit: 1 }, NOW);
    expect(first.items.map((a) => a.slug)).toEqual(['nyere-nyhet']);
    const second = await listArticles(db().db, { limit: 1, cursor: first.nextCursor ?? '' }, NOW);
    expect(second.items.map((a) => a.slug)).toEqual(['eldre-nyhet']);
    expect(second.nextCursor).toBeNull();
    await expect(listArticles(db().db, { cursor: 'nonsense' }, NOW)).rejects.toBeInstanceOf(
      InvalidCursorError,
    );

    // The filters offer only what public articles have.
    const options = await articleFilterOptions(db().db, NOW);
    expect(options.publishers.map((o) => o.value)).toEqual([KKO]);
    expect(options.projects.map((o) => o.value)).toEqual([PROJECT]);
    expect(options.themes.map((o) => o.value).sort()).toEqual(['sirkularitet', 'utslippskutt']);

    expect((await latestArticles(db().db, 1, {}, NOW)).map((a) => a.slug)).toEqual(['nyere-nyhet']);
    const feed = await feedArticles(db().db, 20, { project: PROJECT }, NOW);
    expect(feed.map((a) => [a.slug, a.bodyHtml.includes('<strong>')])).toEqual([
      ['nyere-nyhet', true],
    ]);
    // The sitemap (what search finds): the two published ones, not the draft or the scheduled one.
    expect(
      (await sitemapEntries(db().db, NOW)).filter((e) => e.type === 'article').map((e) => e.slug),
    ).toEqual(['eldre-nyhet', 'nyere-nyhet']);

    // The search document: published only, the scheduled one held back by visible_from.
    expect(await searchRow(newer.id)).toMatchObject({
      slug: 'nyere-nyhet',
      summary: 'Kommunene i Follo har fått et felles klimaregnskap.',
      project: PROJECT,
    });
    expect((await searchRow(later.id))?.visible_from).toEqual(new Date('2026-12-10T08:00:00Z'));
    const unpublished = await transitionArticle(
      db().db,
      { slug: published.slug, version: published.version, transition: 'unpublish' },
      ADMIN,
    );
    expect(Result.isSuccess(unpublished)).toBe(true);
    expect(await searchRow(newer.id)).toBeNull();
    const forEdit = (await listArticlesForEdit(db().db, KKO, NOW)).map((a) => a.slug);
    expect(forEdit).toEqual(
      expect.arrayContaining(['hemmelig-utkast', 'planlagt-nyhet', 'nyere-nyhet', 'eldre-nyhet']),
    );
  });

  it('lists a page and the latest in one statement each', async () => {
    const a = await create({ title: 'En' });
    await publish(a.slug, a.version);
    const { db: counted, count } = countingQueries(db());
    expect(await count(() => listArticles(counted, { theme: 'utslippskutt' }, NOW))).toBe(1);
    expect(await count(() => latestArticles(counted, 3, { publisher: KKO }, NOW))).toBe(1);
    expect(await count(() => getArticle(counted, a.slug, NOW))).toBe(1);
    expect(await count(() => feedArticles(counted, 20, {}, NOW))).toBe(1);
    expect(await count(() => articleFilterOptions(counted, NOW))).toBe(1);
  });

  it('refuses to publish without a lead, updates at version, conflicts when stale', async () => {
    const view = await create({ lead: '' });
    expect(
      outcome(
        await transitionArticle(
          db().db,
          { slug: view.slug, version: view.version, transition: 'publish' },
          ADMIN,
        ),
      ),
    ).toMatchObject({ kind: 'refused', error: { _tag: 'ArticleNotPublishable' } });
    const { publisher: _p, ...fields } = articleDraft({ lead: 'Nå med ingress.' });
    const updated = await updateArticle(
      db().db,
      { ...fields, slug: view.slug, version: view.version },
      ADMIN,
    );
    expect(outcome(updated)).toMatchObject({
      kind: 'ok',
      value: { lead: 'Nå med ingress.', version: 2 },
    });
    const stale = await updateArticle(
      db().db,
      { ...fields, slug: view.slug, version: view.version },
      ADMIN,
    );
    expect(outcome(stale)).toMatchObject({ kind: 'stale', current: { version: 2 } });
    const published = await publish(view.slug, 2);
    // A published article stays publishable.
    expect(
      outcome(
        await updateArticle(
          db().db,
          { ...fields, lead: '', slug: view.slug, version: published.version },
          ADMIN,
        ),
      ),
    ).toMatchObject({ kind: 'refused', error: { _tag: 'ArticleNotPublishable' } });
  });

  it('makes a public article’s image public, and releases it on delete', async () => {
    const image = await uploaded(db(), KKO, { image: true });
    const view = await create({ image: { file: image, altText: 'Et tak', credit: '' } });
    const published = await publish(view.slug, view.version);
    expect((await fileForServing(db().db, image, NOW))?.public).toBe(true);
    expect(await getArticleForEdit(db().db, view.slug)).not.toBeNull();
    const deleted = await deleteArticle(
      db().db,
      { slug: view.slug, version: published.version },
      ADMIN,
    );
    expect(outcome(deleted)).toMatchObject({ kind: 'ok' });
    expect(await searchRow(view.id)).toBeNull();
    const uses = await fileUses(db().db, [image]);
    expect(uses).toHaveLength(1);
    expect(uses[0]?.deletedAt).toBeInstanceOf(Date);
  });
});
