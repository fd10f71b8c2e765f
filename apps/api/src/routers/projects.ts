import type { ContactCandidate } from '@klimakommuner/db';
import type {
  MatrixView,
  Page,
  ParticipationEditView,
  PersonEditView,
  ProjectDetail,
  ProjectEditView,
  ProjectSummary,
  ThemeDetail,
  ThemeView,
} from '@klimakommuner/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { BySlug } from '../inputs.ts';
import {
  AddParticipation,
  ByOrganisation,
  BySlugVersion,
  ContactCandidates,
  CreatePerson,
  CreateProject,
  ListPeople,
  ListProjects,
  ListThemes,
  Matrix,
  Preview,
  PublishProject,
  SetParticipationContact,
  SetParticipationStatus,
  TransitionProject,
  UpdatePerson,
  UpdateProject,
  UpdateTheme,
  WithdrawParticipation,
} from '../project-inputs.ts';
import * as service from '../projects.ts';
import { procedure, publicProcedure } from '../trpc.ts';

// Each procedure: decoded input → one service call → a value or a mapped error. The access
// check (meta) has already run against the organisation that owns what the input names:
// projects are content (content.* on the owner), participations participation.manage on the
// project's owner, people person.manage on their organisation, themes theme.manage (admin).

export const themes = {
  list: publicProcedure
    .input(ListThemes)
    .query(({ ctx }): Promise<Page<ThemeView>> => service.themes(ctx.db, ctx.now())),
  get: publicProcedure
    .input(BySlug)
    .query(({ ctx, input }): Promise<ThemeDetail> => service.theme(ctx.db, input.slug, ctx.now())),
  // For the admin's theme editor: the themes with their versions.
  listForEdit: procedure
    .meta({ access: { action: 'theme.manage' } })
    .input(ListThemes)
    .query(({ ctx }) => service.themesForEdit(ctx.db, ctx.now())),
  update: procedure
    .meta({ access: { action: 'theme.manage' } })
    .input(UpdateTheme)
    .mutation(
      async ({ ctx, input }): Promise<ThemeView & { readonly version: number }> =>
        service.saveTheme(ctx.db, input, await ctx.auth(), ctx.now()),
    ),
} satisfies TRPCRouterRecord;

export const projects = {
  list: publicProcedure
    .input(ListProjects)
    .query(
      ({ ctx, input }): Promise<Page<ProjectSummary>> => service.projects(ctx.db, input, ctx.now()),
    ),
  get: publicProcedure
    .input(BySlug)
    .query(
      ({ ctx, input }): Promise<ProjectDetail> => service.project(ctx.db, input.slug, ctx.now()),
    ),
  // For the admin: an organisation's projects whatever their workflow status.
  listForEdit: procedure
    .meta({ access: { action: 'content.read-drafts' }, resource: { input: 'organisation' } })
    .input(ByOrganisation)
    .query(
      ({ ctx, input }): Promise<{ items: service.ProjectEditSummary[] }> =>
        service.projectsForEdit(ctx.db, input.organisation, ctx.now()),
    ),
  // The admin's preview of a body not saved yet: the same sanitised rendering as a save.
  preview: procedure
    .meta({ access: 'signed-in' })
    .input(Preview)
    .mutation(({ input }): { bodyHtml: string } => service.preview(input.body)),
  getForEdit: procedure
    .meta({ access: { action: 'content.read-drafts' }, resource: { project: 'slug' } })
    .input(BySlug)
    .query(
      ({ ctx, input }): Promise<ProjectEditView> =>
        service.projectForEdit(ctx.db, input.slug, ctx.now()),
    ),
  create: procedure
    .meta({ access: { action: 'content.create' }, resource: { input: 'organisation' } })
    .input(CreateProject)
    .mutation(
      async ({ ctx, input }): Promise<{ slug: string; version: number }> =>
        service.create(ctx.db, input, await ctx.auth(), ctx.now()),
    ),
  // The action checked is editAction(the project's workflow status): edit-draft or edit-published.
  update: procedure
    .meta({
      access: { action: 'content.edit-draft' },
      resource: { project: 'slug', edit: true },
    })
    .input(UpdateProject)
    .mutation(
      async ({ ctx, input }): Promise<ProjectEditView> =>
        service.update(ctx.db, input, await ctx.auth(), ctx.now()),
    ),
  publish: procedure
    .meta({ access: { action: 'content.publish' }, resource: { project: 'slug' } })
    .input(PublishProject)
    .mutation(
      async ({ ctx, input }): Promise<ProjectEditView> =>
        service.transition(
          ctx.db,
          { ...input, transition: 'publish' },
          await ctx.auth(),
          ctx.now(),
        ),
    ),
  archive: procedure
    .meta({ access: { action: 'content.archive' }, resource: { project: 'slug' } })
    .input(BySlugVersion)
    .mutation(
      async ({ ctx, input }): Promise<ProjectEditView> =>
        service.transition(
          ctx.db,
          { ...input, transition: 'archive' },
          await ctx.auth(),
          ctx.now(),
        ),
    ),
  // The action checked is actionFor(input.transition); content.submit is the least of them.
  transition: procedure
    .meta({
      access: { action: 'content.submit' },
      resource: { project: 'slug', transition: 'transition' },
    })
    .input(TransitionProject)
    .mutation(
      async ({ ctx, input }): Promise<ProjectEditView> =>
        service.transition(ctx.db, input, await ctx.auth(), ctx.now()),
    ),
} satisfies TRPCRouterRecord;

const manageParticipation = procedure.meta({
  access: { action: 'participation.manage' },
  resource: { participation: 'id' },
});

export const participations = {
  matrix: publicProcedure
    .input(Matrix)
    .query(
      ({ ctx, input }): Promise<MatrixView> =>
        service.matrix(ctx.db, input.organisation, ctx.today(), ctx.now()),
    ),
  // A withdrawn participation rejoins (same record, the history continues).
  add: procedure
    .meta({ access: { action: 'participation.manage' }, resource: { project: 'project' } })
    .input(AddParticipation)
    .mutation(
      async ({ ctx, input }): Promise<ParticipationEditView> =>
        service.addTo(ctx.db, input, await ctx.auth(), ctx.today()),
    ),
  setStatus: manageParticipation
    .input(SetParticipationStatus)
    .mutation(
      async ({ ctx, input }): Promise<ParticipationEditView> =>
        service.setStatus(ctx.db, input, await ctx.auth()),
    ),
  withdraw: manageParticipation
    .input(WithdrawParticipation)
    .mutation(
      async ({ ctx, input }): Promise<ParticipationEditView> =>
        service.withdraw(ctx.db, input, await ctx.auth()),
    ),
  // Any status; `contact: null` clears it. Only a person of the project's owner organisation or
  // of the participation's municipality (see contactCandidates): else BAD_REQUEST on `contact`.
  setContact: manageParticipation
    .input(SetParticipationContact)
    .mutation(
      async ({ ctx, input }): Promise<ParticipationEditView> =>
        service.setContact(ctx.db, input, await ctx.auth()),
    ),
  // The people setContact accepts in the project's participations (no email or phone): the
  // owner's, and each participating municipality's (filter by `municipality.number`).
  contactCandidates: procedure
    .meta({ access: { action: 'participation.manage' }, resource: { project: 'project' } })
    .input(ContactCandidates)
    .query(
      ({ ctx, input }): Promise<ContactCandidate[]> =>
        service.contactCandidates(ctx.db, input.project),
    ),
} satisfies TRPCRouterRecord;

export const people = {
  // Without an organisation: everyone, which only an admin may list.
  list: procedure
    .meta({ access: { action: 'person.manage' }, resource: { input: 'organisation' } })
    .input(ListPeople)
    .query(
      ({ ctx, input }): Promise<PersonEditView[]> => service.people(ctx.db, input?.organisation),
    ),
  // People without an organisation are the system's (admin only).
  create: procedure
    .meta({ access: { action: 'person.manage' }, resource: { input: 'organisation' } })
    .input(CreatePerson)
    .mutation(
      async ({ ctx, input }): Promise<PersonEditView> =>
        service.addPerson(ctx.db, input, await ctx.auth()),
    ),
  // Checked on the person's organisation and on the one the input moves them to.
  update: procedure
    .meta({
      access: { action: 'person.manage' },
      resource: { person: 'id', alsoInput: 'organisation' },
    })
    .input(UpdatePerson)
    .mutation(
      async ({ ctx, input }): Promise<PersonEditView> =>
        service.savePerson(ctx.db, input, await ctx.auth()),
    ),
} satisfies TRPCRouterRecord;
