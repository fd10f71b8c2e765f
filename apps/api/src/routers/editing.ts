import type {
  AuditEntry,
  DashboardOverview,
  MembershipEditView,
  OrganisationEditView,
  Page,
} from '@klimakommuner/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import * as editing from '../editing.ts';
import {
  AddMembership,
  AuditHistory,
  AuditList,
  BySlug,
  ByOrganisation,
  EndMembership,
  Nothing,
  TransitionOrganisation,
  UpdateOrganisation,
} from '../inputs.ts';
import { type Ctx, procedure } from '../trpc.ts';

// Each procedure: decoded input → one service call → a value or a mapped error. The access
// check (meta) has already run against the organisation the input names.

const clock = (ctx: Ctx): editing.Clock => ({ today: ctx.today(), now: ctx.now() });

/** Editors' procedures on organisations, merged into the public `organisations` router. */
export const organisationEditing = {
  getForEdit: procedure
    .meta({ access: { action: 'content.read-drafts' }, resource: { input: 'slug' } })
    .input(BySlug)
    .query(
      ({ ctx, input }): Promise<OrganisationEditView> =>
        editing.getForEdit(ctx.db, input.slug, clock(ctx)),
    ),
  update: procedure
    .meta({ access: { action: 'organisation.update-profile' }, resource: { input: 'slug' } })
    .input(UpdateOrganisation)
    .mutation(
      async ({ ctx, input }): Promise<OrganisationEditView> =>
        editing.updateProfile(ctx.db, input, await ctx.auth(), clock(ctx)),
    ),
  // The action checked is actionFor(input.transition); content.submit is the least of them.
  transition: procedure
    .meta({
      access: { action: 'content.submit' },
      resource: { input: 'slug', transition: 'transition' },
    })
    .input(TransitionOrganisation)
    .mutation(
      async ({ ctx, input }): Promise<OrganisationEditView> =>
        editing.transitionProfile(ctx.db, input, await ctx.auth(), clock(ctx)),
    ),
} satisfies TRPCRouterRecord;

export const memberships = {
  list: procedure
    .meta({ access: { action: 'content.read-drafts' }, resource: { input: 'organisation' } })
    .input(ByOrganisation)
    .query(
      ({ ctx, input }): Promise<{ items: MembershipEditView[] }> =>
        editing.listMemberships(ctx.db, input.organisation, ctx.today()),
    ),
  add: procedure
    .meta({ access: { action: 'membership.manage' }, resource: { input: 'organisation' } })
    .input(AddMembership)
    .mutation(
      async ({ ctx, input }): Promise<MembershipEditView> =>
        editing.addMembershipTo(ctx.db, input, await ctx.auth(), ctx.today()),
    ),
  end: procedure
    .meta({ access: { action: 'membership.manage' }, resource: { membership: 'id' } })
    .input(EndMembership)
    .mutation(
      async ({ ctx, input }): Promise<MembershipEditView> =>
        editing.endMembershipOn(ctx.db, input, await ctx.auth(), ctx.today()),
    ),
} satisfies TRPCRouterRecord;

export const audit = {
  history: procedure
    .meta({ access: { action: 'history.read' }, resource: { record: true } })
    .input(AuditHistory)
    .query(({ ctx, input }): Promise<Page<AuditEntry>> => editing.history(ctx.db, input)),
  list: procedure
    .meta({ access: { action: 'audit.read-all' } })
    .input(AuditList)
    .query(({ ctx, input }): Promise<Page<AuditEntry>> => editing.auditPage(ctx.db, input)),
} satisfies TRPCRouterRecord;

export const dashboard = {
  overview: procedure
    .meta({ access: 'signed-in' })
    .input(Nothing)
    .query(
      async ({ ctx }): Promise<DashboardOverview> => editing.overview(ctx.db, await ctx.auth()),
    ),
} satisfies TRPCRouterRecord;
