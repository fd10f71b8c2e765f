import {
  getMunicipality,
  getOrganisation,
  InvalidCursorError,
  listCounties,
  listMunicipalities,
  listOrganisations,
} from '@klimakommuner/db';
import type {
  CountyView,
  MunicipalityDetail,
  MunicipalityListItem,
  OrganisationDetail,
  OrganisationSummary,
  Page,
} from '@klimakommuner/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { DomainError, notFound } from './errors.ts';
import { BySlug, DEFAULT_LIMIT, ListMunicipalities } from './inputs.ts';
import { auth, tokens, users } from './routers/accounts.ts';
import { audit, dashboard, memberships, organisationEditing } from './routers/editing.ts';
import { participations, people, projects, themes } from './routers/projects.ts';
import { publicProcedure, router } from './trpc.ts';

// Each procedure: decoded input → one query → a value or a mapped error. Nothing else lives here.

const organisations = {
  list: publicProcedure.query(
    async ({ ctx }): Promise<Page<OrganisationSummary>> => ({
      items: await listOrganisations(ctx.db, ctx.today()),
      nextCursor: null,
    }),
  ),
  get: publicProcedure.input(BySlug).query(async ({ ctx, input }): Promise<OrganisationDetail> => {
    const found = await getOrganisation(ctx.db, input.slug, ctx.today(), ctx.now());
    if (found === null) throw notFound(`Fant ingen organisasjon med adressen «${input.slug}».`);
    return found;
  }),
  ...organisationEditing,
} satisfies TRPCRouterRecord;

const municipalities = {
  list: publicProcedure.input(ListMunicipalities).query(
    ({ ctx, input }): Promise<Page<MunicipalityListItem>> =>
      listMunicipalities(ctx.db, input ?? { limit: DEFAULT_LIMIT }, ctx.today()).catch(
        (error: unknown) => {
          if (!(error instanceof InvalidCursorError)) throw error;
          throw new DomainError('BAD_REQUEST', 'InvalidCursor', 'Ugyldig sidemarkør.', error);
        },
      ),
  ),
  get: publicProcedure.input(BySlug).query(async ({ ctx, input }): Promise<MunicipalityDetail> => {
    const found = await getMunicipality(ctx.db, input.slug, ctx.today());
    if (found === null) throw notFound(`Fant ingen kommune med adressen «${input.slug}».`);
    return found;
  }),
} satisfies TRPCRouterRecord;

const counties = {
  list: publicProcedure.query(
    async ({ ctx }): Promise<Page<CountyView>> => ({
      items: await listCounties(ctx.db, ctx.today()),
      nextCursor: null,
    }),
  ),
} satisfies TRPCRouterRecord;

export const appRouter = router({
  organisations,
  municipalities,
  counties,
  auth,
  users,
  tokens,
  memberships,
  audit,
  dashboard,
  themes,
  projects,
  participations,
  people,
});

export type AppRouter = typeof appRouter;
