/** When an event happens, in Norwegian, as a reader in Norway reads a clock. */
import { formatDateNb, type IsoDate } from '../content/dates.ts';
import { toOsloLocal } from '../content/oslo-time.ts';
import type { EventTiming } from './event.ts';

const WEEKDAYS_NB = [
  'søndag',
  'mandag',
  'tirsdag',
  'onsdag',
  'torsdag',
  'fredag',
  'lørdag',
] as const;

/** 'torsdag' for '2026-10-29'. */
export const weekdayNb = (day: IsoDate): string =>
  WEEKDAYS_NB[new Date(`${day}T12:00:00Z`).getUTCDay()] ?? '';

const clock = (local: string): string => local.slice(11, 16).replace(':', '.');

/**
 * «torsdag 29. oktober 2026 kl. 09.00–15.30», «24. oktober 2026 kl. 22.00 – 25. oktober 2026
 * kl. 02.00», «torsdag 29. oktober 2026, hele dagen», «29. oktober 2026 – 1. november 2026».
 * Times are Norwegian wall-clock times, summer or winter, whatever the server's zone.
 */
export const formatEventTime = (timing: EventTiming): string => {
  if (timing.allDay) {
    return timing.startDate === timing.endDate
      ? `${weekdayNb(timing.startDate)} ${formatDateNb(timing.startDate)}, hele dagen`
      : `${formatDateNb(timing.startDate)} – ${formatDateNb(timing.endDate)}`;
  }
  const start = toOsloLocal(timing.start);
  const end = toOsloLocal(timing.end);
  const startDay = start.slice(0, 10);
  const endDay = end.slice(0, 10);
  return startDay === endDay
    ? `${weekdayNb(startDay)} ${formatDateNb(startDay)} kl. ${clock(start)}–${clock(end)}`
    : `${formatDateNb(startDay)} kl. ${clock(start)} – ${formatDateNb(endDay)} kl. ${clock(end)}`;
};

/** «torsdag 15. oktober 2026 kl. 12.00»: an instant as a clock in Norway shows it. */
export const formatOsloInstant = (instant: string): string => {
  const local = toOsloLocal(instant);
  if (local === '') return '';
  const day = local.slice(0, 10);
  return `${weekdayNb(day)} ${formatDateNb(day)} kl. ${clock(local)}`;
};
