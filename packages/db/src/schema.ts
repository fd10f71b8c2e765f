import type {
  EventStatus,
  MembershipStartPrecision,
  OrganisationKind,
  ParticipationStatus,
  ProjectStatus,
  ResourceAudience,
  ResourceKind,
  ResourceLanguage,
  RoleName,
  Status,
  TokenScope,
} from '@klimakommuner/domain';
import type { ColumnType, Generated } from 'kysely';

// The tables as kysely sees them. Columns holding one of the domain's unions are typed with it,
// so a status or a role is spelt once (in packages/domain); rows are `Selectable<…Table>`.

/** A `date` column: read as 'YYYY-MM-DD' on both engines (see client.ts), written as the same. */
type IsoDateColumn = string;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A workflow status column: the default ('draft') may be left out on insert. */
type ContentStatus = ColumnType<Status, Status | undefined, Status>;

/** A generated `collate "C"` column (nb_sort_key of the name): read only. */
type SortKey = ColumnType<string, never, never>;

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
  /** The kommunenummer before the 2024 reform, when it was another. */
  previous_number: Generated<string | null>;
  /** nb_sort_key(name), generated: byte order is Norwegian order. Never written. */
  sort_key: SortKey;
}

export interface OrganisationTable {
  id: Generated<string>;
  slug: string;
  name: string;
  short_name: string | null;
  kind: OrganisationKind;
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
  status: ContentStatus;
  publish_at: Timestamp | null;
  sort_key: SortKey;
  /** The logo (an image in stored_file, set by administrators) and its alt text ('' without one). */
  logo_file_id: string | null;
  logo_alt: Generated<string>;
}

export interface RegionTable {
  id: Generated<string>;
  slug: string;
  name: string;
  sort_key: SortKey;
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
  /** What is known of from_date. */
  from_precision: Generated<MembershipStartPrecision>;
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
  role: RoleName;
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
  scope: TokenScope;
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

export interface ThemeTable {
  id: Generated<string>;
  slug: string;
  name: string;
  description: Generated<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
  sort_key: SortKey;
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
  sort_key: SortKey;
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
  status: ProjectStatus;
  start_date: IsoDateColumn | null;
  end_date: IsoDateColumn | null;
  workflow_status: ContentStatus;
  publish_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
  sort_key: SortKey;
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
  status: ParticipationStatus;
  since: IsoDateColumn;
  contact_person_id: string | null;
  note: Generated<string>;
  /** Seeded for development only (seedDemoParticipations); every page marks it. */
  demo: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

/** One step of a participation's history; append-only. */
export interface ParticipationEventTable {
  id: Generated<number>;
  participation_id: string;
  status: ParticipationStatus;
  since: IsoDateColumn;
  note: Generated<string>;
  at: CreatedAt;
  actor_name: string | null;
}

/**
 * The view membership_member: each membership once per member municipality, directly (`via`
 * null) or through the region `via` (its slug).
 */
export interface MembershipMemberView {
  membership_id: string;
  organisation_id: string;
  municipality_number: string;
  via: string | null;
  from_date: IsoDateColumn;
  from_precision: MembershipStartPrecision;
  to_date: IsoDateColumn | null;
}

/** One row: bumped once by every transaction that changes public content (see content/version.ts). */
export interface ContentVersionTable {
  id: Generated<boolean>;
  version: number;
}

/**
 * What a municipality belonged to on `as_of`, as of content `version` (migration
 * 2026_12_03_municipality_today; municipality/today.ts keeps it).
 */
export interface MunicipalityTodayTable {
  municipality_number: string;
  as_of: IsoDateColumn;
  version: number;
  organisations: ColumnType<unknown, string, string>;
  organisation_count: number;
  first_organisations: ColumnType<unknown, string, string>;
  first_count: number;
}

/** A file as intake stored it (packages/files), owned by the organisation that uploaded it. */
export interface StoredFileTable {
  id: string;
  organisation_id: string;
  kind: string;
  kind_label: string;
  media_type: string;
  size: number;
  sha256: string;
  variants: ColumnType<JsonValue, string, string>;
  widths: ColumnType<number[], number[] | undefined, number[]>;
  width: number | null;
  height: number | null;
  alt_text: string | null;
  /** The text of a PDF, for search. */
  text: string | null;
  created_at: CreatedAt;
  /** When the last attachment using it went: the audit window starts (fileUses). */
  released_at: Timestamp | null;
}

export interface ResourceTable {
  id: Generated<string>;
  slug: string;
  title: string;
  summary: Generated<string>;
  /** Markdown, as typed by an editor. */
  body: Generated<string>;
  /** The sanitised HTML of `body`, rendered by the API when it saves. */
  body_html: Generated<string>;
  /** The words of `body` without markup (the domain's markdownPlainText), for search. */
  body_text: Generated<string>;
  kind: ResourceKind;
  owner_organisation_id: string;
  project_id: string | null;
  audience: ColumnType<ResourceAudience[], ResourceAudience[] | undefined, ResourceAudience[]>;
  language: ColumnType<ResourceLanguage, ResourceLanguage | undefined, ResourceLanguage>;
  published_on: IsoDateColumn | null;
  last_reviewed_on: IsoDateColumn | null;
  workflow_status: ContentStatus;
  publish_at: Timestamp | null;
  /** Seeded for development only (seedDemoResources); every page marks it. */
  demo: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

export interface ResourceThemeTable {
  resource_id: string;
  theme_id: string;
}

export interface ResourceMunicipalityTable {
  resource_id: string;
  municipality_number: string;
}

export interface ResourceAttachmentTable {
  resource_id: string;
  position: number;
  file_id: string;
  title: string;
  alt_text: string | null;
}

export interface ResourceLinkTable {
  resource_id: string;
  position: number;
  title: string;
  url: string;
}

export interface ArticleTable {
  id: Generated<string>;
  slug: string;
  title: string;
  /** The ingress, plain text. */
  lead: Generated<string>;
  /** Markdown, as typed by an editor. */
  body: Generated<string>;
  /** The sanitised HTML of `body`, rendered by the API when it saves. */
  body_html: Generated<string>;
  /** The words of `body` without markup, for search. */
  body_text: Generated<string>;
  image_file_id: string | null;
  image_alt: string | null;
  image_credit: Generated<string>;
  publisher_organisation_id: string;
  project_id: string | null;
  author_name: string | null;
  author_person_id: string | null;
  workflow_status: ContentStatus;
  publish_at: Timestamp | null;
  /** When it became (or, scheduled, becomes) public; set by publishing. */
  published_at: Timestamp | null;
  /** Seeded for development only; every page marks it. */
  demo: Generated<boolean>;
  created_at: CreatedAt;
  /** When its text was last saved (the workflow leaves it). */
  updated_at: UpdatedAt;
  version: Generated<number>;
}

export interface ArticleThemeTable {
  article_id: string;
  theme_id: string;
}

export interface ArticleMunicipalityTable {
  article_id: string;
  municipality_number: string;
}

/** One searchable published item (written by refreshSearchDocument; `document` is generated). */
export interface SearchDocumentTable {
  type: string;
  id: string;
  slug: string;
  title: string;
  summary: Generated<string>;
  body_text: Generated<string>;
  file_text: Generated<string>;
  kind: string | null;
  themes: ColumnType<string[], string[] | undefined, string[]>;
  project: string | null;
  organisation: string;
  municipalities: ColumnType<string[], string[] | undefined, string[]>;
  file_kinds: ColumnType<string[], string[] | undefined, string[]>;
  published_on: IsoDateColumn | null;
  visible_from: Timestamp | null;
  sort_key: ColumnType<string, never, never>;
  document: ColumnType<string, never, never>;
  signature: ColumnType<string, never, never>;
  facet_tokens: ColumnType<string[], never, never>;
}

export interface Database {
  content_version: ContentVersionTable;
  municipality_today: MunicipalityTodayTable;
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
  membership_member: MembershipMemberView;
  stored_file: StoredFileTable;
  resource: ResourceTable;
  resource_theme: ResourceThemeTable;
  resource_municipality: ResourceMunicipalityTable;
  resource_attachment: ResourceAttachmentTable;
  resource_link: ResourceLinkTable;
  search_document: SearchDocumentTable;
  event: EventTable;
  event_theme: EventThemeTable;
  event_municipality: EventMunicipalityTable;
  article: ArticleTable;
  article_theme: ArticleThemeTable;
  article_municipality: ArticleMunicipalityTable;
  /** A view: every use of a stored file (attachment, article image, logo). Never written. */
  file_use: FileUseView;
}

export interface FileUseView {
  file_id: string;
  title: string;
  status: ContentStatus;
  publish_at: Timestamp | null;
}

export interface EventTable {
  id: Generated<string>;
  slug: string;
  title: string;
  summary: Generated<string>;
  /** Markdown, as typed by an editor. */
  description: Generated<string>;
  /** The sanitised HTML of `description`, rendered by the API when it saves. */
  description_html: Generated<string>;
  description_text: Generated<string>;
  all_day: boolean;
  /** The event's bounds as instants (all day: midnight to midnight in Oslo). */
  starts_at: Timestamp;
  ends_at: Timestamp;
  /** Its first and last day, for an all-day event only. */
  start_date: IsoDateColumn | null;
  end_date: IsoDateColumn | null;
  address: string | null;
  online_url: string | null;
  organiser_organisation_id: string;
  project_id: string | null;
  registration_url: string | null;
  registration_deadline: Timestamp | null;
  capacity_note: Generated<string>;
  status: ColumnType<EventStatus, EventStatus | undefined, EventStatus>;
  status_note: Generated<string>;
  workflow_status: ContentStatus;
  publish_at: Timestamp | null;
  /** The iCalendar SEQUENCE. */
  sequence: Generated<number>;
  /** Seeded for development only; every page marks it. */
  demo: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

export interface EventThemeTable {
  event_id: string;
  theme_id: string;
}

export interface EventMunicipalityTable {
  event_id: string;
  municipality_number: string;
}
