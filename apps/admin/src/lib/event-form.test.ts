import { describe, expect, it } from 'vitest';
import { EMPTY_EVENT, type EventFormValues, eventInput, validateEvent } from './event-form.ts';

const values = (overrides: Partial<EventFormValues> = {}): EventFormValues => ({
  ...EMPTY_EVENT,
  title: 'Klimamøte',
  startDate: '2026-06-10',
  startTime: '09:00',
  endTime: '15:30',
  address: 'Rådhuset',
  ...overrides,
});

describe('validateEvent', () => {
  it('reads the times as Norwegian time, summer and winter', () => {
    const summer = validateEvent(values());
    expect(summer.errors).toEqual({});
    expect(summer.timing).toEqual({
      allDay: false,
      start: '2026-06-10T07:00:00.000Z',
      end: '2026-06-10T13:30:00.000Z',
    });
    const winter = validateEvent(values({ startDate: '2026-12-10' }));
    expect(winter.timing).toMatchObject({ start: '2026-12-10T08:00:00.000Z' });
  });

  it('refuses the hour skipped in March with the reason, on the time field', () => {
    const check = validateEvent(
      values({ startDate: '2026-03-29', startTime: '02:30', endTime: '04:00' }),
    );
    expect(check.errors.startTime).toContain('finnes ikke natt til 29.03.2026');
    expect(check.timing).toBeNull();
  });

  it('asks about the hour that comes twice in October, then takes the second (winter time)', () => {
    const night = values({ startDate: '2026-10-25', startTime: '01:30', endTime: '02:30' });
    const asked = validateEvent(night);
    expect(asked.asksRepeated).toBe(true);
    expect(asked.errors.repeatedConfirmed).toContain('finnes to ganger natt til 25.10.2026');
    const confirmed = validateEvent({ ...night, repeatedConfirmed: true });
    expect(confirmed.errors).toEqual({});
    expect(confirmed.timing).toEqual({
      allDay: false,
      start: '2026-10-24T23:30:00.000Z',
      end: '2026-10-25T01:30:00.000Z',
    });
    // 01:30 CEST to 03:30 CET: neither time is ambiguous, nothing to ask.
    const across = validateEvent({ ...night, endTime: '03:30' });
    expect(across.errors).toEqual({});
    expect(across.timing).toMatchObject({ end: '2026-10-25T02:30:00.000Z' });
  });

  it('takes whole days without times, and the domain rules next to their fields', () => {
    const allDay = validateEvent(
      values({ allDay: true, startDate: '2026-12-03', startTime: '', endTime: '' }),
    );
    expect(allDay.errors).toEqual({});
    expect(eventInput(values({ allDay: true, startDate: '2026-12-03' }), allDay).timing).toEqual({
      allDay: true,
      startDate: '2026-12-03',
      endDate: '2026-12-03',
    });
    expect(validateEvent(values({ address: '' })).errors.address).toBe(
      'Skriv en adresse, en lenke til det digitale møtet, eller begge.',
    );
    expect(validateEvent(values({ endTime: '08:00' })).errors.endDate).toBe(
      'Arrangementet kan ikke slutte før det begynner.',
    );
    expect(validateEvent(values({ status: 'cancelled' })).errors.statusNote).toBe(
      'Skriv hvorfor arrangementet er avlyst.',
    );
    expect(
      validateEvent(values({ deadlineDate: '2026-06-01', deadlineTime: '12:00' })).errors
        .deadlineDate,
    ).toBe('En påmeldingsfrist trenger en lenke til påmeldingen.');
  });
});
