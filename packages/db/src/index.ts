export { type DbHandle, openDatabase } from './client.ts';
export { type DbConfig, dbConfigFromEnv, findRepoRoot } from './config.ts';
export { DatabaseLockedError } from './lock.ts';
export { migrate } from './migrate.ts';
export {
  type AuditFilter,
  type AuditInput,
  auditHistory,
  auditRecordOrganisation,
  listAudit,
  writeAudit,
} from './queries/audit.ts';
export { listCounties, ping } from './queries/counties.ts';
export { InvalidCursorError } from './queries/cursor.ts';
export { dashboardFor } from './queries/dashboard.ts';
export { seedDemoParticipations } from './demo.ts';
export {
  addMembership,
  endMembership,
  listMembershipsForEdit,
  type MembershipRuleError,
  type NewMembership,
} from './queries/memberships.ts';
export {
  getMunicipality,
  listMunicipalities,
  type MunicipalityFilter,
} from './queries/municipalities.ts';
export {
  getOrganisationForEdit,
  type ProfileTransition,
  type ProfileUpdate,
  transitionOrganisationProfile,
  updateOrganisationProfile,
} from './queries/organisation-edit.ts';
export { getOrganisation, listOrganisations } from './queries/organisations.ts';
export type { Outcome } from './queries/outcome.ts';
export {
  type AddParticipationError,
  addParticipation,
  CONTACT_NOT_CANDIDATE,
  CONTACT_NOT_CANDIDATE_MESSAGE,
  type ContactNotCandidate,
  isContactNotCandidate,
  type NewParticipation,
  type ParticipationChangeError,
  type ParticipationContactChange,
  type ParticipationStatusChange,
  participationOrganisation,
  setParticipationContact,
  setParticipationStatus,
  withdrawParticipation,
} from './queries/participations.ts';
export {
  type ContactCandidate,
  createPerson,
  getPersonForEdit,
  listContactCandidates,
  listPeople,
  type PeopleFilter,
  type PersonInput,
  type PersonUpdate,
  updatePerson,
} from './queries/people.ts';
export {
  createProject,
  type NewProject,
  type ProjectTransition,
  type ProjectUpdate,
  transitionProject,
  updateProject,
} from './queries/project-writes.ts';
export {
  getProject,
  getProjectForEdit,
  listProjects,
  type ProjectFilter,
  participationMatrix,
  projectOrganisation,
} from './queries/projects.ts';
export {
  createSession,
  endSession,
  endSessionsOfUser,
  findSessionByTokenHash,
  listSessionsOfUser,
  type NewSession,
  type SessionRecord,
  touchSession,
} from './queries/sessions.ts';
export {
  clearSignInFailures,
  recordSignInFailure,
  type ThrottleKey,
  type ThrottleOptions,
  type ThrottleStatus,
  throttleStatus,
} from './queries/throttle.ts';
export { getTheme, listThemes, type ThemeUpdate, updateTheme } from './queries/themes.ts';
export {
  type ApiTokenRecord,
  createApiToken,
  findApiTokenByHash,
  listApiTokens,
  type NewApiToken,
  revokeApiToken,
  touchApiToken,
} from './queries/tokens.ts';
export {
  createUser,
  type NewUser,
  setUserActive,
  setUserPassword,
  setUserRoles,
} from './queries/user-writes.ts';
export {
  findUserByEmail,
  findUserById,
  listUsers,
  type UserRecord,
  type UserWithPassword,
} from './queries/users.ts';
export type * from './schema.ts';
export type { Database } from './schema.ts';
export { seed } from './seed.ts';
