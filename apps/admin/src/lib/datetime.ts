const OSLO = 'Europe/Oslo';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: OSLO,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** The `YYYY-MM-DDTHH:mm` a datetime-local field shows for an instant, in Norwegian time. */
export function toOsloLocal(iso: string | null): string {
  if (iso === null) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const p = Object.fromEntries(parts.formatToParts(date).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * The instant a datetime-local value (`YYYY-MM-DDTHH:mm`, typed in Norwegian time) stands for,
 * as an ISO timestamp; null when the value is not such a time.
 */
export function fromOsloLocal(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(asUtc)) return null;
  // Oslo is UTC+1 or UTC+2: try both offsets and keep the one that reads back as typed.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    if (toOsloLocal(candidate.toISOString()) === value.slice(0, 16)) return candidate.toISOString();
  }
  return new Date(asUtc - 3_600_000).toISOString();
}
