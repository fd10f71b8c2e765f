import {
  addParticipation,
  createPerson,
  listContactCandidates,
  listPeople,
  participationMatrix,
  setParticipationContact,
  setParticipationStatus,
  updatePerson,
  withdrawParticipation,
} from '@klimakommuner/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { ByOrganisation } from '../content/inputs.ts';
import { reading, writing } from '../content/results.ts';
import { procedure, publicProcedure } from '../trpc.ts';
import {
  AddParticipation,
  ContactCandidates,
  CreatePerson,
  ListPeople,
  SetParticipationContact,
  SetParticipationStatus,
  UpdatePerson,
  WithdrawParticipation,
} from './inputs.ts';

// Each procedure: decoded input → one repository call → a value or a mapped error. The access
// check (meta) has already run: participations need participation.manage on the project's
// owner, people person.manage on their organisation.

const manageParticipation = procedure.meta({
  access: { action: 'participation.manage' },
  resource: { participation: 'id' },
});

const manageInProject = procedure.meta({
  access: { action: 'participation.manage' },
  resource: { project: 'project' },
});

export const participations = {
  matrix: publicProcedure.input(ByOrganisation).query(
    reading(
      (ctx, { organisation }) => participationMatrix(ctx.db, organisation, ctx.today(), ctx.now()),
      ({ organisation }) => `Fant ingen organisasjon med adressen «${organisation}».`,
    ),
  ),
  // A withdrawn participation rejoins (same record, the history continues).
  add: manageInProject
    .input(AddParticipation)
    .mutation(
      writing(addParticipation, { refs: { municipality: 'municipality', person: 'contact' } }),
    ),
  setStatus: manageParticipation
    .input(SetParticipationStatus)
    .mutation(writing(setParticipationStatus)),
  withdraw: manageParticipation
    .input(WithdrawParticipation)
    .mutation(writing(withdrawParticipation)),
  // Any status; `contact: null` clears it. Only a person of the project's owner organisation or
  // of the participation's municipality (see contactCandidates): else BAD_REQUEST on `contact`.
  setContact: manageParticipation
    .input(SetParticipationContact)
    .mutation(writing(setParticipationContact)),
  // The people setContact accepts in the project's participations (no email or phone): the
  // owner's, and each participating municipality's (filter by `municipality.number`).
  contactCandidates: manageInProject.input(ContactCandidates).query(
    reading(
      (ctx, { project }) => listContactCandidates(ctx.db, project),
      ({ project }) => `Fant ikke noe prosjekt med adressen «${project}».`,
    ),
  ),
} satisfies TRPCRouterRecord;

/** Organisations and municipalities a person names that do not exist are field errors. */
const PERSON_REFS = { organisation: 'organisation', municipality: 'municipality' };

// People without an organisation are the system's: only an admin lists or adds them.
const managePeople = procedure.meta({
  access: { action: 'person.manage' },
  resource: { input: 'organisation' },
});

export const people = {
  list: managePeople
    .input(ListPeople)
    .query(({ ctx, input }) => listPeople(ctx.db, input?.organisation === undefined ? {} : input)),
  create: managePeople.input(CreatePerson).mutation(writing(createPerson, { refs: PERSON_REFS })),
  // Checked on the person's organisation and on the one the input moves them to. A full
  // replacement: an absent organisation, municipality, email or phone means none.
  update: procedure
    .meta({
      access: { action: 'person.manage' },
      resource: { person: 'id', alsoInput: 'organisation' },
    })
    .input(UpdatePerson)
    .mutation(writing(updatePerson, { refs: PERSON_REFS })),
} satisfies TRPCRouterRecord;
