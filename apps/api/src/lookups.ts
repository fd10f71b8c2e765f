import {
  auditRecordOrganisation,
  type DbHandle,
  getPersonForEdit,
  participationOrganisation,
  projectOrganisation,
  writeAudit,
} from '@klimakommuner/db';
import type { Services } from './trpc.ts';

// The access check's lookups: which organisation a record belongs to, before the procedure runs.
// Two small local queries (packages/db has no "organisation of a membership/organisation id"),
// and one for a project's workflow status (editing a published project needs more).

type Db = DbHandle['db'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const createServices = (db: Db): Services => ({
  membershipOrganisation: async (id) => {
    if (!UUID.test(id)) return null;
    const row = await db
      .selectFrom('membership as m')
      .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
      .select('o.slug')
      .where('m.id', '=', id)
      .executeTakeFirst();
    return row?.slug ?? null;
  },
  projectOrganisation: (slug) => projectOrganisation(db, slug),
  projectStatus: async (slug) =>
    (
      await db
        .selectFrom('project')
        .select('workflow_status')
        .where('slug', '=', slug)
        .executeTakeFirst()
    )?.workflow_status ?? null,
  participationOrganisation: (id) => participationOrganisation(db, id),
  personOrganisation: async (id) => (await getPersonForEdit(db, id))?.organisation?.slug ?? null,
  // The audit trail names each record's organisation, so the latest row about the record says
  // whose history it is; records without one (users, sessions) are the system's (admin only).
  recordOrganisation: async (recordType, recordId) => {
    if (recordType === 'organisation') {
      const row = await db
        .selectFrom('organisation')
        .select('slug')
        .where((eb) =>
          UUID.test(recordId)
            ? eb.or([eb('slug', '=', recordId), eb('id', '=', recordId)])
            : eb('slug', '=', recordId),
        )
        .executeTakeFirst();
      return row?.slug ?? null;
    }
    return auditRecordOrganisation(db, recordType, recordId);
  },
  auditRefused: async (auth, action, organisation, path) => {
    try {
      await writeAudit(db, {
        actor: auth.auditActor,
        action: 'access.refused',
        recordType: 'procedure',
        recordId: path,
        organisation,
        after: { action, procedure: path },
      });
    } catch (error) {
      console.error('[api] could not audit a refused call:', error);
    }
  },
});
