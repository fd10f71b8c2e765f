import {
  type ArticleSummary,
  type EventSummary,
  type Facet,
  LATEST_ARTICLES,
  type ResourceSummary,
} from '@klimakommuner/domain';
import { calendarHref } from '#lib/calendar/filter.ts';
import { articleSearch } from '#lib/feeds/article-filter.ts';
import { filterSearch } from '#lib/filters.ts';
import { libraryHref } from '#lib/resource-filter.ts';
import type { Api } from './api.ts';

/** How many resources another page lists before linking to the library. */
export const RELATED_LIMIT = 5;
/** How many upcoming events another page lists before linking to /arrangementer. */
export const RELATED_EVENTS_LIMIT = 3;

export interface RelatedResources {
  readonly items: readonly ResourceSummary[];
  readonly total: number;
  /** /verktoy filtered the same way: every one of them. */
  readonly href: string;
}

export interface RelatedEvents {
  readonly items: readonly EventSummary[];
  /** /arrangementer filtered the same way. */
  readonly listHref: string;
  /** Its calendar feed. */
  readonly calendarHref: string;
}

export interface LatestArticles {
  readonly items: readonly ArticleSummary[];
  /** The /aktuelt (and feed) query string of the same filter. */
  readonly search: string;
}

export interface Related {
  readonly resources: RelatedResources;
  readonly events: RelatedEvents;
  readonly news: LatestArticles;
}

/** The page the content is shown on, as each kind's filter names it. */
const NAMES = {
  organisation: {
    api: 'organisation',
    library: 'organisation',
    events: 'arrangor',
    news: 'utgiver',
  },
  project: { api: 'project', library: 'project', events: 'prosjekt', news: 'prosjekt' },
  theme: { api: 'theme', library: 'theme', events: 'tema', news: 'tema' },
  municipality: {
    api: 'municipality',
    library: 'municipality',
    events: 'kommune',
    news: 'kommune',
  },
} as const satisfies Record<string, { library: Exclude<Facet, 'kind'> } & Record<string, string>>;

/**
 * What a network, project, theme or municipality page shows of the other kinds (the newest
 * resources, the next events, the latest news) with the links to all of them: one API call,
 * one SQL statement.
 */
export async function relatedTo(
  api: Api,
  page: keyof typeof NAMES,
  value: string,
): Promise<Related> {
  const names = NAMES[page];
  const related = await api.related.get({
    [names.api]: value,
    resources: RELATED_LIMIT,
    articles: LATEST_ARTICLES,
    events: RELATED_EVENTS_LIMIT,
  });
  const events = { [names.events]: value };
  return {
    resources: {
      items: related.resources.items,
      total: related.resources.total,
      href: libraryHref(names.library, value),
    },
    events: {
      items: related.events,
      listHref: `/arrangementer${filterSearch(
        { arrangor: null, kommune: null, prosjekt: null, tema: null, ...events, fra: null },
        null,
      )}`,
      calendarHref: calendarHref(events),
    },
    news: { items: related.articles, search: articleSearch({ [names.news]: value }) },
  };
}

/** How many resources the front page lists. */
export const FRONT_RESOURCES = 4;

/** The front page's newest resources, latest news and next events of the whole site (one call). */
export async function relatedOfSite(api: Api): Promise<Related> {
  const related = await api.related.get({
    resources: FRONT_RESOURCES,
    articles: LATEST_ARTICLES,
    events: RELATED_EVENTS_LIMIT,
  });
  return {
    resources: { items: related.resources.items, total: related.resources.total, href: '/verktoy' },
    events: {
      items: related.events,
      listHref: '/arrangementer',
      calendarHref: '/arrangementer/kalender.ics',
    },
    news: { items: related.articles, search: '' },
  };
}
