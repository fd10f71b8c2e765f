export { demoEvents, seedDemoEvents } from './demo.ts';
export {
  createEvent,
  deleteEvent,
  type EventTransition,
  type EventUpdate,
  type EventWriteError,
  type NewEvent,
  transitionEvent,
  updateEvent,
} from './event-edit.ts';
export {
  CALENDAR_PAST_DAYS,
  calendarEvents,
  DEFAULT_EVENT_LIMIT,
  type EventFilter,
  type EventFilterOptions,
  type EventListQuery,
  eventFilterOptions,
  eventOrganisation,
  eventWorkflowStatus,
  getEvent,
  getEventForEdit,
  getEventPreview,
  listEvents,
  listEventsForEdit,
  MAX_CALENDAR_EVENTS,
  MAX_EVENT_LIMIT,
  publicEvent,
  upcomingWithoutRegistration,
} from './events.ts';
export { refreshEventDocument } from './search-document.ts';
