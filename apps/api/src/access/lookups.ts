import {
  articleOrganisation,
  articleStatus,
  type DbHandle,
  eventOrganisation,
  eventWorkflowStatus,
  isDatabaseUnavailable,
  membershipOrganisation,
  participationOrganisation,
  personOrganisation,
  projectOrganisation,
  projectStatus,
  recordOrganisations,
  resourceOrganisation,
  resourceStatus,
  writeAudit,
} from '@klimakommuner/db';
import type { Services } from '../trpc.ts';

// The access check's lookups: which organisation a record belongs to, before the procedure runs,
// each one repository call.

export const createServices = (db: DbHandle['db']): Services => ({
  membershipOrganisation: (id) => membershipOrganisation(db, id),
  projectOrganisation: (slug) => projectOrganisation(db, slug),
  resourceOrganisation: (slug) => resourceOrganisation(db, slug),
  resourceStatus: (slug) => resourceStatus(db, slug),
  eventOrganisation: (slug) => eventOrganisation(db, slug),
  eventStatus: (slug) => eventWorkflowStatus(db, slug),
  projectStatus: (slug) => projectStatus(db, slug),
  articleOrganisation: (slug) => articleOrganisation(db, slug),
  articleStatus: (slug) => articleStatus(db, slug),
  participationOrganisation: (id) => participationOrganisation(db, id),
  personOrganisation: (id) => personOrganisation(db, id),
  // The audit trail files each row under an organisation; an organisation record is its own.
  // Records without one (users, sessions) are the system's (admin only).
  recordOrganisations: (recordType, recordId) => recordOrganisations(db, recordType, recordId),
  auditRefused: async ({ auth, action, organisation, path, clientAddress }) => {
    try {
      await writeAudit(db, {
        actor: auth.auditActor,
        action: 'access.refused',
        recordType: 'procedure',
        recordId: path,
        organisation,
        after: { action, procedure: path, clientAddress },
      });
    } catch (error) {
      // Unrecorded, the refusal is not answered either: the client gets 503 and tries again.
      if (isDatabaseUnavailable(error)) throw error;
      console.error('[api] could not audit a refused call:', error);
    }
  },
});
