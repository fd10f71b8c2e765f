import { Result } from 'effect';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkEvent,
  checkEventTiming,
  type EventDraft,
  type EventTiming,
  eventBounds,
  eventSlug,
  formatEventTime,
  isUpcoming,
} from '../../src/index.ts';

const failureOf = <A, E>(result: Result.Result<A, E>) =>
  Result.isFailure(result) ? result.failure : null;

const draft = (over: Partial<EventDraft> = {}): EventDraft => ({
  title: 'Nettverkssamling',
  summary: '',
  description: '',
  timing: { allDay: false, start: '2026-10-29T08:00:00Z', end: '2026-10-29T14:30:00Z' },
  address: 'Rådhuset, Asker',
  onlineUrl: null,
  organiser: 'kommunenettverk-for-klimaomstilling',
  project: null,
  themes: [],
  municipalities: [],
  registrationUrl: null,
  registrationDeadline: null,
  capacityNote: '',
  status: 'planned',
  statusNote: '',
  ...over,
});

describe('an event’s time, in Norwegian time', () => {
  it('is written as a reader in Norway reads the clock, in winter and in summer', () => {
    expect(formatEventTime(draft().timing)).toBe('torsdag 29. oktober 2026 kl. 09.00–15.30');
    expect(
      formatEventTime({
        allDay: false,
        start: '2026-06-11T07:00:00Z',
        end: '2026-06-11T09:00:00Z',
      }),
    ).toBe('torsdag 11. juni 2026 kl. 09.00–11.00');
  });

  it('runs across the night summer time ends: 4 hours by the clock, 5 in fact', () => {
    // 24 Oct 22:00 summer time (20:00Z) to 25 Oct 02:00 winter time (01:00Z).
    const night: EventTiming = {
      allDay: false,
      start: '2026-10-24T20:00:00Z',
      end: '2026-10-25T01:00:00Z',
    };
    expect(formatEventTime(night)).toBe('24. oktober 2026 kl. 22.00 – 25. oktober 2026 kl. 02.00');
    const { start, end } = eventBounds(night);
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(5);
  });

  it('gives whole days as days, and an all-day event covers its days in Oslo', () => {
    const day: EventTiming = { allDay: true, startDate: '2026-03-29', endDate: '2026-03-29' };
    expect(formatEventTime(day)).toBe('søndag 29. mars 2026, hele dagen');
    // The day summer time begins has 23 hours.
    const { start, end } = eventBounds(day);
    expect(start.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(end.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(formatEventTime({ allDay: true, startDate: '2026-10-29', endDate: '2026-11-01' })).toBe(
      '29. oktober 2026 – 1. november 2026',
    );
  });

  it('is upcoming until it has ended', () => {
    const timing = draft().timing;
    expect(isUpcoming(timing, new Date('2026-10-29T14:29:00Z'))).toBe(true);
    expect(isUpcoming(timing, new Date('2026-10-29T14:30:00Z'))).toBe(false);
    const day: EventTiming = { allDay: true, startDate: '2026-12-01', endDate: '2026-12-01' };
    expect(isUpcoming(day, new Date('2026-12-01T22:59:00Z'))).toBe(true);
    expect(isUpcoming(day, new Date('2026-12-01T23:00:00Z'))).toBe(false);
  });

  it('never ends before it starts, whatever the instants', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 6 }),
        fc.integer({ min: -(10 ** 5), max: 10 ** 5 }),
        (startMinute, lengthMinutes) => {
          const start = new Date(Date.UTC(2026, 0, 1) + startMinute * 60_000);
          const end = new Date(start.getTime() + lengthMinutes * 60_000);
          const result = checkEventTiming({
            allDay: false,
            start: start.toISOString(),
            end: end.toISOString(),
          });
          expect(Result.isSuccess(result)).toBe(lengthMinutes > 0);
        },
      ),
    );
  });
});

describe('the rules an event is saved under', () => {
  it('accepts a planned event with a place', () => {
    expect(Result.isSuccess(checkEvent(draft()))).toBe(true);
    expect(
      Result.isSuccess(checkEvent(draft({ address: null, onlineUrl: 'https://teams.example/m' }))),
    ).toBe(true);
  });

  it('refuses each broken rule with a Norwegian message', () => {
    const cases: [Partial<EventDraft>, string][] = [
      [
        { timing: { allDay: false, start: '2026-10-29T14:00:00Z', end: '2026-10-29T08:00:00Z' } },
        'Arrangementet kan ikke slutte før det begynner.',
      ],
      [
        { timing: { allDay: true, startDate: '2026-10-30', endDate: '2026-10-29' } },
        'Siste dag kan ikke være før første dag.',
      ],
      [
        { address: '  ', onlineUrl: null },
        'Skriv en adresse, en lenke til det digitale møtet, eller begge.',
      ],
      [
        { registrationDeadline: '2026-10-20T10:00:00Z' },
        'En påmeldingsfrist trenger en lenke til påmeldingen.',
      ],
      [
        {
          registrationUrl: 'https://example.no/pamelding',
          registrationDeadline: '2026-10-29T08:01:00Z',
        },
        'Påmeldingsfristen må være før arrangementet begynner.',
      ],
      [{ status: 'cancelled', statusNote: '' }, 'Skriv hvorfor arrangementet er avlyst.'],
      [
        { status: 'moved', statusNote: ' ' },
        'Skriv hva som er endret: ny tid, nytt sted eller begge.',
      ],
    ];
    for (const [over, message] of cases) {
      expect(failureOf(checkEvent(draft(over)))?.message, message).toBe(message);
    }
  });

  it('accepts a cancelled event with its reason, and a deadline before the start', () => {
    expect(
      Result.isSuccess(checkEvent(draft({ status: 'cancelled', statusNote: 'For få påmeldte.' }))),
    ).toBe(true);
    expect(
      Result.isSuccess(
        checkEvent(
          draft({
            registrationUrl: 'https://example.no/p',
            registrationDeadline: '2026-10-29T08:00:00Z',
          }),
        ),
      ),
    ).toBe(true);
  });

  it('gets a slug from its title, or «arrangement» when the title has no letters', () => {
    expect(eventSlug('Klimasamling på Ås', new Set())).toBe('klimasamling-pa-as');
    expect(eventSlug('2026!', new Set())).toBe('2026');
    expect(eventSlug('!!!', new Set())).toBe('arrangement');
  });
});
