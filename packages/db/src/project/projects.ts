import {
  type IsoDate,
  type Page,
  type ProjectDetail,
  type ProjectStatus,
  type ProjectSummary,
  slugify,
  todayIso,
} from '@klimakommuner/domain';
import { type Kysely, sql } from 'kysely';
import { decodeCursor, encodeCursor } from '../content/cursor.ts';
import { planIndependent } from '../content/generic-plan.ts';
import { nbAfter, nbContains } from '../content/order.ts';
import type { Database } from '../schema.ts';
import { loadProjectView, publicDetail } from './edit-view.ts';
import { publicProjectSql } from './rows.ts';
import { projectOrder, selectProjectSummaries, summaryOf } from './summaries.ts';
import { takesPartSql } from './takes-part.ts';

export interface ProjectFilter {
  /** Theme slug. */
  readonly theme?: string | undefined;
  /** Owner organisation slug. */
  readonly organisation?: string | undefined;
  /** Kommunenummer: projects the municipality takes part in today (takesPartSql). */
  readonly municipality?: string | undefined;
  readonly status?: ProjectStatus | undefined;
  /** Part of the title or summary (case-insensitive; 'gronn' finds «Grønn mobilitet»). */
  readonly q?: string | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/**
 * One page of public projects (isPublic at `now`, in SQL) sorted by title in Norwegian order,
 * counting participants `today`. One statement whatever the filter: matching, the keyset cursor
 * and the limit are in SQL, and the list carries no body. Unknown theme, organisation or
 * municipality → an empty page. Throws InvalidCursorError on a bad cursor.
 */
export const listProjects = async (
  db: Kysely<Database>,
  filter: ProjectFilter,
  now: Date = new Date(),
  today: IsoDate = todayIso(now),
): Promise<Page<ProjectSummary>> => {
  const after = filter.cursor ? decodeCursor(filter.cursor) : null;
  const limit = Number.isFinite(filter.limit) ? Math.max(1, Math.floor(filter.limit)) : 1;
  let query = selectProjectSummaries(db, today).where(
    publicProjectSql('pr', planIndependent(now, 'timestamptz')),
  );
  if (filter.organisation !== undefined) query = query.where('ow.slug', '=', filter.organisation);
  if (filter.status !== undefined) query = query.where('pr.status', '=', filter.status);
  const { theme, municipality } = filter;
  if (theme !== undefined) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('project_theme as pt')
          .innerJoin('theme as t', 't.id', 'pt.theme_id')
          .select(sql`1`.as('one'))
          .whereRef('pt.project_id', '=', 'pr.id')
          .where('t.slug', '=', theme),
      ),
    );
  }
  if (municipality !== undefined) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('participation as pa')
          .select(sql`1`.as('one'))
          .whereRef('pa.project_id', '=', 'pr.id')
          .where('pa.municipality_number', '=', municipality)
          .where(takesPartSql(planIndependent(today, 'date'), 'pa')),
      ),
    );
  }
  const q = (filter.q ?? '').trim();
  if (q !== '') {
    // Typed without æ, ø, å: also compare with the slug, which spells them that way.
    const slug = /^[\x20-\x7e]+$/.test(q) ? slugify(q) : '';
    query = query.where((eb) =>
      eb.or([
        nbContains('pr.title', q),
        nbContains('pr.summary', q),
        ...(slug === '' ? [] : [sql<boolean>`strpos(pr.slug, ${slug}) > 0`]),
      ]),
    );
  }
  if (after !== null) query = query.where(nbAfter('pr', 'title', 'slug', after));
  // The limit is part of the text: a limit passed as a parameter is planned as a tenth of the
  // rows, which keeps PostgreSQL from the generic plan (docs/decisions/0042).
  const rows = await query
    .orderBy(projectOrder)
    .limit(sql.lit(limit + 1))
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(summaryOf),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ name: last.title, number: last.slug }) : null,
  };
};

/**
 * The public detail of a project; null unless it is public at `now`. Leaders' and contacts'
 * email and phone go through the domain's publicContact.
 */
export const getProject = async (
  db: Kysely<Database>,
  slug: string,
  now: Date = new Date(),
  today: IsoDate = todayIso(now),
): Promise<ProjectDetail | null> => {
  const view = await loadProjectView(db, slug, today, now);
  return view ? publicDetail(view) : null;
};

/**
 * What the public will see of a project once it is public, whatever its workflow status now:
 * exactly getProject's detail, for the admin's preview. Null when there is no such project.
 */
export const getProjectPreview = async (
  db: Kysely<Database>,
  slug: string,
  today: IsoDate,
): Promise<ProjectDetail | null> => {
  const view = await loadProjectView(db, slug, today);
  return view ? publicDetail(view) : null;
};
