import type { Status } from '../content/status.ts';
import type { MunicipalityRef } from '../municipality/refs.ts';
import type { OrganisationRef } from '../network/refs.ts';
import type { ProjectRef, ThemeRef } from '../project/views.ts';
import type { EventStatus, EventTiming } from './event.ts';

/** Read models of events («Arrangementer»); see ../content/views.ts. */

export interface EventSummary {
  readonly slug: string;
  readonly title: string;
  readonly summary: string;
  readonly timing: EventTiming;
  /** The first and the last instant (all day: midnight to midnight in Oslo), ISO in UTC. */
  readonly startsAt: string;
  readonly endsAt: string;
  readonly address: string | null;
  readonly onlineUrl: string | null;
  readonly organiser: OrganisationRef;
  /** The project it belongs to, when that project is public. */
  readonly project: ProjectRef | null;
  readonly themes: readonly ThemeRef[];
  readonly registrationUrl: string | null;
  readonly registrationDeadline: string | null;
  readonly status: EventStatus;
  readonly statusNote: string;
  /** The calendar UID, stable for the event's lifetime: `<id>@klimakommuner.no`. */
  readonly uid: string;
  /** The iCalendar SEQUENCE: raised by every change a subscribed calendar should see. */
  readonly sequence: number;
  /** When it was last changed (LAST-MODIFIED), ISO in UTC. */
  readonly updatedAt: string;
  /** Demo content (seeded for development, not real); marked «Demodata» wherever it appears. */
  readonly demo: boolean;
}

export interface EventDetail extends EventSummary {
  /** Sanitised HTML rendered from the Markdown description. */
  readonly descriptionHtml: string;
  readonly capacityNote: string;
  readonly municipalities: readonly MunicipalityRef[];
}

export interface EventEditView extends EventDetail {
  /** The Markdown source of descriptionHtml. */
  readonly description: string;
  /** The project's slug whatever its workflow status. */
  readonly projectSlug: string | null;
  readonly workflowStatus: Status;
  readonly publishAt: string | null;
  readonly version: number;
}

/** events.listForEdit: an event whatever its workflow status. */
export interface EventEditSummary extends EventSummary {
  readonly workflowStatus: Status;
  readonly publishAt: string | null;
  readonly version: number;
}

/** Which events a list shows: those still to come (soonest first) or those over (newest first). */
export type EventWhen = 'upcoming' | 'past';
