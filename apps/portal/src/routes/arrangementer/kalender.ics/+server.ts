import { error } from '@sveltejs/kit';
import { calendarQuery, parseEventFilter } from '#lib/calendar/filter.ts';
import { calendarIcs, icsHeaders } from '#lib/calendar/ics.ts';
import { apiFor } from '#lib/server/api.ts';
import { publicOrigin } from '#lib/server/origin.ts';
import type { RequestHandler } from './$types';

/**
 * The calendar feed a calendar application subscribes to: every public event the filter keeps
 * (?arrangor= ?kommune= ?prosjekt= ?tema=), from those that ended lately on, cancelled ones as
 * STATUS:CANCELLED, each with its stable UID and SEQUENCE so changes replace what was there.
 */
export const GET: RequestHandler = async ({ fetch, url }) => {
  const { filter, valid } = parseEventFilter(url.searchParams);
  if (!valid) error(404, 'Fant ikke kalenderen');
  const { items } = await apiFor(fetch).events.calendar(calendarQuery(filter));
  const text = calendarIcs(items, {
    name: 'Arrangementer – Klimakommuner',
    origin: publicOrigin(url),
  });
  return new Response(text, { headers: icsHeaders() });
};
