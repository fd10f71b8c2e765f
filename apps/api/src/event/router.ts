import {
  calendarEvents,
  createEvent,
  deleteEvent,
  type EventTransition,
  eventFilterOptions,
  getEvent,
  getEventForEdit,
  getEventPreview,
  listEvents,
  listEventsForEdit,
  transitionEvent,
  upcomingWithoutRegistration,
  updateEvent,
} from '@klimakommuner/db';
import { dashboardOrganisations } from '@klimakommuner/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { Result } from 'effect';
import {
  ByOrganisation,
  BySlug,
  BySlugVersion,
  Nothing,
  TransitionBySlug,
} from '../content/inputs.ts';
import { paged, reading, writing } from '../content/results.ts';
import { procedure, publicProcedure } from '../trpc.ts';
import { eventDraft } from './event-draft.ts';
import { CalendarFilter, CreateEvent, ListEvents, PublishEvent, UpdateEvent } from './inputs.ts';

// Each procedure: decoded input → one repository call → a value or a mapped error. The access
// check (meta) has already run against the event's organiser organisation: events are content
// (content.* on the organiser), as resources are.

const noEvent = ({ slug }: { slug: string }) => `Fant ikke noe arrangement med adressen «${slug}».`;

/** Themes, the project and municipalities an event names that do not exist are field errors. */
const EVENT_REFS = { theme: 'themes', project: 'project', municipality: 'municipalities' };

const moving = (transition: 'publish' | 'archive') =>
  writing((db, input: Omit<EventTransition, 'transition'>, actor) =>
    transitionEvent(db, { ...input, transition }, actor),
  );

const onEvent = (action: 'content.read-drafts' | 'content.publish' | 'content.archive') =>
  procedure.meta({ access: { action }, resource: { event: 'slug' } });

export const events = {
  // Public events: upcoming soonest first (or the past, newest first), filtered, one page.
  list: publicProcedure
    .input(ListEvents)
    .query(({ ctx, input }) => paged(listEvents(ctx.db, input ?? {}, ctx.now()))),
  // Public events only: a draft, a scheduled or an archived one is NOT_FOUND; a cancelled one is shown.
  get: publicProcedure
    .input(BySlug)
    .query(reading((ctx, { slug }) => getEvent(ctx.db, slug, ctx.now()), noEvent)),
  // The events of an iCalendar feed for a filter (the portal renders the .ics).
  calendar: publicProcedure.input(CalendarFilter).query(async ({ ctx, input }) => ({
    items: await calendarEvents(ctx.db, input ?? {}, ctx.now()),
  })),
  // What the public list's filters offer (organisers, projects, themes, municipalities with events).
  filters: publicProcedure.input(Nothing).query(({ ctx }) => eventFilterOptions(ctx.db, ctx.now())),
  listForEdit: procedure
    .meta({ access: { action: 'content.read-drafts' }, resource: { input: 'organisation' } })
    .input(ByOrganisation)
    .query(async ({ ctx, input }) => ({
      items: await listEventsForEdit(ctx.db, input.organisation, ctx.now()),
    })),
  // The dashboard's «Kommende arrangementer uten påmeldingslenke», of the caller's organisations.
  withoutRegistration: procedure
    .meta({ access: 'signed-in' })
    .input(Nothing)
    .query(async ({ ctx }) => {
      const organisations = dashboardOrganisations((await ctx.auth()).actor);
      return {
        items: await upcomingWithoutRegistration(
          ctx.db,
          organisations === 'all' ? null : organisations,
          ctx.now(),
        ),
      };
    }),
  getForEdit: onEvent('content.read-drafts')
    .input(BySlug)
    .query(reading((ctx, { slug }) => getEventForEdit(ctx.db, slug, ctx.now()), noEvent)),
  // What events.get will show once it is public (the admin's preview).
  previewPage: onEvent('content.read-drafts')
    .input(BySlug)
    .query(reading((ctx, { slug }) => getEventPreview(ctx.db, slug, ctx.now()), noEvent)),
  create: procedure
    .meta({ access: { action: 'content.create' }, resource: { input: 'organisation' } })
    .input(CreateEvent)
    .mutation(
      writing(
        async (db, input, actor) => {
          const draft = { ...(await eventDraft(input)), organiser: input.organisation };
          const created = await createEvent(db, draft, actor);
          return Result.map(created, ({ slug, version }) => ({ slug, version }));
        },
        { refs: EVENT_REFS },
      ),
    ),
  // The action checked is editAction(the event's workflow status): edit-draft or edit-published.
  update: procedure
    .meta({ access: { action: 'content.edit-draft' }, resource: { event: 'slug', edit: true } })
    .input(UpdateEvent)
    .mutation(
      writing(
        async (db, input, actor, ctx) =>
          updateEvent(
            db,
            {
              ...(await eventDraft(input)),
              slug: input.slug,
              version: input.version,
              decidedOn: ctx.decidedOn,
            },
            actor,
          ),
        { refs: EVENT_REFS },
      ),
    ),
  publish: onEvent('content.publish').input(PublishEvent).mutation(moving('publish')),
  archive: onEvent('content.archive').input(BySlugVersion).mutation(moving('archive')),
  // The action checked is actionFor(input.transition); content.submit is the least of them.
  transition: procedure
    .meta({
      access: { action: 'content.submit' },
      resource: { event: 'slug', transition: 'transition' },
    })
    .input(TransitionBySlug)
    .mutation(writing(transitionEvent)),
  // Whoever may archive may delete.
  delete: onEvent('content.archive').input(BySlugVersion).mutation(writing(deleteEvent)),
} satisfies TRPCRouterRecord;
