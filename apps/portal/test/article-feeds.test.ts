import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiClient } from '@klimakommuner/api';
import { type RunningServer, startServer } from '@klimakommuner/api/server';
import type { ArticleDetail } from '@klimakommuner/domain';
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArticleFeed } from '../src/lib/feeds/articles.ts';

// The RSS and Atom feeds of /aktuelt, parsed with a real feed parser: built from what the API's
// articles.feed answers (a real API on an in-memory database), so a draft, a scheduled article
// and another project's article are left out by the same read the portal's route makes.

const ORIGIN = 'https://klimakommuner.example';
const KKO = 'kommunenettverk-for-klimaomstilling';
const PROJECT = 'ombruk-i-egen-kommuneorganisasjon';

let server: RunningServer;
let filesDir: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'kk-portal-feeds-'));
  process.env.FILES_DIR = filesDir;
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dbConfig: { pgliteDir: 'memory://' },
    cache: false,
    afterMigrate: async ({ db }) => {
      const kko = await db
        .selectFrom('organisation')
        .select('id')
        .where('slug', '=', KKO)
        .executeTakeFirstOrThrow();
      const project = await db
        .selectFrom('project')
        .select('id')
        .where('slug', '=', PROJECT)
        .executeTakeFirstOrThrow();
      const add = async (
        slug: string,
        title: string,
        status: 'draft' | 'published',
        publishedAt: string | null,
        projectId: string | null = null,
      ) => {
        const row = await db
          .insertInto('article')
          .values({
            slug,
            title,
            lead: `Ingress for ${title}.`,
            body: 'Tekst med <b>fet</b> skrift & mer.',
            body_html: '<p>Tekst med <strong>fet</strong> skrift &amp; mer.</p>',
            publisher_organisation_id: kko.id,
            project_id: projectId,
            workflow_status: status,
            published_at: publishedAt,
            publish_at: publishedAt,
            author_name: 'Kari Nordmann',
            updated_at: publishedAt ?? '2026-11-01T10:00:00Z',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids[slug] = row.id;
      };
      await add(
        'gammel-nyhet',
        'Gammel nyhet om ombruk',
        'published',
        '2026-11-02T09:00:00Z',
        project.id,
      );
      await add('ny-nyhet', 'Ny nyhet fra nettverket', 'published', '2026-11-20T09:00:00Z');
      await add('hemmelig-utkast', 'Hemmelig utkast', 'draft', null, project.id);
      await add(
        'fremtidig-nyhet',
        'Nyhet publisert i 2099',
        'published',
        '2099-01-01T09:00:00Z',
        project.id,
      );
    },
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await rm(filesDir, { recursive: true, force: true });
});

const feedItems = async (filter: { project?: string } = {}): Promise<ArticleDetail[]> => [
  ...(await createApiClient(server.url).articles.feed.query(filter)).items,
];

describe('the article feeds', () => {
  it('gives RSS 2.0 with titles, absolute links, stable guids and dates, drafts and scheduled ones absent', async () => {
    const items = await feedItems();
    const rss = buildArticleFeed(ORIGIN, {}, items).rss2();
    const feed = parseFeed(rss);
    expect(feed.meta.type).toBe('rss');
    expect(feed.title).toBe('Aktuelt – Klimakommuner');
    expect(feed.url).toBe(`${ORIGIN}/aktuelt`);
    expect(feed.items.map((i) => i.title)).toEqual([
      'Ny nyhet fra nettverket',
      'Gammel nyhet om ombruk',
    ]);
    const [newest] = feed.items;
    expect(newest?.url).toBe(`${ORIGIN}/aktuelt/ny-nyhet`);
    expect(newest?.id).toBe(`urn:uuid:${ids['ny-nyhet']}`);
    expect(newest?.published?.toISOString()).toBe('2026-11-20T09:00:00.000Z');
    expect(newest?.content).toContain('<strong>fet</strong>');
    expect(newest?.description).toBe('Ingress for Ny nyhet fra nettverket.');
    expect(rss).not.toContain('Hemmelig utkast');
    expect(rss).not.toContain('2099');
  });

  it('gives Atom with the same articles, ids and dates', async () => {
    const atom = buildArticleFeed(ORIGIN, {}, await feedItems()).atom1();
    const feed = parseFeed(atom);
    expect(feed.meta.type).toBe('atom');
    expect(feed.self).toBe(`${ORIGIN}/aktuelt/atom.xml`);
    expect(feed.items.map((i) => [i.title, i.url, i.id])).toEqual([
      ['Ny nyhet fra nettverket', `${ORIGIN}/aktuelt/ny-nyhet`, `urn:uuid:${ids['ny-nyhet']}`],
      [
        'Gammel nyhet om ombruk',
        `${ORIGIN}/aktuelt/gammel-nyhet`,
        `urn:uuid:${ids['gammel-nyhet']}`,
      ],
    ]);
    expect(feed.items[1]?.updated?.toISOString()).toBe('2026-11-02T09:00:00.000Z');
    expect(feed.updated?.toISOString()).toBe('2026-11-20T09:00:00.000Z');
    expect(feed.items[0]?.authors.map((a) => a.name)).toEqual(['Kari Nordmann']);
  });

  it('gives a per-project feed with only that project’s published articles', async () => {
    const items = await feedItems({ project: PROJECT });
    const filter = { prosjekt: PROJECT };
    const rss = parseFeed(buildArticleFeed(ORIGIN, filter, items).rss2());
    expect(rss.items.map((i) => i.url)).toEqual([`${ORIGIN}/aktuelt/gammel-nyhet`]);
    expect(rss.url).toBe(`${ORIGIN}/aktuelt?prosjekt=${PROJECT}`);
    expect(rss.title).toMatch(/^Aktuelt i prosjektet .+ – Klimakommuner$/);
    const atom = parseFeed(buildArticleFeed(ORIGIN, filter, items).atom1());
    expect(atom.items.map((i) => i.title)).toEqual(['Gammel nyhet om ombruk']);
    expect(atom.self).toBe(`${ORIGIN}/aktuelt/atom.xml?prosjekt=${PROJECT}`);
  });
});
