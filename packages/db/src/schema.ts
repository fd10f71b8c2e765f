import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** A `date` column: read as 'YYYY-MM-DD' on both engines (see client.ts), written as the same. */
type IsoDateColumn = string;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type ContentStatus = 'draft' | 'in_review' | 'published' | 'archived';

/** A plain JSON value as stored in a jsonb column (parsed on both engines). */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

export interface CountyTable {
  number: string;
  name: string;
}

export interface MunicipalityTable {
  number: string;
  name: string;
  slug: string;
  county_number: string;
  population: number | null;
  population_year: number | null;
}

export interface OrganisationTable {
  id: Generated<string>;
  slug: string;
  name: string;
  short_name: string | null;
  kind: 'network' | 'county-authority';
  established: number | null;
  county_number: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
  /** Markdown, as typed by an editor. */
  description: Generated<string>;
  /** The sanitised HTML of `description`, rendered by the API when it saves. */
  description_html: Generated<string>;
  website: string | null;
  contact_email: string | null;
  status: ColumnType<ContentStatus, ContentStatus | undefined, ContentStatus>;
  publish_at: Timestamp | null;
}

export interface RegionTable {
  id: Generated<string>;
  slug: string;
  name: string;
}

export interface RegionMunicipalityTable {
  region_id: string;
  municipality_number: string;
}

export interface MembershipTable {
  id: Generated<string>;
  organisation_id: string;
  municipality_number: string | null;
  region_id: string | null;
  from_date: IsoDateColumn;
  to_date: IsoDateColumn | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

export interface AppUserTable {
  id: Generated<string>;
  /** Normalised: trimmed, NFKC, lower case. */
  email: string;
  name: string;
  password_hash: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

export interface UserRoleTable {
  user_id: string;
  role: 'admin' | 'editor' | 'contributor';
  /** Null exactly for admin. */
  organisation_id: string | null;
}

export interface SessionTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: UpdatedAt;
  expires_at: Timestamp;
  ended_at: Timestamp | null;
  ended_reason: string | null;
  user_agent: string | null;
  client_address: string | null;
}

export interface ApiTokenTable {
  id: Generated<string>;
  name: string;
  token_hash: string;
  organisation_id: string;
  scope: 'read' | 'write';
  created_by: string | null;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface SignInThrottleTable {
  key: string;
  failures: number;
  window_start: Timestamp;
  locked_until: Timestamp | null;
}

export type AuditActorKind = 'user' | 'token' | 'anonymous' | 'system';

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  actor_kind: AuditActorKind;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  organisation_id: string | null;
  before: JsonValue | null;
  after: JsonValue | null;
}

export type ProjectStatusColumn = 'planned' | 'ongoing' | 'completed';
export type ParticipationStatusColumn =
  | 'interested'
  | 'participating'
  | 'implementing'
  | 'completed'
  | 'withdrawn';

export interface ThemeTable {
  id: Generated<string>;
  slug: string;
  name: string;
  description: Generated<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

export interface PersonTable {
  id: Generated<string>;
  name: string;
  /** Role title, e.g. 'Prosjektleder'. */
  title: Generated<string>;
  organisation_id: string | null;
  municipality_number: string | null;
  email: string | null;
  phone: string | null;
  /** Whether email and phone may be shown publicly. */
  consent: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

export interface ProjectTable {
  id: Generated<string>;
  slug: string;
  title: string;
  summary: Generated<string>;
  /** Markdown, as typed by an editor. */
  body: Generated<string>;
  /** The sanitised HTML of `body`, rendered by the API when it saves. */
  body_html: Generated<string>;
  owner_organisation_id: string;
  status: ProjectStatusColumn;
  start_date: IsoDateColumn | null;
  end_date: IsoDateColumn | null;
  workflow_status: ColumnType<ContentStatus, ContentStatus | undefined, ContentStatus>;
  publish_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

export interface ProjectThemeTable {
  project_id: string;
  theme_id: string;
}

export interface ProjectLeaderTable {
  project_id: string;
  person_id: string;
  position: number;
}

export interface ProjectLinkTable {
  project_id: string;
  position: number;
  label: string;
  url: string;
}

export interface ParticipationTable {
  id: Generated<string>;
  project_id: string;
  municipality_number: string;
  status: ParticipationStatusColumn;
  since: IsoDateColumn;
  contact_person_id: string | null;
  note: Generated<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

/** One step of a participation's history; append-only. */
export interface ParticipationEventTable {
  id: Generated<number>;
  participation_id: string;
  status: ParticipationStatusColumn;
  since: IsoDateColumn;
  note: Generated<string>;
  at: CreatedAt;
  actor_name: string | null;
}

export interface Database {
  county: CountyTable;
  municipality: MunicipalityTable;
  organisation: OrganisationTable;
  region: RegionTable;
  region_municipality: RegionMunicipalityTable;
  membership: MembershipTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  sign_in_throttle: SignInThrottleTable;
  audit_log: AuditLogTable;
  theme: ThemeTable;
  person: PersonTable;
  project: ProjectTable;
  project_theme: ProjectThemeTable;
  project_leader: ProjectLeaderTable;
  project_link: ProjectLinkTable;
  participation: ParticipationTable;
  participation_event: ParticipationEventTable;
}

export type MunicipalityRow = Selectable<MunicipalityTable>;
export type NewMunicipality = Insertable<MunicipalityTable>;
export type OrganisationRow = Selectable<OrganisationTable>;
export type MembershipRow = Selectable<MembershipTable>;
