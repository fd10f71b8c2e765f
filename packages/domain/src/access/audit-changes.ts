import { formatDateNb, isIsoDate } from '../content/dates.ts';
import { type Status, statusLabel } from '../content/status.ts';
import {
  type MembershipStartPrecision,
  membershipStartLabel,
} from '../network/membership-start.ts';
import {
  type ParticipationStatus,
  participationStatusLabel,
} from '../project/participation-status.ts';
import { type ProjectStatus, projectStatusLabel } from '../project/project.ts';
import { type RoleName, roleLabel } from './actor.ts';

/** One field an audited change touched, with both values written out for people. */
export interface AuditChange {
  readonly field: string;
  /** The field's Norwegian name, e.g. «Prosjektstatus». */
  readonly label: string;
  /** «–» when there was no value. */
  readonly before: string;
  readonly after: string;
}

// Bookkeeping, or repeated by other fields (a participation's history is its status and since).
const HIDDEN = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'lastSignInAt',
  'lastUsedAt',
  'history',
  'createdBy',
  'leaderNames',
  'contactName',
]);

// Fields a snapshot holds as ids, shown by the names it keeps beside them when it has them.
const NAMED_BY: Readonly<Record<string, string>> = {
  leaders: 'leaderNames',
  contact: 'contactName',
};

const LABELS: Readonly<Record<string, string>> = {
  title: 'Tittel',
  summary: 'Sammendrag',
  body: 'Beskrivelse',
  description: 'Beskrivelse',
  themes: 'Tema',
  owner: 'Eier',
  workflowStatus: 'Publiseringsstatus',
  startDate: 'Startdato',
  endDate: 'Sluttdato',
  leaders: 'Prosjektledere',
  links: 'Lenker',
  publishAt: 'Publiseres fra',
  website: 'Nettsted',
  contactEmail: 'E-post for kontakt',
  slug: 'Adresse',
  member: 'Medlem',
  organisation: 'Organisasjon',
  from: 'Medlem fra',
  fromPrecision: 'Medlem fra',
  to: 'Til og med',
  project: 'Prosjekt',
  municipality: 'Kommune',
  since: 'Fra dato',
  note: 'Notat',
  contact: 'Kontaktperson',
  name: 'Navn',
  email: 'E-post',
  phone: 'Telefon',
  consent: 'Samtykke til å vise kontaktinformasjon',
  roles: 'Roller',
  active: 'Kan logge inn',
  scope: 'Tilgang',
  revokedAt: 'Trukket tilbake',
  userAgent: 'Nettleser',
  clientAddress: 'Adresse (IP)',
  action: 'Handling',
  procedure: 'API-kall',
};

/** `status` means three things: the publishing workflow, a project's or a participation's. */
const STATUS_LABEL: Readonly<Record<string, string>> = {
  project: 'Prosjektstatus',
  participation: 'Deltakelsesstatus',
};

const fieldLabel = (recordType: string, field: string): string =>
  field === 'status'
    ? (STATUS_LABEL[recordType] ?? 'Publiseringsstatus')
    : (LABELS[field] ?? field);

const timestamp = new Intl.DateTimeFormat('nb-NO', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Oslo',
});

const MAX_TEXT = 280;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: string): string =>
  value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;

/** A value as people read it: labels for statuses and roles, dates in Norwegian, names of refs. */
const show = (recordType: string, field: string, value: unknown): string => {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nei';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => show(recordType, field, item));
    return items.length === 0 ? '–' : items.join(', ');
  }
  if (isRecord(value)) return showObject(value);
  const string = String(value);
  if (field === 'status') {
    if (recordType === 'project') return projectStatusLabel(string as ProjectStatus) ?? string;
    if (recordType === 'participation') {
      return participationStatusLabel(string as ParticipationStatus) ?? string;
    }
    return statusLabel(string as Status) ?? string;
  }
  if (field === 'workflowStatus') return statusLabel(string as Status) ?? string;
  if (field === 'scope') return string === 'write' ? 'Lese og skrive' : 'Lese';
  if (isIsoDate(string)) return formatDateNb(string);
  if (/^\d{4}-\d{2}-\d{2}T/.test(string) && !Number.isNaN(Date.parse(string))) {
    return timestamp.format(new Date(string));
  }
  return text(string);
};

const showObject = (value: Record<string, unknown>): string => {
  if (typeof value.role === 'string') {
    const role = roleLabel(value.role as RoleName) ?? value.role;
    return typeof value.organisation === 'string' ? `${role} i ${value.organisation}` : role;
  }
  if (typeof value.label === 'string' && typeof value.url === 'string') {
    return `${value.label} (${value.url})`;
  }
  if (value.kind === 'municipality' && typeof value.number === 'string') {
    return `kommune ${value.number}`;
  }
  if (value.kind === 'region' && typeof value.slug === 'string') return `region ${value.slug}`;
  if (typeof value.name === 'string') return value.name;
  if (typeof value.title === 'string') return value.title;
  return text(JSON.stringify(value));
};

/** A membership's start as known: the day, the year, or «Ukjent» (never the rules' day). */
const membershipStart = (snapshot: Record<string, unknown>): string | null =>
  typeof snapshot.from === 'string'
    ? membershipStartLabel({
        from: snapshot.from,
        fromPrecision: (snapshot.fromPrecision as MembershipStartPrecision | undefined) ?? 'day',
      })
    : null;

/**
 * The fields an audited change touched, in the order the record lists them, each with its
 * Norwegian name and both values written out («–» for none). A creation lists what was set, a
 * deletion what was there. Bookkeeping (ids, versions, timestamps of use) is left out.
 */
export const auditChanges = (
  recordType: string,
  before: unknown,
  after: unknown,
): readonly AuditChange[] => {
  const old = isRecord(before) ? before : {};
  const now = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(old), ...Object.keys(now)])].filter(
    (field) => !HIDDEN.has(field) && !(recordType === 'membership' && field === 'fromPrecision'),
  );
  const changes: AuditChange[] = [];
  for (const field of fields) {
    const membershipFrom = recordType === 'membership' && field === 'from';
    const named = NAMED_BY[field];
    const value = (snapshot: Record<string, unknown>) =>
      named !== undefined && named in snapshot ? snapshot[named] : snapshot[field];
    const was = membershipFrom
      ? (membershipStart(old) ?? '–')
      : show(recordType, field, value(old));
    const is = membershipFrom ? (membershipStart(now) ?? '–') : show(recordType, field, value(now));
    if (was === is && JSON.stringify(old[field]) === JSON.stringify(now[field])) continue;
    if (was === '–' && is === '–') continue;
    changes.push({ field, label: fieldLabel(recordType, field), before: was, after: is });
  }
  return changes;
};
