import { Schema } from 'effect';

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

export const IsoDate = Schema.String.check(
  Schema.makeFilter(
    (value: string) => isIsoDate(value) || 'Datoen må være en gyldig dato på formen ÅÅÅÅ-MM-DD.',
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
