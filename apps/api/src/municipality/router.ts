import { getMunicipality, listCounties, listMunicipalities } from '@klimakommuner/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { BySlug, DEFAULT_LIMIT } from '../content/inputs.ts';
import { paged, reading } from '../content/results.ts';
import { publicProcedure } from '../trpc.ts';
import { ListMunicipalities } from './inputs.ts';

// Counties and municipalities are reference facts: anyone may read them.

export const municipalities = {
  list: publicProcedure
    .input(ListMunicipalities)
    .query(({ ctx, input }) =>
      paged(listMunicipalities(ctx.db, input ?? { limit: DEFAULT_LIMIT }, ctx.today())),
    ),
  get: publicProcedure.input(BySlug).query(
    reading(
      (ctx, { slug }) => getMunicipality(ctx.db, slug, ctx.today(), ctx.now()),
      ({ slug }) => `Fant ingen kommune med adressen «${slug}».`,
    ),
  ),
} satisfies TRPCRouterRecord;

export const counties = {
  list: publicProcedure.query(async ({ ctx }) => ({
    items: await listCounties(ctx.db, ctx.today()),
    nextCursor: null,
  })),
} satisfies TRPCRouterRecord;
