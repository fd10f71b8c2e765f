import { type ArticleCheck, type ArticleDraft, isUuid, type NotFound } from '@klimakommuner/domain';
import { Result } from 'effect';
import type { Kysely } from 'kysely';
import { notFound } from '../content/results.ts';
import type { Database } from '../schema.ts';

// Parallel to resource/references.ts (an article names one image and an author, not
// attachments and links); kept apart rather than generalised so neither kind's rules bend.

/** The ids an article's draft names, resolved, and what the domain's rules need to know. */
export interface ArticleReferences {
  readonly themeIds: readonly string[];
  readonly projectId: string | null;
  readonly municipalities: readonly string[];
  /** The draft as checkArticleEdit sees it. */
  readonly check: ArticleCheck;
}

export type ArticleFields = Omit<ArticleDraft, 'publisher'>;

/**
 * Resolves the themes, project, municipalities, image file and author's person a draft names
 * (at most five statements, at once), NotFound for the first unknown one. The image counts as
 * unknown unless `publisher` uploaded it, the author's person unless they are one of its people.
 */
export const resolveArticleReferences = async (
  db: Kysely<Database>,
  draft: ArticleFields,
  publisher: { readonly id: string; readonly slug: string },
): Promise<Result.Result<ArticleReferences, NotFound>> => {
  const themeSlugs = [...new Set(draft.themes)];
  const numbers = [...new Set(draft.municipalities)];
  const imageId = draft.image?.file ?? null;
  if (imageId !== null && !isUuid(imageId)) return notFound('file', imageId);
  const personId = draft.author?.person ?? null;
  if (personId !== null && !isUuid(personId)) return notFound('person', personId);
  const [themes, project, municipalities, file, person] = await Promise.all([
    themeSlugs.length === 0
      ? []
      : db.selectFrom('theme').select(['id', 'slug']).where('slug', 'in', themeSlugs).execute(),
    draft.project === null
      ? null
      : db
          .selectFrom('project as p')
          .innerJoin('organisation as o', 'o.id', 'p.owner_organisation_id')
          .select(['p.id', 'p.slug', 'o.slug as owner'])
          .where('p.slug', '=', draft.project)
          .executeTakeFirst(),
    numbers.length === 0
      ? []
      : db.selectFrom('municipality').select('number').where('number', 'in', numbers).execute(),
    imageId === null
      ? null
      : db
          .selectFrom('stored_file')
          .select(['id', 'width'])
          .where('id', '=', imageId)
          .where('organisation_id', '=', publisher.id)
          .executeTakeFirst(),
    personId === null
      ? null
      : db
          .selectFrom('person')
          .select('id')
          .where('id', '=', personId)
          .where('organisation_id', '=', publisher.id)
          .executeTakeFirst(),
  ]);
  const themeIds = new Map(themes.map((t) => [t.slug, t.id]));
  const missingTheme = themeSlugs.find((s) => !themeIds.has(s));
  if (missingTheme !== undefined) return notFound('theme', missingTheme);
  if (draft.project !== null && !project) return notFound('project', draft.project);
  const known = new Set(municipalities.map((m) => m.number));
  const missingMunicipality = numbers.find((n) => !known.has(n));
  if (missingMunicipality !== undefined) return notFound('municipality', missingMunicipality);
  if (imageId !== null && !file) return notFound('file', imageId);
  if (personId !== null && !person) return notFound('person', personId);
  return Result.succeed({
    themeIds: themeSlugs.map((s) => themeIds.get(s) ?? ''),
    projectId: project?.id ?? null,
    municipalities: numbers,
    check: {
      publisher: publisher.slug,
      lead: draft.lead,
      body: draft.body,
      image:
        draft.image === null
          ? null
          : { altText: draft.image.altText, isImage: (file?.width ?? null) !== null },
      project: project ? { slug: project.slug, owner: project.owner } : null,
    },
  });
};

/** Replaces the article's themes and municipalities. */
export const writeArticleChildren = async (
  db: Kysely<Database>,
  articleId: string,
  references: ArticleReferences,
): Promise<void> => {
  await Promise.all(
    (['article_theme', 'article_municipality'] as const).map((table) =>
      db.deleteFrom(table).where('article_id', '=', articleId).execute(),
    ),
  );
  const inserts: Promise<unknown>[] = [];
  if (references.themeIds.length > 0)
    inserts.push(
      db
        .insertInto('article_theme')
        .values(references.themeIds.map((theme_id) => ({ article_id: articleId, theme_id })))
        .execute(),
    );
  if (references.municipalities.length > 0)
    inserts.push(
      db
        .insertInto('article_municipality')
        .values(
          references.municipalities.map((municipality_number) => ({
            article_id: articleId,
            municipality_number,
          })),
        )
        .execute(),
    );
  await Promise.all(inserts);
};
