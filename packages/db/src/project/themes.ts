import {
  type AuditActor,
  type IsoDate,
  type NotFound,
  type Page,
  type StaleVersion,
  type ThemeDetail,
  type ThemeView,
  todayIso,
} from '@klimakommuner/domain';
import { Result } from 'effect';
import { type ExpressionBuilder, type Kysely, type Selectable, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { nbOrder } from '../content/order.ts';
import { changeAtVersion, mustUpdateOne } from '../content/versioned.ts';
import type { Database, ThemeTable } from '../schema.ts';
import { publicProjectSql } from './rows.ts';
import {
  type ProjectSummaryRow,
  projectOrder,
  selectProjectSummaries,
  summaryOf,
} from './summaries.ts';

const selectThemes = (db: Kysely<Database>) =>
  db.selectFrom('theme').select(['id', 'slug', 'name', 'description', 'version']);

/** How many public projects (at `now`) have the theme aliased `th`; a scalar subquery. */
const publicProjectCount = (
  eb: ExpressionBuilder<Database & { th: ThemeTable }, 'th'>,
  now: Date,
) =>
  eb
    .selectFrom('project_theme as pt')
    .innerJoin('project as p', 'p.id', 'pt.project_id')
    .select(sql<number>`count(*)`.as('n'))
    .whereRef('pt.theme_id', '=', 'th.id')
    .where(publicProjectSql('p', now));

type ThemeRow = Pick<Selectable<ThemeTable>, 'slug' | 'name' | 'description'>;

const themeView = (row: ThemeRow, projectCount: number | null): ThemeView => ({
  slug: row.slug,
  name: row.name,
  description: row.description,
  projectCount: Number(projectCount ?? 0),
});

/** Every theme, sorted by name, counting its public projects at `now`; one statement. */
export const listThemes = async (
  db: Kysely<Database>,
  now: Date = new Date(),
): Promise<Page<ThemeView>> => ({
  items: (
    await db
      .selectFrom('theme as th')
      .select((eb) => ['th.slug', 'th.name', 'th.description', publicProjectCount(eb, now).as('n')])
      .orderBy(nbOrder('th'))
      .execute()
  ).map((row) => themeView(row, row.n)),
  nextCursor: null,
});

/**
 * One theme with its public projects (sorted by title, participants counted `today`); null when
 * there is no such theme. One statement.
 */
export const getTheme = async (
  db: Kysely<Database>,
  slug: string,
  now: Date = new Date(),
  today: IsoDate = todayIso(now),
): Promise<ThemeDetail | null> => {
  const row = await db
    .selectFrom('theme as th')
    .select(['th.slug', 'th.name', 'th.description'])
    .select(
      jsonArrayFrom(
        selectProjectSummaries(db, today)
          .where(publicProjectSql('pr', now))
          .where(
            sql<boolean>`exists (select 1 from project_theme x where x.project_id = pr.id and x.theme_id = th.id)`,
          )
          .orderBy(projectOrder),
      ).as('projects'),
    )
    .where('th.slug', '=', slug)
    .executeTakeFirst();
  if (!row) return null;
  const projects = (row.projects as ProjectSummaryRow[]).map(summaryOf);
  return { ...themeView(row, projects.length), projects };
};

export interface ThemeUpdate {
  readonly slug: string;
  readonly version: number;
  readonly name: string;
  readonly description: string;
}

/** A theme as the editor sees it: themes.list's view plus its version. */
export type ThemeEditView = ThemeView & { readonly version: number };

/** The themes with their versions, for the admin's theme editor. */
export const listThemesForEdit = async (
  db: Kysely<Database>,
  now: Date,
): Promise<ThemeEditView[]> => {
  const [page, rows] = await Promise.all([listThemes(db, now), selectThemes(db).execute()]);
  // Two statements: the admin's theme editor is not a public read.
  const versions = new Map(rows.map((row) => [row.slug, row.version]));
  return page.items.map((item) => ({ ...item, version: versions.get(item.slug) ?? 1 }));
};

/** What the trail keeps of a theme. */
const snapshot = (view: ThemeEditView) => ({
  slug: view.slug,
  name: view.name,
  description: view.description,
  version: view.version,
});

/**
 * Saves a theme's name and description at `version` (admin only, checked by the API);
 * returns the theme as themes.list shows it plus its version.
 */
export const updateTheme = (
  db: Kysely<Database>,
  input: ThemeUpdate,
  actor: AuditActor | null,
  now: Date,
): Promise<Result.Result<ThemeEditView, NotFound | StaleVersion>> =>
  changeAtVersion(db, {
    recordType: 'theme',
    recordId: input.slug,
    version: input.version,
    actor,
    lock: (trx) =>
      trx
        .selectFrom('theme')
        .select(['id', 'version'])
        .where('slug', '=', input.slug)
        .forUpdate()
        .executeTakeFirst(),
    view: async (trx) => {
      const row = await trx
        .selectFrom('theme as th')
        .select((eb) => [
          'th.slug',
          'th.name',
          'th.description',
          'th.version',
          publicProjectCount(eb, now).as('n'),
        ])
        .where('th.slug', '=', input.slug)
        .executeTakeFirstOrThrow();
      return { ...themeView(row, row.n), version: row.version };
    },
    snapshot,
    write: async (trx, row) => {
      mustUpdateOne(
        await trx
          .updateTable('theme')
          .set({
            name: input.name.trim(),
            description: input.description.trim(),
            version: sql`version + 1`,
            updated_at: sql`now()`,
          })
          .where('id', '=', row.id)
          .where('version', '=', input.version)
          .executeTakeFirst(),
        'theme',
      );
      return Result.succeed({ action: 'theme.update' as const, organisationId: null });
    },
  });
