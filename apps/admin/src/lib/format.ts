import type { WorkItem } from '@klimakommuner/domain';

export { countMunicipalities } from '@klimakommuner/ui/format';
export {
  formatDateNb,
  formatPopulation,
  organisationKindLabel,
  roleLabel,
  statusLabel,
} from '@klimakommuner/domain';

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
  return `/historikk/${encodeURIComponent(item.recordType)}/${encodeURIComponent(item.recordId)}`;
}

const recordTypeLabels: Record<string, string> = {
  organisation: 'Organisasjonsprofil',
  membership: 'Medlemskap',
  user: 'Bruker',
  token: 'API-token',
  session: 'Økt',
  project: 'Prosjekt',
  participation: 'Deltakelse',
  person: 'Person',
  theme: 'Tema',
};

export function recordTypeLabel(type: string): string {
  return recordTypeLabels[type] ?? type;
}

const actionLabels: Record<string, string> = {
  'auth.sign-in': 'Logget inn',
  'auth.sign-in-failed': 'Mislykket innlogging',
  'auth.sign-out': 'Logget ut',
  'access.refused': 'Nektet tilgang',
  create: 'Opprettet',
  update: 'Endret',
  submit: 'Sendt til godkjenning',
  publish: 'Publisert',
  unpublish: 'Avpublisert',
  archive: 'Arkivert',
  restore: 'Gjenopprettet',
};

/** A Norwegian name for an audit action; unknown actions are shown as recorded. */
export function actionLabel(action: string): string {
  return actionLabels[action] ?? actionLabels[action.split('.').at(-1) ?? ''] ?? action;
}
