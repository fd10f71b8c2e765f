// One folder per aggregate, as in packages/domain (docs/architecture.md): its repository reads
// and writes what the API needs, and writes answer with effect's Result. Shared: the client,
// migrations, schema and seed here; versions, cursors and order under content/; the trail under
// audit/.

export {
  createSession,
  endSession,
  endSessionsOfUser,
  findSessionByTokenHash,
  listSessionsOfUser,
  type NewSession,
  type SessionRecord,
  touchSession,
} from './access/sessions.ts';
export {
  type AttemptReservation,
  releaseAttempts,
  reserveAttempts,
  type ThrottledKey,
} from './access/throttle.ts';
export {
  type ApiTokenRecord,
  createApiToken,
  findApiTokenByHash,
  listApiTokens,
  type NewApiToken,
  revokeApiToken,
  touchApiToken,
} from './access/tokens.ts';
export {
  createUser,
  type NewUser,
  setUserActive,
  setUserPassword,
  setUserRoles,
} from './access/user-edit.ts';
export {
  findUserByEmail,
  findUserById,
  listUsers,
  type UserRecord,
  type UserWithPassword,
} from './access/users.ts';
export {
  type ArticleTransition,
  type ArticleUpdate,
  type ArticleWriteError,
  createArticle,
  deleteArticle,
  type NewArticle,
  transitionArticle,
  updateArticle,
} from './article/article-edit.ts';
export {
  type ArticleFilterOption,
  type ArticleFilterOptions,
  type ArticleListQuery,
  articleFilterOptions,
  articleOrganisation,
  articleStatus,
  articlesInReview,
  feedArticles,
  getArticle,
  getArticleForEdit,
  getArticlePreview,
  latestArticles,
  listArticles,
  listArticlesForEdit,
} from './article/articles.ts';
export {
  type AuditFilter,
  auditHistory,
  auditRecordOrganisations,
  listAudit,
  recordOrganisations,
} from './audit/audit.ts';
export { type AuditInput, writeAudit } from './audit/write.ts';
export {
  CONNECT_TIMEOUT_MS,
  type DbHandle,
  GENERIC_PLAN,
  type ListenCallbacks,
  openDatabase,
  preparable,
} from './client.ts';
export { type DbConfig, dbConfigFromEnv, findRepoRoot } from './config.ts';
export { InvalidCursorError } from './content/cursor.ts';
export { dashboardFor } from './content/dashboard.ts';
export {
  type RelatedContent,
  type RelatedFilter,
  type RelatedLimits,
  relatedContent,
} from './content/related.ts';
export {
  CONTENT_CHANNEL,
  CONTENT_TABLES,
  type ContentVersion,
  contentVersionOf,
  nextPublication,
  PRIVATE_TABLES,
  readContentVersion,
} from './content/version.ts';
export { seedDemoParticipations } from './demo.ts';
export * from './event/index.ts';
export { DatabaseLockedError } from './lock.ts';
export { migrate } from './migrate.ts';
export { listCounties, ping } from './municipality/counties.ts';
export {
  findRenumberedMunicipality,
  getMunicipality,
  listMunicipalities,
  type MunicipalityFilter,
  refreshMunicipalityToday,
} from './municipality/municipalities.ts';
export {
  keepMunicipalityToday,
  MUNICIPALITY_TODAY_CHECK_MS,
  type MunicipalityTodayKeeper,
} from './municipality/today.ts';
export { type LogoChange, setOrganisationLogo } from './network/logo.ts';
export { membersOnSql } from './network/members.ts';
export {
  addMembership,
  endMembership,
  listMembershipsForEdit,
  type MembershipRuleError,
  membershipOrganisation,
  type NewMembership,
} from './network/memberships.ts';
export {
  getOrganisationForEdit,
  type ProfileTransition,
  type ProfileUpdate,
  transitionOrganisationProfile,
  updateOrganisationProfile,
} from './network/organisation-profile.ts';
export {
  getOrganisation,
  listOrganisationRefs,
  listOrganisations,
} from './network/organisations.ts';
export { getRegion, listRegions } from './network/regions.ts';
export {
  getProjectForEdit,
  listProjectsForEdit,
  projectOrganisation,
  projectStatus,
} from './project/edit-view.ts';
export { participationMatrix } from './project/matrix.ts';
export {
  type AddParticipationError,
  addParticipation,
  type NewParticipation,
  type ParticipationChangeError,
  type ParticipationContactChange,
  type ParticipationStatusChange,
  participationOrganisation,
  setParticipationContact,
  setParticipationStatus,
  withdrawParticipation,
} from './project/participations.ts';
export {
  type AuthorCandidate,
  authorCandidates,
  type ContactCandidate,
  getPersonForEdit,
  listContactCandidates,
  listPeople,
  organisationPeople,
  type PeopleFilter,
  personOrganisation,
} from './project/people.ts';
export {
  createPerson,
  type PersonInput,
  type PersonUpdate,
  updatePerson,
} from './project/people-edit.ts';
export {
  createProject,
  type NewProject,
  type ProjectTransition,
  type ProjectUpdate,
  transitionProject,
  updateProject,
} from './project/project-edit.ts';
export {
  getProject,
  getProjectPreview,
  listProjects,
  type ProjectFilter,
} from './project/projects.ts';
export { takesPartSql } from './project/takes-part.ts';
export {
  getTheme,
  listThemes,
  listThemesForEdit,
  type ThemeEditView,
  type ThemeUpdate,
  updateTheme,
} from './project/themes.ts';
export {
  type FileForServing,
  type FileUseRow,
  fileForServing,
  fileUses,
  forgetFiles,
  type NewStoredFile,
  recordFile,
  type StoredVariantRow,
} from './resource/files.ts';
export {
  createResource,
  deleteResource,
  type NewResource,
  type ResourceTransition,
  type ResourceUpdate,
  type ResourceWriteError,
  transitionResource,
  updateResource,
} from './resource/resource-edit.ts';
export {
  getResource,
  getResourceForEdit,
  getResourcePreview,
  listResourcesForEdit,
  resourceOrganisation,
  resourceStatus,
} from './resource/resources.ts';
export { search } from './resource/search.ts';
export { seedSyntheticResources, topUpSyntheticResources } from './resource/synthetic.ts';
export type * from './schema.ts';
export { searchSite, siteSearchStatement } from './search/site-search.ts';
export { type SitemapEntry, sitemapEntries } from './search/sitemap.ts';
export { seed } from './seed.ts';
export {
  countStatements,
  StatementBudgetExceeded,
  type StatementTally,
  statementCounter,
  withinStatementBudget,
} from './statements.ts';
export { SYNTHETIC_NOTE, SYNTHETIC_PREFIX, seedSynthetic } from './synthetic.ts';
export { isDatabaseUnavailable } from './unavailable.ts';
