/**
 * schema.org Event for an event's page (JSON-LD): when (ISO with Norway's offset, or dates all
 * day), where (a Place, a VirtualLocation or both), whether it happens (EventScheduled,
 * EventCancelled, EventRescheduled) and who organises it.
 */
import { type EventDetail, toOsloLocal } from '@klimakommuner/domain';

/** An instant as ISO 8601 with Norway's offset at that instant: 2026-10-25T01:30:00+02:00. */
export const osloIso = (instant: string): string => {
  const local = toOsloLocal(instant);
  const offsetMinutes = Math.round(
    (Date.parse(`${local}:00Z`) - Math.floor(Date.parse(instant) / 60_000) * 60_000) / 60_000,
  );
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
  return `${local}:00${sign}${hours}:${minutes}`;
};

const STATUS = {
  planned: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  moved: 'https://schema.org/EventRescheduled',
} as const;

export const eventJsonLd = (event: EventDetail, origin: string): Record<string, unknown> => {
  const place = event.address
    ? { '@type': 'Place', name: event.address, address: event.address }
    : null;
  const virtual = event.onlineUrl ? { '@type': 'VirtualLocation', url: event.onlineUrl } : null;
  const locations = [place, virtual].filter((l) => l !== null);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title,
    ...(event.summary ? { description: event.summary } : {}),
    url: `${origin}/arrangementer/${event.slug}`,
    startDate: event.timing.allDay ? event.timing.startDate : osloIso(event.timing.start),
    // schema.org's endDate of an all-day event is its last day itself.
    endDate: event.timing.allDay ? event.timing.endDate : osloIso(event.timing.end),
    eventStatus: STATUS[event.status],
    eventAttendanceMode:
      place && virtual
        ? 'https://schema.org/MixedEventAttendanceMode'
        : virtual
          ? 'https://schema.org/OnlineEventAttendanceMode'
          : 'https://schema.org/OfflineEventAttendanceMode',
    location: locations.length === 1 ? locations[0] : locations,
    organizer: {
      '@type': 'Organization',
      name: event.organiser.name,
      url: `${origin}/nettverk/${event.organiser.slug}`,
    },
    ...(event.registrationUrl
      ? {
          offers: {
            '@type': 'Offer',
            url: event.registrationUrl,
            availability: 'https://schema.org/InStock',
          },
        }
      : {}),
  };
};
