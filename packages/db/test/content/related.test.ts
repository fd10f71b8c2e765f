import { Result } from 'effect';
import { beforeAll, expect, it } from 'vitest';
import {
  createArticle,
  createEvent,
  createResource,
  relatedContent,
  seedDemoEvents,
  transitionArticle,
  transitionEvent,
  transitionResource,
} from '../../src/index.ts';
import { articleDraft } from '../article/support.ts';
import { onEachEngine } from '../engines.ts';
import { ADMIN, countingQueries } from '../fixtures.ts';
import { draft as resourceDraft } from '../resource/support.ts';

const KKO = 'kommunenettverk-for-klimaomstilling';
const KEN = 'ken';
const NOW = new Date('2026-11-30T12:00:00Z');
const LIMITS = { resources: 5, articles: 3, events: 3 };

const ok = <T>(result: Result.Result<T, unknown>): T => {
  if (Result.isFailure(result)) throw result.failure;
  return result.success;
};

onEachEngine('related content', (db) => {
  beforeAll(async () => {
    const d = db().db;
    // A published and a draft resource of KEN's, a published article of KKO's and one of KEN's.
    const resource = ok(await createResource(d, resourceDraft({ title: 'Kens veileder' }), ADMIN));
    ok(
      await transitionResource(
        d,
        { slug: resource.slug, version: 1, transition: 'publish' },
        ADMIN,
      ),
    );
    ok(await createResource(d, resourceDraft({ title: 'Kens utkast' }), ADMIN));
    for (const [publisher, title] of [
      [KKO, 'Nytt fra nettverket'],
      [KEN, 'Nytt fra Follo'],
    ] as const) {
      const article = ok(await createArticle(d, articleDraft({ publisher, title }), ADMIN));
      ok(
        await transitionArticle(
          d,
          { slug: article.slug, version: 1, transition: 'publish' },
          ADMIN,
        ),
      );
    }
    ok(await createArticle(d, articleDraft({ publisher: KEN, title: 'Et utkast' }), ADMIN));
    await seedDemoEvents(d, '2026-11-30');
    // An event of KEN's that is over by NOW.
    const past = ok(
      await createEvent(
        d,
        {
          title: 'Et møte som er over',
          summary: '',
          description: '',
          descriptionHtml: '',
          timing: {
            allDay: false,
            start: '2026-11-02T08:00:00.000Z',
            end: '2026-11-02T10:00:00.000Z',
          },
          address: 'Ås rådhus',
          onlineUrl: null,
          organiser: KEN,
          project: null,
          themes: [],
          municipalities: [],
          registrationUrl: null,
          registrationDeadline: null,
          capacityNote: '',
          status: 'planned',
          statusNote: '',
        },
        ADMIN,
      ),
    );
    ok(await transitionEvent(d, { slug: past.slug, version: 1, transition: 'publish' }, ADMIN));
  });

  it('gives an organisation its own public resources, articles and upcoming events, in one statement', async () => {
    const { db: counted, count } = countingQueries(db());
    let related: Awaited<ReturnType<typeof relatedContent>> | undefined;
    expect(
      await count(async () => {
        related = await relatedContent(counted, { organisation: KEN }, LIMITS, NOW);
      }),
    ).toBe(1);
    if (!related) throw new Error('no answer');
    expect(related.resources.items.map((r) => r.title)).toEqual(['Kens veileder']);
    expect(related.resources.total).toBe(1);
    expect(related.articles.map((a) => a.title)).toEqual(['Nytt fra Follo']);
    expect(related.articles[0]?.publishedAt).toMatch(/Z$/);
    expect(related.events.length).toBeGreaterThan(0);
    for (const event of related.events) {
      expect(event.organiser.slug).toBe(KEN);
      expect(new Date(event.endsAt).getTime()).toBeGreaterThan(NOW.getTime());
    }
    expect(related.events.map((e) => e.title)).not.toContain('Et møte som er over');
    const starts = related.events.map((e) => e.startsAt);
    expect(starts).toEqual([...starts].sort());
  });

  it('with no filter gives the whole site, newest and soonest first, within the limits', async () => {
    const related = await relatedContent(
      db().db,
      {},
      { resources: 1, articles: 1, events: 2 },
      NOW,
    );
    expect(related.resources.items).toHaveLength(1);
    expect(related.resources.total).toBeGreaterThanOrEqual(1);
    expect(related.articles).toHaveLength(1);
    expect(related.events).toHaveLength(2);
    const none = await relatedContent(db().db, { theme: 'finnes-ikke' }, LIMITS, NOW);
    expect(none).toEqual({ resources: { items: [], total: 0 }, articles: [], events: [] });
  });
});
