/**
 * Wall-clock time in Norway and the instants it stands for. Editors type times as they read them
 * on a clock in Oslo (datetime-local `YYYY-MM-DDTHH:mm`); what is stored is an instant. Two nights
 * a year the clock jumps: on the last Sunday of March 02:00–02:59 never happens (refused, with the
 * reason), and on the last Sunday of October 02:00–02:59 happens twice (read as the second time,
 * in winter time, and said so).
 */
import { Result } from 'effect';
import { isIsoDateInRange } from './dates.ts';
import { OsloTimeInvalid, OsloTimeSkipped } from './errors.ts';

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/;

/** The `YYYY-MM-DDTHH:mm` a clock in Oslo shows at an instant; '' for no or no real instant. */
export function toOsloLocal(instant: string | Date | null): string {
  if (instant === null) return '';
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  const p = Object.fromEntries(
    wallClock.formatToParts(date).map((part) => [part.type, part.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** What a wall-clock time in Oslo stands for: the instant, and whether the hour came twice. */
export interface OsloInstant {
  /** ISO 8601 in UTC, as stored. */
  readonly instant: string;
  /** The time happened twice (the night summer time ends); `instant` is the second, in winter time. */
  readonly repeated: boolean;
}

/**
 * The instant a datetime-local value typed in Norwegian time stands for. Refused: anything that
 * is not such a value or not a real day (OsloTimeInvalid), and a time the clock skips
 * (OsloTimeSkipped) — the editor is told, rather than the time moved silently.
 */
export function fromOsloLocal(
  value: string,
): Result.Result<OsloInstant, OsloTimeInvalid | OsloTimeSkipped> {
  const match = LOCAL.exec(value);
  const [, y, mo, d, h, mi] = (match ?? []).map(Number) as number[];
  if (
    !match ||
    !isIsoDateInRange(value.slice(0, 10)) ||
    h === undefined ||
    mi === undefined ||
    h > 23 ||
    mi > 59
  ) {
    return Result.fail(new OsloTimeInvalid({ value }));
  }
  const typed = value.slice(0, 16);
  const asUtc = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h, mi);
  // Oslo is UTC+1 in winter and UTC+2 in summer: the candidates that read back as typed.
  const readsBack = [2, 1]
    .map((offsetHours) => new Date(asUtc - offsetHours * 3_600_000))
    .filter((candidate) => toOsloLocal(candidate) === typed);
  const chosen = readsBack.at(-1);
  if (chosen === undefined) return Result.fail(new OsloTimeSkipped({ value: typed }));
  return Result.succeed({ instant: chosen.toISOString(), repeated: readsBack.length === 2 });
}
