import {
  addParticipation,
  type ContactCandidate,
  createPerson,
  createProject,
  type DbHandle,
  getProject,
  getProjectForEdit,
  getTheme,
  InvalidCursorError,
  isContactNotCandidate,
  listContactCandidates,
  listPeople,
  listProjects,
  listThemes,
  participationMatrix,
  setParticipationContact,
  setParticipationStatus,
  transitionProject,
  updatePerson,
  updateProject,
  updateTheme,
  withdrawParticipation,
} from '@klimakommuner/db';
import {
  type IsoDate,
  type MatrixView,
  normaliseEmail,
  type Page,
  type ParticipationEditView,
  type ParticipationStatus,
  type PersonEditView,
  type ProjectDetail,
  type ProjectEditView,
  type ProjectLink,
  type ProjectStatus,
  type ProjectSummary,
  type Status,
  type ThemeDetail,
  type ThemeView,
  type Transition,
} from '@klimakommuner/domain';
import { DomainError, invalidField, notFound } from './errors.ts';
import { DEFAULT_LIMIT } from './inputs.ts';
import { renderMarkdown } from './markdown.ts';
import { unwrap } from './outcome.ts';
import type { Auth } from './trpc.ts';

// The projects issue's services: each takes decoded input, calls one db function and maps what
// comes back (null → NOT_FOUND, an Outcome → a value or the rule's error). Access is checked
// before any of this runs (meta.access in the routers).

type Db = DbHandle['db'];
const same = <T>(value: T): T => value;

const invalidCursor = (error: unknown): never => {
  if (!(error instanceof InvalidCursorError)) throw error;
  throw new DomainError('BAD_REQUEST', 'InvalidCursor', 'Ugyldig sidemarkør.', error);
};

// ——— Public reads ———

export const themes = (db: Db, now: Date): Promise<Page<ThemeView>> => listThemes(db, now);

export const theme = async (db: Db, slug: string, now: Date): Promise<ThemeDetail> => {
  const found = await getTheme(db, slug, now);
  if (found === null) throw notFound(`Fant ikke noe tema med adressen «${slug}».`);
  return found;
};

export interface ProjectQuery {
  readonly theme?: string;
  readonly organisation?: string;
  readonly municipality?: string;
  readonly status?: ProjectStatus;
  readonly q?: string;
  readonly limit: number;
  readonly cursor?: string;
}

export const projects = (
  db: Db,
  input: ProjectQuery | undefined,
  now: Date,
): Promise<Page<ProjectSummary>> =>
  listProjects(db, input ?? { limit: DEFAULT_LIMIT }, now).catch(invalidCursor);

const projectNotFound = (slug: string) =>
  notFound(`Fant ikke noe prosjekt med adressen «${slug}».`);

/** Public projects only: a draft, a scheduled or an archived one is NOT_FOUND, as unknown ones. */
export const project = async (db: Db, slug: string, now: Date): Promise<ProjectDetail> => {
  const found = await getProject(db, slug, now);
  if (found === null) throw projectNotFound(slug);
  return found;
};

export const matrix = async (
  db: Db,
  organisation: string,
  today: IsoDate,
  now: Date,
): Promise<MatrixView> => {
  const found = await participationMatrix(db, organisation, today, now);
  if (found === null) throw notFound(`Fant ingen organisasjon med adressen «${organisation}».`);
  return found;
};

// ——— Editors: projects ———

/** What projects.listForEdit gives per project: the summary and where it is in the workflow. */
export interface ProjectEditSummary extends ProjectSummary {
  readonly workflowStatus: Status;
  readonly publishAt: string | null;
  readonly version: number;
}

/**
 * Every project of an organisation whatever its workflow status, sorted by title (for the admin's
 * list; not in the contract). packages/db has no such list, so the slugs come from one local
 * query and each project from getProjectForEdit (an organisation has a handful).
 */
export const projectsForEdit = async (
  db: Db,
  organisation: string,
  now: Date,
): Promise<{ items: ProjectEditSummary[] }> => {
  const rows = await db
    .selectFrom('project as p')
    .innerJoin('organisation as o', 'o.id', 'p.owner_organisation_id')
    .select('p.slug')
    .where('o.slug', '=', organisation)
    .execute();
  const views = await Promise.all(rows.map((row) => getProjectForEdit(db, row.slug, now)));
  const items = views
    .filter((view): view is ProjectEditView => view !== null)
    .map(
      (view): ProjectEditSummary => ({
        slug: view.slug,
        title: view.title,
        summary: view.summary,
        themes: view.themes,
        owner: view.owner,
        status: view.status,
        startDate: view.startDate,
        endDate: view.endDate,
        participantCount: view.participantCount,
        workflowStatus: view.workflowStatus,
        publishAt: view.publishAt,
        version: view.version,
      }),
    )
    .sort((a, b) => byTitle.compare(a.title, b.title) || (a.slug < b.slug ? -1 : 1));
  return { items };
};

const byTitle = new Intl.Collator('nb');

/** The sanitised HTML of a body that is not saved yet (the admin's preview). */
export const preview = (body: string): { bodyHtml: string } => ({ bodyHtml: renderMarkdown(body) });

export const projectForEdit = async (db: Db, slug: string, now: Date): Promise<ProjectEditView> => {
  const found = await getProjectForEdit(db, slug, now);
  if (found === null) throw projectNotFound(slug);
  return found;
};

export interface ProjectFields {
  readonly title: string;
  readonly summary: string;
  /** Markdown. */
  readonly body: string;
  readonly themes: readonly string[];
  readonly status: ProjectStatus;
  readonly startDate?: IsoDate | null;
  readonly endDate?: IsoDate | null;
  readonly leaders: readonly string[];
  readonly links?: readonly ProjectLink[];
}

/** The draft as the db takes it: the body rendered with the strict allow-list, absent = none. */
const draftOf = (input: ProjectFields) => ({
  title: input.title,
  summary: input.summary,
  body: input.body,
  bodyHtml: renderMarkdown(input.body),
  themes: [...new Set(input.themes)],
  status: input.status,
  startDate: input.startDate ?? null,
  endDate: input.endDate ?? null,
  leaders: [...new Set(input.leaders)],
  links: (input.links ?? []).map((link) => ({ label: link.label.trim(), url: link.url.trim() })),
});

export const create = async (
  db: Db,
  input: ProjectFields & { readonly organisation: string },
  auth: Auth,
  now: Date,
): Promise<{ slug: string; version: number }> =>
  unwrap(
    await createProject(db, { ...draftOf(input), owner: input.organisation }, auth.auditActor, now),
    (view) => ({ slug: view.slug, version: view.version }),
  );

export const update = async (
  db: Db,
  input: ProjectFields & { readonly slug: string; readonly version: number },
  auth: Auth,
  now: Date,
): Promise<ProjectEditView> =>
  unwrap(
    await updateProject(
      db,
      { ...draftOf(input), slug: input.slug, version: input.version },
      auth.auditActor,
      now,
    ),
    same,
  );

export const transition = async (
  db: Db,
  input: {
    readonly slug: string;
    readonly version: number;
    readonly transition: Transition;
    readonly publishAt?: string | null;
  },
  auth: Auth,
  now: Date,
): Promise<ProjectEditView> => {
  if (input.publishAt && input.transition !== 'publish') {
    throw invalidField('publishAt', 'Et publiseringstidspunkt kan bare settes når du publiserer.');
  }
  const outcome = await transitionProject(
    db,
    {
      slug: input.slug,
      version: input.version,
      transition: input.transition,
      publishAt: input.publishAt ? new Date(input.publishAt).toISOString() : null,
    },
    auth.auditActor,
    now,
  );
  return unwrap(outcome, same);
};

// ——— Editors: participations ———

export const addTo = async (
  db: Db,
  input: {
    readonly project: string;
    readonly municipality: string;
    readonly status: ParticipationStatus;
    readonly since: IsoDate;
    readonly note?: string;
    readonly contact?: string | null;
  },
  auth: Auth,
  today: IsoDate,
): Promise<ParticipationEditView> =>
  unwrap(await addParticipation(db, input, auth.auditActor, today), same);

export const setStatus = async (
  db: Db,
  input: {
    readonly id: string;
    readonly status: ParticipationStatus;
    readonly since: IsoDate;
    readonly version: number;
    readonly note?: string;
  },
  auth: Auth,
): Promise<ParticipationEditView> =>
  unwrap(await setParticipationStatus(db, input, auth.auditActor), same);

export const withdraw = async (
  db: Db,
  input: { readonly id: string; readonly since: IsoDate; readonly version: number },
  auth: Auth,
): Promise<ParticipationEditView> =>
  unwrap(await withdrawParticipation(db, input, auth.auditActor), same);

/**
 * Sets (a person id) or clears (null) a participation's contact at `version`. A person of neither
 * the project's owner nor the participation's municipality is a field error on `contact`.
 */
export const setContact = async (
  db: Db,
  input: { readonly id: string; readonly contact: string | null; readonly version: number },
  auth: Auth,
): Promise<ParticipationEditView> => {
  const outcome = await setParticipationContact(db, input, auth.auditActor);
  if (outcome.kind === 'refused' && isContactNotCandidate(outcome.error)) {
    throw invalidField('contact', outcome.error.message);
  }
  return unwrap(outcome, same);
};

/** Who may be a contact in the project (setContact's candidates), without email and phone. */
export const contactCandidates = async (db: Db, project: string): Promise<ContactCandidate[]> => {
  const found = await listContactCandidates(db, project);
  if (found === null) throw projectNotFound(project);
  return found;
};

// ——— Editors: people and themes ———

export const people = (db: Db, organisation: string | undefined): Promise<PersonEditView[]> =>
  listPeople(db, organisation === undefined ? {} : { organisation });

export interface PersonFields {
  readonly name: string;
  readonly title: string;
  readonly organisation?: string | null;
  readonly municipality?: string | null;
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly consent: boolean;
}

/** Emails are kept normalised (trimmed, lower case), as the accounts' are. */
const normalised = <P extends PersonFields>(input: P): P => ({
  ...input,
  email: input.email ? normaliseEmail(input.email) : null,
});

export const addPerson = async (db: Db, input: PersonFields, auth: Auth): Promise<PersonEditView> =>
  unwrap(await createPerson(db, normalised(input), auth.auditActor), same);

/** A full replacement: an absent organisation, municipality, email or phone means none. */
export const savePerson = async (
  db: Db,
  input: PersonFields & { readonly id: string; readonly version: number },
  auth: Auth,
): Promise<PersonEditView> =>
  unwrap(await updatePerson(db, normalised(input), auth.auditActor), same);

/**
 * The themes with their versions, for the admin's theme editor (not in the contract; listThemes
 * has no version, so one local query adds it).
 */
export const themesForEdit = async (
  db: Db,
  now: Date,
): Promise<{ items: (ThemeView & { readonly version: number })[] }> => {
  const [page, rows] = await Promise.all([
    listThemes(db, now),
    db.selectFrom('theme').select(['slug', 'version']).execute(),
  ]);
  const versions = new Map(rows.map((row) => [row.slug, row.version]));
  return { items: page.items.map((item) => ({ ...item, version: versions.get(item.slug) ?? 1 })) };
};

export const saveTheme = async (
  db: Db,
  input: { readonly slug: string; readonly version: number; name: string; description: string },
  auth: Auth,
  now: Date,
): Promise<ThemeView & { readonly version: number }> =>
  unwrap(await updateTheme(db, input, auth.auditActor, now), same);
