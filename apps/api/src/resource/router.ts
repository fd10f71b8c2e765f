import {
  createResource,
  deleteResource,
  getResource,
  getResourceForEdit,
  getResourcePreview,
  listResourcesForEdit,
  type ResourceTransition,
  search,
  transitionResource,
  updateResource,
} from '@klimakommuner/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { Result } from 'effect';
import { ByOrganisation, BySlug, BySlugVersion, TransitionBySlug } from '../content/inputs.ts';
import { paged, reading, writing } from '../content/results.ts';
import { procedure, publicProcedure } from '../trpc.ts';
import { CreateResource, ListResources, PublishResource, UpdateResource } from './inputs.ts';
import { resourceDraft } from './resource-draft.ts';

// Each procedure: decoded input → one repository call → a value or a mapped error. The access
// check (meta) has already run against the organisation that owns the resource: resources are
// content (content.* on the owner), as projects are (docs/contracts-resources.md).

const noResource = ({ slug }: { slug: string }) => `Fant ikke noen ressurs med adressen «${slug}».`;

/** Themes, the project, municipalities and files a resource names that do not exist are field errors. */
const RESOURCE_REFS = {
  theme: 'themes',
  project: 'project',
  municipality: 'municipalities',
  file: 'attachments',
};

const moving = (transition: 'publish' | 'archive') =>
  writing((db, input: Omit<ResourceTransition, 'transition'>, actor) =>
    transitionResource(db, { ...input, transition }, actor),
  );

const onResource = (action: 'content.read-drafts' | 'content.publish' | 'content.archive') =>
  procedure.meta({ access: { action }, resource: { libraryResource: 'slug' } });

export const resources = {
  // The search over published resources (type 'resource'), with facets; the library's list.
  list: publicProcedure
    .input(ListResources)
    .query(({ ctx, input }) =>
      paged(search(ctx.db, { ...(input ?? {}), type: 'resource' }, ctx.now())),
    ),
  // Public resources only: a draft, a scheduled or an archived one is NOT_FOUND, as unknown ones.
  get: publicProcedure
    .input(BySlug)
    .query(reading((ctx, { slug }) => getResource(ctx.db, slug, ctx.now()), noResource)),
  listForEdit: procedure
    .meta({ access: { action: 'content.read-drafts' }, resource: { input: 'organisation' } })
    .input(ByOrganisation)
    .query(async ({ ctx, input }) => ({
      items: await listResourcesForEdit(ctx.db, input.organisation, ctx.now()),
    })),
  getForEdit: onResource('content.read-drafts')
    .input(BySlug)
    .query(reading((ctx, { slug }) => getResourceForEdit(ctx.db, slug, ctx.now()), noResource)),
  // What resources.get will show once it is public (the admin's preview).
  previewPage: onResource('content.read-drafts')
    .input(BySlug)
    .query(reading((ctx, { slug }) => getResourcePreview(ctx.db, slug, ctx.now()), noResource)),
  create: procedure
    .meta({ access: { action: 'content.create' }, resource: { input: 'organisation' } })
    .input(CreateResource)
    .mutation(
      writing(
        async (db, input, actor) => {
          const draft = { ...(await resourceDraft(input)), owner: input.organisation };
          const created = await createResource(db, draft, actor);
          return Result.map(created, ({ slug, version }) => ({ slug, version }));
        },
        { refs: RESOURCE_REFS },
      ),
    ),
  // The action checked is editAction(the resource's workflow status): edit-draft or edit-published.
  update: procedure
    .meta({
      access: { action: 'content.edit-draft' },
      resource: { libraryResource: 'slug', edit: true },
    })
    .input(UpdateResource)
    .mutation(
      writing(
        async (db, input, actor, ctx) =>
          updateResource(
            db,
            {
              ...(await resourceDraft(input)),
              slug: input.slug,
              version: input.version,
              decidedOn: ctx.decidedOn,
            },
            actor,
          ),
        { refs: RESOURCE_REFS },
      ),
    ),
  publish: onResource('content.publish').input(PublishResource).mutation(moving('publish')),
  archive: onResource('content.archive').input(BySlugVersion).mutation(moving('archive')),
  // The action checked is actionFor(input.transition); content.submit is the least of them.
  transition: procedure
    .meta({
      access: { action: 'content.submit' },
      resource: { libraryResource: 'slug', transition: 'transition' },
    })
    .input(TransitionBySlug)
    .mutation(writing(transitionResource)),
  // Whoever may archive may delete; the files stay until the audit window has passed.
  delete: onResource('content.archive').input(BySlugVersion).mutation(writing(deleteResource)),
} satisfies TRPCRouterRecord;
