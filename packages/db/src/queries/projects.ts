import {
  type IsoDate,
  isPublic,
  type MatrixView,
  type MunicipalityProjectView,
  membersOn,
  type OrganisationRef,
  type Page,
  type ParticipationEditView,
  type ParticipationStepView,
  type ProjectDetail,
  type ProjectEditView,
  type ProjectStatus,
  type ProjectSummary,
  slugify,
  type ThemeRef,
} from '@klimakommuner/domain';
import type { Kysely, Selectable } from 'kysely';
import type { Database, ParticipationTable } from '../schema.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { loadPeople, type PersonRow, personView } from './people.ts';
import { collator, loadMembershipWorld, loadMunicipalityRefs, regionRef } from './world.ts';

// Reads load what they show in a fixed number of queries whatever the row count: the projects,
// then their themes, leaders, links and participations in one query each (batched by id), then
// the people, municipalities and history events those name. Filtering on isPublic, matching and
// sorting happen here so both engines agree (SQL collations differ between them).

export const selectProjects = (db: Kysely<Database>) =>
  db
    .selectFrom('project as p')
    .innerJoin('organisation as o', 'o.id', 'p.owner_organisation_id')
    .select([
      'p.id',
      'p.slug',
      'p.title',
      'p.summary',
      'p.body',
      'p.body_html',
      'p.status',
      'p.start_date',
      'p.end_date',
      'p.workflow_status',
      'p.publish_at',
      'p.version',
      'p.owner_organisation_id',
      'o.slug as owner_slug',
      'o.name as owner_name',
      'o.short_name as owner_short_name',
      'o.kind as owner_kind',
    ]);

export type ProjectRow = Awaited<ReturnType<ReturnType<typeof selectProjects>['execute']>>[number];

export const isPublicRow = (row: ProjectRow, now: Date): boolean =>
  isPublic({ status: row.workflow_status, publishAt: row.publish_at?.toISOString() ?? null }, now);

const ownerRef = (row: ProjectRow): OrganisationRef => ({
  slug: row.owner_slug,
  name: row.owner_name,
  shortName: row.owner_short_name,
  kind: row.owner_kind,
});

/** Title in Norwegian order, slug breaking ties; the cursor keeps both. */
const compare = (a: ProjectRow, b: ProjectRow): number =>
  collator.compare(a.title, b.title) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/** Theme refs of each project, sorted by name; one query. */
const loadProjectThemes = async (
  db: Kysely<Database>,
  projectIds: readonly string[] | 'all',
): Promise<Map<string, ThemeRef[]>> => {
  if (projectIds !== 'all' && projectIds.length === 0) return new Map();
  let query = db
    .selectFrom('project_theme as pt')
    .innerJoin('theme as t', 't.id', 'pt.theme_id')
    .select(['pt.project_id', 't.slug', 't.name']);
  if (projectIds !== 'all') query = query.where('pt.project_id', 'in', projectIds);
  const result = new Map<string, ThemeRef[]>();
  for (const row of await query.execute()) {
    const list = result.get(row.project_id) ?? [];
    list.push({ slug: row.slug, name: row.name });
    result.set(row.project_id, list);
  }
  for (const list of result.values()) list.sort((a, b) => collator.compare(a.name, b.name));
  return result;
};

/** Participations that are not withdrawn, by project; one query. */
const loadParticipantCounts = async (
  db: Kysely<Database>,
  projectIds: readonly string[] | 'all',
): Promise<Map<string, number>> => {
  if (projectIds !== 'all' && projectIds.length === 0) return new Map();
  let query = db
    .selectFrom('participation')
    .select((eb) => ['project_id', eb.fn.countAll<number>().as('n')])
    .where('status', '<>', 'withdrawn')
    .groupBy('project_id');
  if (projectIds !== 'all') query = query.where('project_id', 'in', projectIds);
  return new Map((await query.execute()).map((r) => [r.project_id, Number(r.n)]));
};

const summary = (
  row: ProjectRow,
  themes: ReadonlyMap<string, ThemeRef[]>,
  counts: ReadonlyMap<string, number>,
): ProjectSummary => ({
  slug: row.slug,
  title: row.title,
  summary: row.summary,
  themes: themes.get(row.id) ?? [],
  owner: ownerRef(row),
  status: row.status,
  startDate: row.start_date,
  endDate: row.end_date,
  participantCount: counts.get(row.id) ?? 0,
});

/** Summaries of the given rows, in their order; two queries. */
export const projectSummaries = async (
  db: Kysely<Database>,
  rows: readonly ProjectRow[],
): Promise<ProjectSummary[]> => {
  const ids = rows.map((r) => r.id);
  const [themes, counts] = await Promise.all([
    loadProjectThemes(db, ids),
    loadParticipantCounts(db, ids),
  ]);
  return rows.map((row) => summary(row, themes, counts));
};

/** Every public project, sorted by title (the domain's isPublic at `now`). */
export const loadPublicProjects = async (
  db: Kysely<Database>,
  now: Date,
  owner?: string,
): Promise<ProjectRow[]> => {
  let query = selectProjects(db);
  if (owner !== undefined) query = query.where('o.slug', '=', owner);
  return (await query.execute()).filter((row) => isPublicRow(row, now)).sort(compare);
};

export interface ProjectFilter {
  /** Theme slug. */
  readonly theme?: string | undefined;
  /** Owner organisation slug. */
  readonly organisation?: string | undefined;
  /** Kommunenummer: projects the municipality takes part in (a participation not withdrawn). */
  readonly municipality?: string | undefined;
  readonly status?: ProjectStatus | undefined;
  /** Part of the title or summary (case-insensitive; 'gronn' finds «Grønn mobilitet»). */
  readonly q?: string | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

const matches = (q: string) => {
  const query = q.trim();
  if (query === '') return () => true;
  const needle = query.toLocaleLowerCase('nb');
  // Typed without æ, ø, å: also compare with the slug, which spells them that way.
  const slug = /^[\x20-\x7e]+$/.test(query) ? slugify(query) : '';
  return (row: ProjectRow) =>
    row.title.toLocaleLowerCase('nb').includes(needle) ||
    row.summary.toLocaleLowerCase('nb').includes(needle) ||
    (slug !== '' && row.slug.includes(slug));
};

/**
 * One page of public projects sorted by title. Four queries whatever the filter. Unknown
 * theme, organisation or municipality → an empty page. Throws InvalidCursorError on a bad cursor.
 */
export const listProjects = async (
  db: Kysely<Database>,
  filter: ProjectFilter,
  now: Date = new Date(),
): Promise<Page<ProjectSummary>> => {
  const after = filter.cursor ? decodeCursor(filter.cursor) : null;
  const [rows, themes, counts, taking] = await Promise.all([
    loadPublicProjects(db, now, filter.organisation),
    loadProjectThemes(db, 'all'),
    loadParticipantCounts(db, 'all'),
    filter.municipality === undefined
      ? null
      : db
          .selectFrom('participation')
          .select('project_id')
          .where('municipality_number', '=', filter.municipality)
          .where('status', '<>', 'withdrawn')
          .execute()
          .then((r) => new Set(r.map((p) => p.project_id))),
  ]);
  const match = matches(filter.q ?? '');
  const selected = rows
    .filter(
      (row) =>
        filter.theme === undefined ||
        (themes.get(row.id) ?? []).some((t) => t.slug === filter.theme),
    )
    .filter((row) => filter.status === undefined || row.status === filter.status)
    .filter((row) => taking === null || taking.has(row.id))
    .filter(match)
    .filter(
      (row) =>
        after === null ||
        collator.compare(row.title, after.name) > 0 ||
        (collator.compare(row.title, after.name) === 0 && row.slug > after.number),
    );
  const limit = Math.max(1, Math.floor(filter.limit));
  const page = selected.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => summary(row, themes, counts)),
    nextCursor:
      selected.length > limit && last
        ? encodeCursor({ name: last.title, number: last.slug })
        : null,
  };
};

/** Participations of the given projects with their history, contacts and municipalities. */
const loadParticipations = async (
  db: Kysely<Database>,
  projectIds: readonly string[],
): Promise<Map<string, ParticipationEditView[]>> => {
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('participation')
    .selectAll()
    .where('project_id', 'in', projectIds)
    .execute();
  return participationViews(db, rows);
};

type ParticipationRow = Selectable<ParticipationTable>;

/** Views of participation rows, by project id, sorted by municipality name; three queries. */
export const participationViews = async (
  db: Kysely<Database>,
  rows: readonly ParticipationRow[],
): Promise<Map<string, ParticipationEditView[]>> => {
  if (rows.length === 0) return new Map();
  const [events, people, municipalities] = await Promise.all([
    db
      .selectFrom('participation_event')
      .select(['participation_id', 'status', 'since'])
      .where(
        'participation_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('since')
      .orderBy('id')
      .execute(),
    loadPeople(
      db,
      rows.flatMap((r) => (r.contact_person_id === null ? [] : [r.contact_person_id])),
    ),
    loadMunicipalityRefs(db, [...new Set(rows.map((r) => r.municipality_number))]),
  ]);
  const history = new Map<string, ParticipationStepView[]>();
  for (const e of events) {
    const list = history.get(e.participation_id) ?? [];
    list.push({ status: e.status, since: e.since });
    history.set(e.participation_id, list);
  }
  const result = new Map<string, ParticipationEditView[]>();
  for (const row of rows) {
    const municipality = municipalities.get(row.municipality_number);
    if (!municipality) throw new Error(`Unknown municipality ${row.municipality_number}`);
    const contact = row.contact_person_id === null ? undefined : people.get(row.contact_person_id);
    const list = result.get(row.project_id) ?? [];
    list.push({
      id: row.id,
      municipality,
      status: row.status,
      since: row.since,
      note: row.note,
      contact: contact ? personView(contact) : null,
      history: history.get(row.id) ?? [],
      version: row.version,
    });
    result.set(row.project_id, list);
  }
  for (const list of result.values()) {
    list.sort((a, b) => collator.compare(a.municipality.name, b.municipality.name));
  }
  return result;
};

/** The whole edit view of one project row: eight queries. */
const editView = async (db: Kysely<Database>, row: ProjectRow): Promise<ProjectEditView> => {
  const [[base], leaderRows, links, participations] = await Promise.all([
    projectSummaries(db, [row]),
    db
      .selectFrom('project_leader')
      .select('person_id')
      .where('project_id', '=', row.id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('project_link')
      .select(['label', 'url'])
      .where('project_id', '=', row.id)
      .orderBy('position')
      .execute(),
    loadParticipations(db, [row.id]),
  ]);
  if (!base) throw new Error('A project without its summary');
  const leaderIds = leaderRows.map((l) => l.person_id);
  const people = await loadPeople(db, leaderIds);
  return {
    ...base,
    bodyHtml: row.body_html,
    leaders: leaderIds.flatMap((id) => {
      const person: PersonRow | undefined = people.get(id);
      return person ? [personView(person)] : [];
    }),
    links,
    participations: participations.get(row.id) ?? [],
    body: row.body,
    leaderIds,
    workflowStatus: row.workflow_status,
    publishAt: row.publish_at?.toISOString() ?? null,
    version: row.version,
  };
};

/** The project whatever its workflow status, for editors; null when there is none. */
export const getProjectForEdit = async (
  db: Kysely<Database>,
  slug: string,
  _now: Date = new Date(),
): Promise<ProjectEditView | null> => {
  const row = await selectProjects(db).where('p.slug', '=', slug).executeTakeFirst();
  return row ? editView(db, row) : null;
};

/**
 * The public detail of a project; null unless it is public at `now`. Leaders' and contacts'
 * email and phone go through the domain's publicContact.
 */
export const getProject = async (
  db: Kysely<Database>,
  slug: string,
  now: Date = new Date(),
): Promise<ProjectDetail | null> => {
  const row = await selectProjects(db).where('p.slug', '=', slug).executeTakeFirst();
  if (!row || !isPublicRow(row, now)) return null;
  const {
    body: _b,
    leaderIds: _l,
    workflowStatus: _w,
    publishAt: _p,
    version: _v,
    participations,
    ...detail
  } = await editView(db, row);
  return { ...detail, participations: participations.map(({ version: _pv, ...p }) => p) };
};

/** The slug of the project's owner organisation (for the API's authorisation); null when none. */
export const projectOrganisation = async (
  db: Kysely<Database>,
  slug: string,
): Promise<string | null> =>
  (
    await db
      .selectFrom('project as p')
      .innerJoin('organisation as o', 'o.id', 'p.owner_organisation_id')
      .select('o.slug')
      .where('p.slug', '=', slug)
      .executeTakeFirst()
  )?.slug ?? null;

/**
 * An organisation's current members (the domain's membersOn today) against its public projects.
 * Cells are aligned with `projects`; withdrawn participations show as such. Six queries.
 */
export const participationMatrix = async (
  db: Kysely<Database>,
  organisationSlug: string,
  today: IsoDate,
  now: Date = new Date(),
): Promise<MatrixView | null> => {
  const [world, projects] = await Promise.all([
    loadMembershipWorld(db),
    loadPublicProjects(db, now, organisationSlug),
  ]);
  const organisation = world.organisations.find((o) => o.slug === organisationSlug);
  if (!organisation) return null;
  const members = membersOn(organisationSlug, today, world.memberships, world.regions);
  const [refs, participations] = await Promise.all([
    loadMunicipalityRefs(
      db,
      members.map((m) => m.municipality),
    ),
    projects.length === 0
      ? []
      : db
          .selectFrom('participation')
          .select(['id', 'project_id', 'municipality_number', 'status', 'since'])
          .where(
            'project_id',
            'in',
            projects.map((p) => p.id),
          )
          .execute(),
  ]);
  const cell = new Map(participations.map((p) => [`${p.project_id}|${p.municipality_number}`, p]));
  const rows = members
    .map((m) => {
      const municipality = refs.get(m.municipality);
      if (!municipality)
        throw new Error(`Membership refers to unknown municipality ${m.municipality}`);
      return {
        municipality,
        via: regionRef(world, m.via),
        cells: projects.map((p) => {
          const found = cell.get(`${p.id}|${m.municipality}`);
          return found
            ? { status: found.status, since: found.since, participationId: found.id }
            : null;
        }),
      };
    })
    .sort((a, b) => collator.compare(a.municipality.name, b.municipality.name));
  return {
    organisation: {
      slug: organisation.slug,
      name: organisation.name,
      shortName: organisation.shortName,
      kind: organisation.kind,
    },
    projects: projects.map((p) => ({ slug: p.slug, title: p.title })),
    rows,
  };
};

/** The public projects a municipality takes part in (withdrawn included), sorted by title. */
export const municipalityProjects = async (
  db: Kysely<Database>,
  municipality: string,
  now: Date,
): Promise<MunicipalityProjectView[]> => {
  const [rows, participations] = await Promise.all([
    loadPublicProjects(db, now),
    db
      .selectFrom('participation')
      .select(['project_id', 'status', 'since'])
      .where('municipality_number', '=', municipality)
      .execute(),
  ]);
  const byProject = new Map(participations.map((p) => [p.project_id, p]));
  return rows.flatMap((row) => {
    const p = byProject.get(row.id);
    return p
      ? [
          {
            project: { slug: row.slug, title: row.title },
            owner: ownerRef(row),
            status: p.status,
            since: p.since,
          },
        ]
      : [];
  });
};
