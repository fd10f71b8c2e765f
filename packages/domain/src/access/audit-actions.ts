/**
 * Every action the audit trail records, with the Norwegian words the history shows for it. The
 * writers are typed against `AuditAction`, so an action without a Norwegian name does not compile.
 */
const LABELS = {
  'auth.sign-in': 'Logget inn',
  'auth.sign-in-failed': 'Mislykket innlogging',
  'auth.sign-in-throttled': 'Innlogging stoppet etter for mange forsøk',
  'auth.sign-out': 'Logget ut',
  'auth.end-session': 'Avsluttet en økt',
  'access.refused': 'Ble nektet tilgang',
  'user.create': 'Opprettet brukeren',
  'user.set-roles': 'Endret rollene',
  'user.activate': 'Aktiverte brukeren',
  'user.deactivate': 'Deaktiverte brukeren',
  'user.change-password': 'Byttet passord',
  'auth.change-password-failed': 'Mislykket passordbytte',
  'auth.change-password-throttled': 'Passordbytte stoppet etter for mange forsøk',
  'token.create': 'Opprettet API-tokenet',
  'token.revoke': 'Trakk tilbake API-tokenet',
  'organisation.update': 'Endret profilen',
  'organisation.submit': 'Sendte profilen til godkjenning',
  'organisation.publish': 'Publiserte profilen',
  'organisation.unpublish': 'Avpubliserte profilen',
  'organisation.archive': 'Arkiverte profilen',
  'organisation.restore': 'Gjenopprettet profilen som utkast',
  'organisation.set-logo': 'Satte logoen',
  'organisation.remove-logo': 'Fjernet logoen',
  'membership.add': 'La til medlemskapet',
  'membership.end': 'Avsluttet medlemskapet',
  'project.create': 'Opprettet prosjektet',
  'project.update': 'Endret prosjektet',
  'project.submit': 'Sendte prosjektet til godkjenning',
  'project.publish': 'Publiserte prosjektet',
  'project.unpublish': 'Avpubliserte prosjektet',
  'project.archive': 'Arkiverte prosjektet',
  'project.restore': 'Gjenopprettet prosjektet som utkast',
  'participation.add': 'La kommunen til i prosjektet',
  'participation.rejoin': 'Tok kommunen med i prosjektet igjen',
  'participation.set-status': 'Endret deltakelsesstatusen',
  'participation.withdraw': 'Trakk kommunen ut av prosjektet',
  'participation.set-contact': 'Endret kontaktpersonen',
  'person.create': 'Opprettet personen',
  'person.update': 'Endret personen',
  'theme.update': 'Endret temaet',
  'resource.create': 'Opprettet ressursen',
  'resource.update': 'Endret ressursen',
  'resource.submit': 'Sendte ressursen til godkjenning',
  'resource.publish': 'Publiserte ressursen',
  'resource.unpublish': 'Avpubliserte ressursen',
  'resource.archive': 'Arkiverte ressursen',
  'resource.restore': 'Gjenopprettet ressursen som utkast',
  'resource.delete': 'Slettet ressursen',
  'event.create': 'Opprettet arrangementet',
  'event.update': 'Endret arrangementet',
  'event.submit': 'Sendte arrangementet til godkjenning',
  'event.publish': 'Publiserte arrangementet',
  'event.unpublish': 'Avpubliserte arrangementet',
  'event.archive': 'Arkiverte arrangementet',
  'event.restore': 'Gjenopprettet arrangementet som utkast',
  'event.delete': 'Slettet arrangementet',
  'file.upload': 'Lastet opp filen',
  'article.create': 'Opprettet artikkelen',
  'article.update': 'Endret artikkelen',
  'article.submit': 'Sendte artikkelen til godkjenning',
  'article.publish': 'Publiserte artikkelen',
  'article.unpublish': 'Avpubliserte artikkelen',
  'article.archive': 'Arkiverte artikkelen',
  'article.restore': 'Gjenopprettet artikkelen som utkast',
  'article.delete': 'Slettet artikkelen',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof LABELS;

/** Every action, in the order the log's filter lists them (grouped by what they concern). */
export const AUDIT_ACTIONS = Object.keys(LABELS) as readonly AuditAction[];

export const isAuditAction = (value: string): value is AuditAction => Object.hasOwn(LABELS, value);

/** «Publiserte prosjektet»; an action recorded by an older version is shown as recorded. */
export const auditActionLabel = (action: string): string =>
  isAuditAction(action) ? LABELS[action] : action;

const RECORD_TYPES: Readonly<Record<string, string>> = {
  organisation: 'Organisasjonsprofil',
  membership: 'Medlemskap',
  user: 'Bruker',
  token: 'API-token',
  session: 'Økt',
  procedure: 'API-kall',
  project: 'Prosjekt',
  participation: 'Deltakelse',
  person: 'Person',
  theme: 'Tema',
  resource: 'Ressurs',
  event: 'Arrangement',
  file: 'Fil',
};

/** What kind of record an audit row concerns, in Norwegian: «Prosjekt», «Medlemskap», … */
export const auditRecordTypeLabel = (recordType: string): string =>
  RECORD_TYPES[recordType] ?? recordType;

/** The record types the log can be filtered by, with their Norwegian names. */
export const AUDIT_RECORD_TYPES = Object.keys(RECORD_TYPES);
