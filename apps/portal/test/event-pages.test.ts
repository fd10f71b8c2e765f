import type { EventDetail } from '@klimakommuner/domain';
import { describe, expect, it } from 'vitest';
import {
  calendarHref,
  calendarQuery,
  eventQuery,
  parseEventFilter,
  sideHref,
  webcalHref,
} from '../src/lib/calendar/filter.ts';
import { eventJsonLd, osloIso } from '../src/lib/calendar/json-ld.ts';
import { jsonLdElement } from '../src/lib/json-ld.ts';

const parse = (search: string) => parseEventFilter(new URLSearchParams(search));

describe('parseEventFilter', () => {
  it('reads the filters and the archive from the URL, as the API takes them', () => {
    const { filter, valid } = parse('arrangor=ken&kommune=3218&tema=mat&prosjekt=p&tid=tidligere');
    expect(valid).toBe(true);
    expect(eventQuery(filter, 20)).toEqual({
      organiser: 'ken',
      municipality: '3218',
      project: 'p',
      theme: 'mat',
      when: 'past',
      limit: 20,
    });
    expect(calendarQuery(filter)).toEqual({
      organiser: 'ken',
      municipality: '3218',
      project: 'p',
      theme: 'mat',
    });
    expect(calendarHref(filter)).toBe(
      '/arrangementer/kalender.ics?arrangor=ken&kommune=3218&prosjekt=p&tema=mat',
    );
    expect(webcalHref('https://klimakommuner.no', calendarHref(filter))).toBe(
      'webcal://klimakommuner.no/arrangementer/kalender.ics?arrangor=ken&kommune=3218&prosjekt=p&tema=mat',
    );
    expect(webcalHref('http://127.0.0.1:5173', '/arrangementer/kalender.ics')).toBe(
      'webcal://127.0.0.1:5173/arrangementer/kalender.ics',
    );
    expect(sideHref(filter, false)).toBe(
      '/arrangementer?arrangor=ken&kommune=3218&prosjekt=p&tema=mat',
    );
  });

  it('refuses what cannot match anything, and starts upcoming', () => {
    expect(parse('kommune=32').valid).toBe(false);
    expect(parse('tid=snart').valid).toBe(false);
    expect(parse('arrangor=Ikke slug').valid).toBe(false);
    const empty = parse('');
    expect(eventQuery(empty.filter, 5)).toEqual({ when: 'upcoming', limit: 5 });
    expect(calendarHref(empty.filter)).toBe('/arrangementer/kalender.ics');
  });
});

const event: EventDetail = {
  slug: 'nattseminar',
  title: 'Nattseminar',
  summary: 'Om natten.',
  timing: { allDay: false, start: '2026-10-24T23:30:00.000Z', end: '2026-10-25T02:30:00.000Z' },
  startsAt: '2026-10-24T23:30:00.000Z',
  endsAt: '2026-10-25T02:30:00.000Z',
  address: 'Rådhuset',
  onlineUrl: 'https://example.org/m',
  organiser: { slug: 'ken', name: 'KEN', shortName: null, kind: 'network' },
  project: null,
  themes: [],
  registrationUrl: null,
  registrationDeadline: null,
  status: 'cancelled',
  statusNote: 'Syk.',
  uid: 'x@klimakommuner.no',
  sequence: 2,
  updatedAt: '2026-10-01T00:00:00.000Z',
  demo: false,
  descriptionHtml: '',
  capacityNote: '',
  municipalities: [],
};

describe('eventJsonLd', () => {
  it('gives Norway’s offset at each instant, across the end of summer time', () => {
    expect(osloIso('2026-10-24T23:30:00.000Z')).toBe('2026-10-25T01:30:00+02:00');
    expect(osloIso('2026-10-25T02:30:00.000Z')).toBe('2026-10-25T03:30:00+01:00');
  });

  it('says cancelled, mixed attendance with a Place and a VirtualLocation, and the organiser', () => {
    const ld = eventJsonLd(event, 'https://klimakommuner.no');
    expect(ld).toMatchObject({
      '@type': 'Event',
      eventStatus: 'https://schema.org/EventCancelled',
      eventAttendanceMode: 'https://schema.org/MixedEventAttendanceMode',
      location: [{ '@type': 'Place' }, { '@type': 'VirtualLocation' }],
      organizer: { '@type': 'Organization', name: 'KEN' },
    });
    // Written through the one escaping element every page uses: no value can end it early.
    expect(jsonLdElement(ld).match(/</g)).toHaveLength(2);
  });
});
