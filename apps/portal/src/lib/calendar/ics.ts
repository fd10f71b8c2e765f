/**
 * iCalendar for events (ical-generator): one event («Legg til i kalender») or a feed a calendar
 * subscribes to. Every event keeps its UID, carries its SEQUENCE (raised by every change a
 * calendar should see), STATUS:CANCELLED once cancelled, LAST-MODIFIED and its page's URL. Timed
 * events are written in Norwegian wall-clock time with TZID=Europe/Oslo and a VTIMEZONE for it;
 * all-day events as DATE values (DTEND the day after the last, as RFC 5545 has it).
 */
import { addDays, type EventSummary, toOsloLocal } from '@klimakommuner/domain';
import { ICalCalendar, ICalEventStatus } from 'ical-generator';

export const OSLO = 'Europe/Oslo';

/**
 * The VTIMEZONE of Europe/Oslo (the EU rules since 1996: summer time from 02:00 on the last Sunday
 * of March to 03:00 on the last Sunday of October). Written here rather than read from
 * @touch4it/ical-timezones at run time, which reads its files beside its own module and so breaks
 * once bundled; test/event-calendar.test.ts checks it against that package's Europe/Oslo.
 */
export const OSLO_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Oslo',
  'X-LIC-LOCATION:Europe/Oslo',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/**
 * An instant that reads, field by field, as the clock in Oslo shows it, whatever the server's own
 * zone: ical-generator formats a zoned DTSTART from getFullYear()…getSeconds() of what it is
 * given, and takes such a date-fns TZDate-like value as already in the event's zone.
 */
class OsloWallClock extends Date {
  readonly internal: Date;
  readonly #fields: readonly number[];
  constructor(instant: string) {
    super(instant);
    this.internal = new Date(instant);
    const local = toOsloLocal(instant); // YYYY-MM-DDTHH:mm
    this.#fields = [
      Number(local.slice(0, 4)),
      Number(local.slice(5, 7)) - 1,
      Number(local.slice(8, 10)),
      Number(local.slice(11, 13)),
      Number(local.slice(14, 16)),
      this.internal.getUTCSeconds(),
    ];
  }
  withTimeZone(): this {
    return this;
  }
  tzComponents(): readonly number[] {
    return this.#fields;
  }
  override getFullYear(): number {
    return this.#fields[0] ?? 0;
  }
  override getMonth(): number {
    return this.#fields[1] ?? 0;
  }
  override getDate(): number {
    return this.#fields[2] ?? 0;
  }
  override getHours(): number {
    return this.#fields[3] ?? 0;
  }
  override getMinutes(): number {
    return this.#fields[4] ?? 0;
  }
  override getSeconds(): number {
    return this.#fields[5] ?? 0;
  }
}

const utcDay = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** What a calendar event says besides the summary: the place, the status note, the page. */
const describe = (event: EventSummary, url: string): string =>
  [
    event.status === 'cancelled' ? `AVLYST: ${event.statusNote}` : null,
    event.status === 'moved' ? `Endret: ${event.statusNote}` : null,
    event.summary || null,
    `Arrangør: ${event.organiser.name}`,
    event.onlineUrl ? `Digitalt: ${event.onlineUrl}` : null,
    event.registrationUrl ? `Påmelding: ${event.registrationUrl}` : null,
    event.demo ? 'Demodata: eksempel laget for utvikling, ikke et ekte arrangement.' : null,
    url,
  ]
    .filter((line): line is string => line !== null)
    .join('\n');

export interface CalendarOptions {
  /** The calendar's name (X-WR-CALNAME). */
  readonly name: string;
  /** The site's origin, for each event's URL. */
  readonly origin: string;
}

/** The iCalendar text of `events`. */
export const calendarIcs = (events: readonly EventSummary[], options: CalendarOptions): string => {
  const calendar = new ICalCalendar({
    name: options.name,
    prodId: { company: 'Klimakommuner', product: 'arrangementer', language: 'NB' },
    // No calendar-wide zone (DTSTAMP and LAST-MODIFIED stay in UTC); the generator writes the
    // VTIMEZONE of each zone an event uses.
    timezone: { name: null, generator: (zone) => (zone === OSLO ? OSLO_VTIMEZONE : null) },
    ttl: 60 * 60,
  });
  for (const event of events) {
    const url = `${options.origin}/arrangementer/${event.slug}`;
    const place = [event.address, event.onlineUrl].filter((p): p is string => !!p).join(' / ');
    const common = {
      id: event.uid,
      sequence: event.sequence,
      summary: event.status === 'cancelled' ? `AVLYST: ${event.title}` : event.title,
      description: describe(event, url),
      url,
      lastModified: new Date(event.updatedAt),
      stamp: new Date(event.updatedAt),
      status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      ...(place ? { location: place } : {}),
    };
    if (event.timing.allDay) {
      calendar.createEvent({
        ...common,
        allDay: true,
        start: utcDay(event.timing.startDate),
        end: utcDay(addDays(event.timing.endDate, 1)),
      });
    } else {
      calendar.createEvent({
        ...common,
        timezone: OSLO,
        start: new OsloWallClock(event.timing.start),
        end: new OsloWallClock(event.timing.end),
      });
    }
  }
  return calendar.toString();
};

/** The headers of an .ics answer; `filename` makes it a download (one event). */
export const icsHeaders = (filename?: string): Record<string, string> => ({
  'content-type': 'text/calendar; charset=utf-8',
  ...(filename === undefined
    ? {}
    : { 'content-disposition': `attachment; filename="${filename}"` }),
});
