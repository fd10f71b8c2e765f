import { calendarIcs, icsHeaders } from '#lib/calendar/ics.ts';
import { apiFor } from '#lib/server/api.ts';
import { publicOrigin } from '#lib/server/origin.ts';
import type { RequestHandler } from './$types';

/** «Legg til i kalender»: the one event as an .ics file (a cancelled one as STATUS:CANCELLED). */
export const GET: RequestHandler = async ({ fetch, params, url }) => {
  const event = await apiFor(fetch).events.get(params.slug);
  const text = calendarIcs([event], { name: event.title, origin: publicOrigin(url) });
  return new Response(text, { headers: icsHeaders(`${event.slug}.ics`) });
};
