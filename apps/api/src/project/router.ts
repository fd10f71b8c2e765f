import {
  createProject,
  getProject,
  getProjectForEdit,
  getProjectPreview,
  getTheme,
  listProjects,
  listProjectsForEdit,
  listThemes,
  listThemesForEdit,
  type ProjectTransition,
  transitionProject,
  updateProject,
  updateTheme,
} from '@klimakommuner/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { Result } from 'effect';
import {
  ByOrganisation,
  BySlug,
  BySlugVersion,
  DEFAULT_LIMIT,
  TransitionBySlug,
} from '../content/inputs.ts';
import { renderField } from '../content/rendering.ts';
import { paged, reading, writing } from '../content/results.ts';
import { procedure, publicProcedure } from '../trpc.ts';
import {
  CreateProject,
  ListProjects,
  ListThemes,
  Preview,
  PublishProject,
  UpdateProject,
  UpdateTheme,
} from './inputs.ts';
import { projectDraft } from './project-draft.ts';

// Each procedure: decoded input → one repository call → a value or a mapped error. The access
// check (meta) has already run against the organisation that owns what the input names:
// projects are content (content.* on the owner), themes theme.manage (admin).

const noProject = ({ slug }: { slug: string }) => `Fant ikke noe prosjekt med adressen «${slug}».`;

/** Themes and leaders a project names that do not exist are field errors on those inputs. */
const PROJECT_REFS = { theme: 'themes', person: 'leaders' };

const manageThemes = procedure.meta({ access: { action: 'theme.manage' } });

export const themes = {
  list: publicProcedure.input(ListThemes).query(({ ctx }) => listThemes(ctx.db, ctx.now())),
  get: publicProcedure.input(BySlug).query(
    reading(
      (ctx, { slug }) => getTheme(ctx.db, slug, ctx.now(), ctx.today()),
      ({ slug }) => `Fant ikke noe tema med adressen «${slug}».`,
    ),
  ),
  // For the admin's theme editor: the themes with their versions.
  listForEdit: manageThemes
    .input(ListThemes)
    .query(async ({ ctx }) => ({ items: await listThemesForEdit(ctx.db, ctx.now()) })),
  update: manageThemes
    .input(UpdateTheme)
    .mutation(writing((db, input, actor, ctx) => updateTheme(db, input, actor, ctx.now()))),
} satisfies TRPCRouterRecord;

/** The resolver of a mutation that moves a project through one transition (publish, archive). */
const moving = (transition: 'publish' | 'archive') =>
  writing((db, input: Omit<ProjectTransition, 'transition'>, actor) =>
    transitionProject(db, { ...input, transition }, actor),
  );

const readDrafts = (resource: { input: string } | { project: string }) =>
  procedure.meta({ access: { action: 'content.read-drafts' }, resource });

export const projects = {
  list: publicProcedure
    .input(ListProjects)
    .query(({ ctx, input }) =>
      paged(listProjects(ctx.db, input ?? { limit: DEFAULT_LIMIT }, ctx.now(), ctx.today())),
    ),
  // Public projects only: a draft, a scheduled or an archived one is NOT_FOUND, as unknown ones.
  get: publicProcedure
    .input(BySlug)
    .query(reading((ctx, { slug }) => getProject(ctx.db, slug, ctx.now(), ctx.today()), noProject)),
  // For the admin: an organisation's projects whatever their workflow status.
  listForEdit: readDrafts({ input: 'organisation' })
    .input(ByOrganisation)
    .query(async ({ ctx, input }) => ({
      items: await listProjectsForEdit(ctx.db, input.organisation, ctx.now()),
    })),
  // The admin's preview of a body not saved yet: the same sanitised rendering as a save.
  preview: procedure
    .meta({ access: 'signed-in' })
    .input(Preview)
    .mutation(async ({ input }) => ({ bodyHtml: await renderField(input.body, 'body') })),
  // The admin's preview of a saved project: what projects.get will show once it is public.
  previewPage: readDrafts({ project: 'slug' })
    .input(BySlug)
    .query(reading((ctx, { slug }) => getProjectPreview(ctx.db, slug, ctx.today()), noProject)),
  getForEdit: readDrafts({ project: 'slug' })
    .input(BySlug)
    .query(reading((ctx, { slug }) => getProjectForEdit(ctx.db, slug, ctx.now()), noProject)),
  // The body is rendered (in the worker pool when long) before the one write; the answer is
  // the new project's slug and version.
  create: procedure
    .meta({ access: { action: 'content.create' }, resource: { input: 'organisation' } })
    .input(CreateProject)
    .mutation(
      writing(
        async (db, input, actor) => {
          const draft = { ...(await projectDraft(input)), owner: input.organisation };
          const created = await createProject(db, draft, actor);
          return Result.map(created, ({ slug, version }) => ({ slug, version }));
        },
        { refs: PROJECT_REFS },
      ),
    ),
  // The action checked is editAction(the project's workflow status): edit-draft or edit-published.
  update: procedure
    .meta({ access: { action: 'content.edit-draft' }, resource: { project: 'slug', edit: true } })
    .input(UpdateProject)
    .mutation(
      writing(
        async (db, input, actor, ctx) => {
          const draft = {
            ...(await projectDraft(input)),
            slug: input.slug,
            version: input.version,
            decidedOn: ctx.decidedOn,
          };
          return updateProject(db, draft, actor);
        },
        { refs: PROJECT_REFS },
      ),
    ),
  publish: procedure
    .meta({ access: { action: 'content.publish' }, resource: { project: 'slug' } })
    .input(PublishProject)
    .mutation(moving('publish')),
  archive: procedure
    .meta({ access: { action: 'content.archive' }, resource: { project: 'slug' } })
    .input(BySlugVersion)
    .mutation(moving('archive')),
  // The action checked is actionFor(input.transition); content.submit is the least of them.
  transition: procedure
    .meta({
      access: { action: 'content.submit' },
      resource: { project: 'slug', transition: 'transition' },
    })
    .input(TransitionBySlug)
    .mutation(writing(transitionProject)),
} satisfies TRPCRouterRecord;
