import {
  addMembership,
  endMembership,
  getOrganisation,
  getOrganisationForEdit,
  getRegion,
  listMembershipsForEdit,
  listOrganisations,
  listRegions,
  setOrganisationLogo,
  transitionOrganisationProfile,
  updateOrganisationProfile,
} from '@klimakommuner/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { ByOrganisation, BySlug, TransitionBySlug } from '../content/inputs.ts';
import { renderField } from '../content/rendering.ts';
import { found, reading, writing } from '../content/results.ts';
import { procedure, publicProcedure } from '../trpc.ts';
import { AddMembership, EndMembership, SetLogo, UpdateOrganisation } from './inputs.ts';

// Each procedure: decoded input → one repository call → a value or a mapped error. The access
// check (meta) has already run against the organisation the input names.

const noOrganisation = (slug: string) => `Fant ingen organisasjon med adressen «${slug}».`;

export const organisations = {
  list: publicProcedure.query(async ({ ctx }) => ({
    items: await listOrganisations(ctx.db, ctx.today()),
    nextCursor: null,
  })),
  get: publicProcedure.input(BySlug).query(
    reading(
      (ctx, { slug }) => getOrganisation(ctx.db, slug, ctx.today(), ctx.now()),
      ({ slug }) => noOrganisation(slug),
    ),
  ),
  getForEdit: procedure
    .meta({ access: { action: 'content.read-drafts' }, resource: { input: 'slug' } })
    .input(BySlug)
    .query(
      reading(
        (ctx, { slug }) => getOrganisationForEdit(ctx.db, slug, ctx.today(), ctx.now()),
        ({ slug }) => noOrganisation(slug),
      ),
    ),
  // The description is rendered (in the worker pool when long) before the one write.
  update: procedure
    .meta({ access: { action: 'organisation.update-profile' }, resource: { input: 'slug' } })
    .input(UpdateOrganisation)
    .mutation(
      writing(async (db, input, actor, ctx) => {
        const descriptionHtml = await renderField(input.description, 'description');
        const profile = { ...input, descriptionHtml };
        return updateOrganisationProfile(db, profile, actor, ctx.today(), ctx.now());
      }),
    ),
  // Administrators only (logo.manage is a system action): the publishers' logos on the front page.
  setLogo: procedure
    .meta({ access: { action: 'logo.manage' } })
    .input(SetLogo)
    .mutation(
      writing(
        (db, input, actor) =>
          setOrganisationLogo(
            db,
            { organisation: input.organisation, file: input.file, altText: input.altText },
            actor,
          ),
        { refs: { file: 'file', organisation: 'organisation' } },
      ),
    ),
  // The action checked is actionFor(input.transition); content.submit is the least of them.
  transition: procedure
    .meta({
      access: { action: 'content.submit' },
      resource: { input: 'slug', transition: 'transition' },
    })
    .input(TransitionBySlug)
    .mutation(
      writing((db, input, actor, ctx) =>
        transitionOrganisationProfile(db, input, actor, ctx.today(), ctx.now()),
      ),
    ),
} satisfies TRPCRouterRecord;

// Regions are reference facts, public like municipalities: anyone may read them.
export const regions = {
  list: publicProcedure.query(async ({ ctx }) => ({
    items: await listRegions(ctx.db),
    nextCursor: null,
  })),
  get: publicProcedure.input(BySlug).query(
    reading(
      (ctx, { slug }) => getRegion(ctx.db, slug, ctx.today()),
      ({ slug }) => `Fant ingen region med adressen «${slug}».`,
    ),
  ),
} satisfies TRPCRouterRecord;

const manageMemberships = (resource: { input: string } | { membership: string }) =>
  procedure.meta({ access: { action: 'membership.manage' }, resource });

export const memberships = {
  list: procedure
    .meta({ access: { action: 'content.read-drafts' }, resource: { input: 'organisation' } })
    .input(ByOrganisation)
    .query(async ({ ctx, input }) => ({
      items: found(
        await listMembershipsForEdit(ctx.db, input.organisation, ctx.today()),
        noOrganisation(input.organisation),
      ),
    })),
  // `from` is a day or only a year, stored as what is known. An unknown municipality or region
  // is a field error on that input (the form keeps what was typed).
  add: manageMemberships({ input: 'organisation' })
    .input(AddMembership)
    .mutation(
      writing(
        (db, input, actor, ctx) =>
          addMembership(db, { ...input, ...input.from }, actor, ctx.today()),
        { refs: { municipality: 'municipality', region: 'region' } },
      ),
    ),
  end: manageMemberships({ membership: 'id' })
    .input(EndMembership)
    .mutation(writing((db, input, actor, ctx) => endMembership(db, input, actor, ctx.today()))),
} satisfies TRPCRouterRecord;
