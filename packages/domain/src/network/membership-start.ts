import { Schema, SchemaTransformation } from 'effect';
import { formatDateNb, type IsoDate, isIsoDate } from '../content/dates.ts';

/**
 * How much is known about the day a membership began. The reference facts name members without
 * saying when they joined, so a stored start is not always a day:
 * - 'day': `from` is the day it began;
 * - 'year': only the year is known, and `from` is 1 January of that year;
 * - 'unknown': nothing is known, and `from` is the earliest day it can have begun (the
 *   organisation's founding year), which the membership rules count from but nobody is shown.
 */
export const MEMBERSHIP_START_PRECISIONS = ['day', 'year', 'unknown'] as const;
export type MembershipStartPrecision = (typeof MEMBERSHIP_START_PRECISIONS)[number];

export interface MembershipStart {
  /** The first day the membership rules count the membership from. */
  readonly from: IsoDate;
  readonly fromPrecision: MembershipStartPrecision;
}

export const isMembershipStartPrecision = (value: unknown): value is MembershipStartPrecision =>
  (MEMBERSHIP_START_PRECISIONS as readonly unknown[]).includes(value);

/** Years an editor may give as a start: anything else is a typo. */
export const MEMBERSHIP_YEAR_MIN = 1900;
export const MEMBERSHIP_YEAR_MAX = 2100;

/**
 * What is known, written out: «1. mars 2025», «2016», or null when nothing is known. Never a day
 * when only the year is known.
 */
export const formatMembershipStart = (start: MembershipStart): string | null => {
  if (start.fromPrecision === 'unknown') return null;
  if (start.fromPrecision === 'year') return start.from.slice(0, 4);
  return formatDateNb(start.from);
};

/** For a table cell: the start as known, «Ukjent» when nothing is. */
export const membershipStartLabel = (start: MembershipStart): string =>
  formatMembershipStart(start) ?? 'Ukjent';

/**
 * The start in a sentence: «siden 1. mars 2025», «siden 2016», or null when nothing is known
 * (the sentence should then say nothing about when, rather than guess).
 */
export const memberSince = (start: MembershipStart): string | null => {
  const known = formatMembershipStart(start);
  return known === null ? null : `siden ${known}`;
};

const YEAR = /^(\d{4})$/;
const NORWEGIAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/**
 * Reads what an editor typed as a membership start: a year (`2016`), an ISO date (`2025-03-01`)
 * or a Norwegian date (`1.3.2025`, `01.03.2025`). Null when it is none of these or names no real
 * day or a year outside 1900–2100.
 */
export const parseMembershipStart = (value: string): MembershipStart | null => {
  const text = value.trim();
  const year = YEAR.exec(text);
  if (year) {
    const y = Number(year[1]);
    return y >= MEMBERSHIP_YEAR_MIN && y <= MEMBERSHIP_YEAR_MAX
      ? { from: `${year[1]}-01-01`, fromPrecision: 'year' }
      : null;
  }
  const nb = NORWEGIAN_DATE.exec(text);
  const iso = nb
    ? `${nb[3]}-${(nb[2] ?? '').padStart(2, '0')}-${(nb[1] ?? '').padStart(2, '0')}`
    : text;
  if (!isIsoDate(iso)) return null;
  const y = Number(iso.slice(0, 4));
  if (y < MEMBERSHIP_YEAR_MIN || y > MEMBERSHIP_YEAR_MAX) return null;
  return { from: iso, fromPrecision: 'day' };
};

/** What an editor is told when a start cannot be read. */
export const MEMBERSHIP_START_HINT =
  'Skriv året medlemskapet begynte (for eksempel 2016), eller datoen hvis du vet den (for eksempel 01.03.2025).';

/** What a client may say of a start: the day, or only its year. */
export type KnownMembershipStart = MembershipStart & {
  readonly fromPrecision: Exclude<MembershipStartPrecision, 'unknown'>;
};

/**
 * A membership's start as a client gives it, a year (YYYY) or a day (YYYY-MM-DD), decoded to
 * what is known of it (parseMembershipStart): `2016` → { from: '2016-01-01', fromPrecision: 'year' }.
 */
export const MembershipStartText = Schema.String.check(
  Schema.makeFilter(
    (value: string) =>
      (value.length <= 10 && parseMembershipStart(value) !== null && !value.includes('.')) ||
      'Må være et årstall (ÅÅÅÅ) eller en dato på formen ÅÅÅÅ-MM-DD.',
  ),
).pipe(
  Schema.decodeTo(
    Schema.Struct({ from: Schema.String, fromPrecision: Schema.Literals(['day', 'year']) }),
    SchemaTransformation.transform({
      decode: (text: string) => parseMembershipStart(text) as KnownMembershipStart,
      encode: (start) => (start.fromPrecision === 'year' ? start.from.slice(0, 4) : start.from),
    }),
  ),
);
