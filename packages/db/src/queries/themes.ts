import type { AuditActor, Page, ThemeDetail, ThemeView } from '@klimakommuner/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { writeAudit } from './audit.ts';
import { notFound, type Outcome, ok, stale } from './outcome.ts';
import { isPublicRow, loadPublicProjects, projectSummaries } from './projects.ts';
import { collator } from './world.ts';

const selectThemes = (db: Kysely<Database>) =>
  db.selectFrom('theme').select(['id', 'slug', 'name', 'description', 'version']);

/** Theme ids of every public project at `now`: three queries. */
const publicProjectThemes = async (db: Kysely<Database>, now: Date) => {
  const [projects, links] = await Promise.all([
    loadPublicProjects(db, now),
    db.selectFrom('project_theme').select(['project_id', 'theme_id']).execute(),
  ]);
  const publicIds = new Set(projects.map((p) => p.id));
  return { projects, links: links.filter((l) => publicIds.has(l.project_id)) };
};

type ThemeRow = Awaited<ReturnType<ReturnType<typeof selectThemes>['execute']>>[number];

const themeView = (row: ThemeRow, projectCount: number): ThemeView => ({
  slug: row.slug,
  name: row.name,
  description: row.description,
  projectCount,
});

/** Every theme, sorted by name, counting its public projects at `now`. One page (themes are few). */
export const listThemes = async (
  db: Kysely<Database>,
  now: Date = new Date(),
): Promise<Page<ThemeView>> => {
  const [rows, { links }] = await Promise.all([
    selectThemes(db).execute(),
    publicProjectThemes(db, now),
  ]);
  const counts = new Map<string, number>();
  for (const l of links) counts.set(l.theme_id, (counts.get(l.theme_id) ?? 0) + 1);
  return {
    items: rows
      .map((row) => themeView(row, counts.get(row.id) ?? 0))
      .sort((a, b) => collator.compare(a.name, b.name)),
    nextCursor: null,
  };
};

/** One theme with its public projects (sorted by title); null when there is no such theme. */
export const getTheme = async (
  db: Kysely<Database>,
  slug: string,
  now: Date = new Date(),
): Promise<ThemeDetail | null> => {
  const [row, { projects, links }] = await Promise.all([
    selectThemes(db).where('slug', '=', slug).executeTakeFirst(),
    publicProjectThemes(db, now),
  ]);
  if (!row) return null;
  const ids = new Set(links.filter((l) => l.theme_id === row.id).map((l) => l.project_id));
  const mine = projects.filter((p) => ids.has(p.id) && isPublicRow(p, now));
  return { ...themeView(row, mine.length), projects: await projectSummaries(db, mine) };
};

export interface ThemeUpdate {
  readonly slug: string;
  readonly version: number;
  readonly name: string;
  readonly description: string;
}

/** What the trail keeps, and what a stale save returns as `current`. */
const stored = (row: ThemeRow) => ({
  slug: row.slug,
  name: row.name,
  description: row.description,
  version: row.version,
});

/**
 * Saves a theme's name and description at `version` (admin only, checked by the API);
 * returns the theme as themes.list shows it plus its version. Stale → the stored theme.
 */
export const updateTheme = (
  db: Kysely<Database>,
  input: ThemeUpdate,
  actor: AuditActor | null,
  now: Date = new Date(),
): Promise<Outcome<ThemeView & { readonly version: number }>> =>
  db.transaction().execute(async (trx) => {
    const row = await selectThemes(trx)
      .where('slug', '=', input.slug)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return notFound('theme', input.slug);
    const count = async (themeId: string) =>
      (await publicProjectThemes(trx, now)).links.filter((l) => l.theme_id === themeId).length;
    if (row.version !== input.version) {
      return stale('theme', input.slug, input.version, {
        ...themeView(row, await count(row.id)),
        version: row.version,
      });
    }
    const updated = await trx
      .updateTable('theme')
      .set({
        name: input.name.trim(),
        description: input.description.trim(),
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('id', '=', row.id)
      .where('version', '=', input.version)
      .returning(['id', 'slug', 'name', 'description', 'version'])
      .executeTakeFirst();
    if (!updated) throw new Error('The locked theme changed underneath');
    await writeAudit(trx, {
      actor,
      action: 'theme.update',
      recordType: 'theme',
      recordId: input.slug,
      organisationId: null,
      before: stored(row),
      after: stored(updated),
    });
    return ok({ ...themeView(updated, await count(updated.id)), version: updated.version });
  });
