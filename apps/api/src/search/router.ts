import { searchSite, sitemapEntries } from '@klimakommuner/db';
import { Cursor, MAX_SEARCH_QUERY, maxText, SiteSearchType } from '@klimakommuner/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { Schema } from 'effect';
import { standard } from '../content/inputs.ts';
import { paged } from '../content/results.ts';
import { SearchLimit } from '../resource/inputs.ts';
import { publicProcedure } from '../trpc.ts';

// One search over everything published (`/sok`): municipalities, networks, projects, resources,
// articles and events in one ranked list, with the kinds as a facet.

const SiteSearch = standard(
  Schema.Struct({
    q: maxText(MAX_SEARCH_QUERY),
    type: Schema.optionalKey(SiteSearchType),
    limit: Schema.optionalKey(SearchLimit),
    cursor: Schema.optionalKey(Cursor),
  }),
);

export const search = {
  site: publicProcedure
    .input(SiteSearch)
    .query(({ ctx, input }) => paged(searchSite(ctx.db, input, ctx.now()))),
  // Every item with a public page now (what search finds), for the portal's sitemap.
  sitemap: publicProcedure.query(async ({ ctx }) => ({
    items: await sitemapEntries(ctx.db, ctx.now()),
  })),
} satisfies TRPCRouterRecord;
