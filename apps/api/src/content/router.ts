import { articlesInReview, dashboardFor, relatedContent } from '@klimakommuner/db';
import {
  type ArticleEditSummary,
  type DashboardOverview,
  dashboardOrganisations,
  Integer,
  MunicipalityNumber,
  Slug,
} from '@klimakommuner/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { Schema } from 'effect';
import { procedure, publicProcedure } from '../trpc.ts';
import { Nothing, standard } from './inputs.ts';

// What waits in the workflow, across the content kinds, for the editor who asks.
export const dashboard = {
  overview: procedure
    .meta({ access: 'signed-in' })
    .input(Nothing)
    .query(
      async ({ ctx }): Promise<DashboardOverview & { articlesInReview: ArticleEditSummary[] }> => {
        const organisations = dashboardOrganisations((await ctx.auth()).actor);
        const [overview, articles] = await Promise.all([
          dashboardFor(ctx.db, organisations),
          articlesInReview(ctx.db, organisations, ctx.now()),
        ]);
        return { ...overview, articlesInReview: articles };
      },
    ),
} satisfies TRPCRouterRecord;

/** The most of each kind one related read gives. */
const MAX_RELATED = 12;
const RelatedCount = Integer.check(
  Schema.isBetween(
    { minimum: 0, maximum: MAX_RELATED },
    { message: `Må være et heltall fra 0 til ${MAX_RELATED}.` },
  ),
);

/** At most one of the four: the page the content is shown on. */
const Related = standard(
  Schema.Struct({
    organisation: Schema.optionalKey(Slug),
    project: Schema.optionalKey(Slug),
    theme: Schema.optionalKey(Slug),
    municipality: Schema.optionalKey(MunicipalityNumber),
    resources: RelatedCount,
    articles: RelatedCount,
    events: RelatedCount,
  }).check(
    Schema.makeFilter(
      (input) =>
        [input.organisation, input.project, input.theme, input.municipality].filter(
          (value) => value !== undefined,
        ).length <= 1 || 'Velg høyst én av organisasjon, prosjekt, tema og kommune.',
    ),
  ),
);

// What a network, project, theme or municipality page (or, with no filter, the front page)
// shows of the other kinds: the newest resources and how many, the latest articles, the next
// events; public content only, one statement.
export const related = {
  get: publicProcedure.input(Related).query(({ ctx, input }) => {
    const { resources, articles, events, ...filter } = input;
    return relatedContent(ctx.db, filter, { resources, articles, events }, ctx.now());
  }),
} satisfies TRPCRouterRecord;
