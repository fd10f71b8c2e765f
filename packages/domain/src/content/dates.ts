import { Schema } from 'effect';
import { Text } from './values.ts';

/**
 * A calendar date as `YYYY-MM-DD`. Kept a plain string (not a Date) so it survives JSON and
 * compares correctly with `<`/`>` once validated: the fixed-width format sorts like the calendar.
 */
export type IsoDate = string;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a `YYYY-MM-DD` string that names a real day (no 2024-02-30). */
export const isIsoDate = (value: unknown): value is IsoDate => {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE_PATTERN.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Round-tripping through UTC catches impossible days without any time-zone influence.
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
};

/**
 * The years a date or time may have here: every record of a network falls inside them, and both
 * JavaScript and PostgreSQL handle them (year 0000 or +275760 is valid in one and not the other).
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;

/** An IsoDate between FIRST_YEAR and LAST_YEAR. */
export const isIsoDateInRange = (value: unknown): value is IsoDate =>
  isIsoDate(value) &&
  Number(value.slice(0, 4)) >= FIRST_YEAR &&
  Number(value.slice(0, 4)) <= LAST_YEAR;

const TIMESTAMP_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 time with a zone (`2026-03-01T08:00:00Z`, `2026-03-01T09:00+01:00`) naming a real
 * moment between FIRST_YEAR and LAST_YEAR, as a Date; anything else (month 13, 25:00, no zone,
 * the other formats Date.parse guesses at) is null.
 */
export const parseTimestamp = (value: string): Date | null => {
  const match = TIMESTAMP_PATTERN.exec(value);
  if (match === null || !isIsoDateInRange(value.slice(0, 10))) return null;
  const part = (index: number) => Number(match[index] ?? '0');
  const limits: readonly [number, number][] = [
    [4, 23], // hour
    [5, 59], // minute
    [6, 59], // second
    [8, 23], // zone hours
    [9, 59], // zone minutes
  ];
  if (limits.some(([index, max]) => part(index) > max)) return null;
  return new Date(value);
};

/** A real day from FIRST_YEAR to LAST_YEAR as `YYYY-MM-DD` (no month 13, no year 0000). */
export const IsoDate = Text.check(
  Schema.makeFilter(
    (value: string) =>
      isIsoDateInRange(value) ||
      `Må være en dato på formen ÅÅÅÅ-MM-DD, fra år ${FIRST_YEAR} til ${LAST_YEAR}.`,
  ),
);

/** An ISO 8601 time with a zone, from FIRST_YEAR to LAST_YEAR (parseTimestamp). */
export const Timestamp = Text.check(
  Schema.makeFilter(
    (value: string) =>
      (value.length <= 40 && parseTimestamp(value) !== null) ||
      'Må være et tidspunkt, som 2026-03-01T08:00:00Z.',
  ),
);

const MONTHS_NB = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
] as const;

/**
 * '2024-01-01' → '1. januar 2024'. Month names are spelt out here rather than asked of Intl,
 * so the output does not depend on the ICU data a runtime ships. A string that is not an
 * IsoDate is returned unchanged: a display helper should never take a page down.
 */
export const formatDateNb = (iso: IsoDate): string => {
  if (!isIsoDate(iso)) return iso;
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${day}. ${MONTHS_NB[month - 1]} ${year}`;
};

const osloDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Norway at `now`; servers run in UTC, but "today" means today in Oslo. */
export const todayIso = (now: Date = new Date()): IsoDate => {
  const parts = Object.fromEntries(osloDay.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
};

/** The IsoDate `days` days after (or before, when negative) `iso`. */
export const addDays = (iso: IsoDate, days: number): IsoDate =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
