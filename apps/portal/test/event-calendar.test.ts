import type { EventSummary } from '@klimakommuner/domain';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarIcs, OSLO_VTIMEZONE } from '../src/lib/calendar/ics.ts';

// The .ics the portal serves, read back with ical.js as a calendar application would.

const ORIGIN = 'https://klimakommuner.no';

const event = (overrides: Partial<EventSummary> = {}): EventSummary => ({
  slug: 'nattseminar',
  title: 'Nattseminar om energibruk',
  summary: 'Over natten sommertiden slutter.',
  timing: { allDay: false, start: '2026-10-24T23:30:00.000Z', end: '2026-10-25T02:30:00.000Z' },
  startsAt: '2026-10-24T23:30:00.000Z',
  endsAt: '2026-10-25T02:30:00.000Z',
  address: 'Rådhuset i Ås',
  onlineUrl: null,
  organiser: { slug: 'ken', name: 'Klimaregion Follo', shortName: null, kind: 'network' },
  project: null,
  themes: [],
  registrationUrl: null,
  registrationDeadline: null,
  status: 'planned',
  statusNote: '',
  uid: '6f1c2a4e-0000-4000-8000-000000000001@klimakommuner.no',
  sequence: 1,
  updatedAt: '2026-10-01T08:00:00.000Z',
  demo: false,
  ...overrides,
});

const parse = (text: string) => {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(zone);
  }
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
};

describe('calendarIcs', () => {
  it('writes 01:30–03:30 Oslo time the night summer time ends as 01:30 CEST → 03:30 CET', () => {
    const text = calendarIcs([event()], { name: 'Arrangementer', origin: ORIGIN });
    expect(text).toContain('DTSTART;TZID=Europe/Oslo:20261025T013000');
    expect(text).toContain('DTEND;TZID=Europe/Oslo:20261025T033000');
    expect(text).toContain('BEGIN:VTIMEZONE');
    const [parsed] = parse(text);
    expect(parsed?.startDate.toJSDate().toISOString()).toBe('2026-10-24T23:30:00.000Z');
    expect(parsed?.endDate.toJSDate().toISOString()).toBe('2026-10-25T02:30:00.000Z');
    expect(parsed?.uid).toBe('6f1c2a4e-0000-4000-8000-000000000001@klimakommuner.no');
    expect(parsed?.sequence).toBe(1);
    expect(parsed?.summary).toBe('Nattseminar om energibruk');
    expect(parsed?.location).toBe('Rådhuset i Ås');
    expect(parsed?.component.getFirstPropertyValue('url')).toBe(
      `${ORIGIN}/arrangementer/nattseminar`,
    );
    expect(parsed?.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const modified = parsed?.component.getFirstPropertyValue('last-modified') as ICAL.Time;
    expect(modified.toJSDate().toISOString()).toBe('2026-10-01T08:00:00.000Z');
  });

  it('writes summer and winter times right whatever the season', () => {
    const summer = event({
      timing: { allDay: false, start: '2026-06-10T07:00:00.000Z', end: '2026-06-10T13:30:00.000Z' },
    });
    const text = calendarIcs([summer], { name: 'A', origin: ORIGIN });
    expect(text).toContain('DTSTART;TZID=Europe/Oslo:20260610T090000');
    expect(parse(text)[0]?.endDate.toJSDate().toISOString()).toBe('2026-06-10T13:30:00.000Z');
  });

  it('marks a cancelled event STATUS:CANCELLED, and its SEQUENCE goes up after an edit', () => {
    const before = parse(calendarIcs([event()], { name: 'A', origin: ORIGIN }))[0];
    const after = parse(
      calendarIcs(
        [event({ status: 'cancelled', statusNote: 'Foredragsholderen er syk.', sequence: 2 })],
        { name: 'A', origin: ORIGIN },
      ),
    )[0];
    expect(after?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(after?.uid).toBe(before?.uid);
    expect(after?.sequence).toBeGreaterThan(before?.sequence ?? Number.POSITIVE_INFINITY);
    expect(after?.description).toContain('Foredragsholderen er syk.');
  });

  it('writes an all-day event as DATE values, DTEND the day after the last', () => {
    const text = calendarIcs(
      [event({ timing: { allDay: true, startDate: '2026-12-03', endDate: '2026-12-04' } })],
      { name: 'A', origin: ORIGIN },
    );
    expect(text).toContain('DTSTART;VALUE=DATE:20261203');
    expect(text).toContain('DTEND;VALUE=DATE:20261205');
    const [parsed] = parse(text);
    expect(parsed?.startDate.isDate).toBe(true);
    expect(parsed?.startDate.toString()).toBe('2026-12-03');
  });

  it('has the VTIMEZONE of Europe/Oslo that @touch4it/ical-timezones has', () => {
    const theirs = (getVtimezoneComponent('Europe/Oslo') ?? '')
      .split(/\r?\n/)
      .filter((line) => line !== '' && !line.startsWith('TZURL'));
    expect(OSLO_VTIMEZONE.split('\r\n')).toEqual(theirs);
  });
});
