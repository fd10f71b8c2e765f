import type { AuditEntry } from '@klimakommuner/domain';

export {
  AUDIT_ACTIONS,
  AUDIT_RECORD_TYPES,
  auditActionLabel,
  auditChanges,
  auditRecordTypeLabel,
} from '@klimakommuner/domain';

type EntryRecord = Pick<AuditEntry, 'recordType' | 'recordId' | 'recordProject' | 'organisation'>;

/** Where the record an audit row concerns is edited in the admin; null when it has no page. */
export function recordHref(entry: EntryRecord): string | null {
  const id = entry.recordId;
  if (id === null || id === '') return null;
  const at = encodeURIComponent;
  switch (entry.recordType) {
    case 'project':
      return `/prosjekter/${at(id)}`;
    case 'organisation':
      return `/organisasjoner/${at(id)}/profil`;
    case 'membership':
      return entry.organisation ? `/organisasjoner/${at(entry.organisation)}/medlemmer` : null;
    case 'participation':
      return entry.recordProject ? `/prosjekter/${at(entry.recordProject)}/deltakere` : null;
    case 'person':
      return entry.organisation
        ? `/organisasjoner/${at(entry.organisation)}/personer/${at(id)}`
        : null;
    case 'theme':
      return `/tema/${at(id)}`;
    case 'user':
      return `/brukere/${at(id)}`;
    case 'token':
      return '/tokener';
    default:
      return null;
  }
}

/** The history page of the record an audit row concerns. */
export function historyHref(entry: Pick<AuditEntry, 'recordType' | 'recordId'>): string | null {
  if (entry.recordId === null || entry.recordId === '') return null;
  return `/historikk/${encodeURIComponent(entry.recordType)}/${encodeURIComponent(entry.recordId)}`;
}

const GROUPS: readonly [prefix: string, label: string][] = [
  ['auth.', 'Innlogging'],
  ['access.', 'Tilgang'],
  ['user.', 'Brukere'],
  ['token.', 'API-tokener'],
  ['organisation.', 'Organisasjonsprofiler'],
  ['membership.', 'Medlemskap'],
  ['project.', 'Prosjekter'],
  ['participation.', 'Deltakelse'],
  ['person.', 'Personer'],
  ['theme.', 'Tema'],
];

/** The actions for the log's filter, grouped by what they concern, in the order above. */
export function actionGroups<A extends string>(
  actions: readonly A[],
): { label: string; actions: A[] }[] {
  return GROUPS.map(([prefix, label]) => ({
    label,
    actions: actions.filter((action) => action.startsWith(prefix)),
  })).filter((group) => group.actions.length > 0);
}
