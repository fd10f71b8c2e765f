import type { WorkItem } from '@klimakommuner/domain';

export {
  formatDateNb,
  formatPopulation,
  organisationKindLabel,
  roleLabel,
  statusLabel,
} from '@klimakommuner/domain';
export { countMunicipalities } from '@klimakommuner/ui/format';

const timestampFormat = new Intl.DateTimeFormat('nb-NO', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Oslo',
});

/** «3. mars 2026 kl. 14:05» in Norwegian time; the raw value if it is not a timestamp. */
export function formatTimestamp(value: string | null): string {
  if (value === null) return '–';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : timestampFormat.format(date);
}

/** Where an item on the dashboard is edited. */
export function workItemHref(item: WorkItem): string {
  if (item.recordType === 'organisation') return `/organisasjoner/${item.organisation.slug}/profil`;
  if (item.recordType === 'project') return `/prosjekter/${encodeURIComponent(item.recordId)}`;
  if (item.recordType === 'resource') return `/ressurser/${encodeURIComponent(item.recordId)}`;
  if (item.recordType === 'event') return `/arrangementer/${encodeURIComponent(item.recordId)}`;
  return `/historikk/${encodeURIComponent(item.recordType)}/${encodeURIComponent(item.recordId)}`;
}
