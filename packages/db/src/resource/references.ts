import {
  type AttachmentCheck,
  isUuid,
  type NotFound,
  type ResourceCheck,
  type ResourceDraft,
} from '@klimakommuner/domain';
import { Result } from 'effect';
import type { Kysely } from 'kysely';
import { notFound } from '../content/results.ts';
import type { Database } from '../schema.ts';

/** The ids a resource's draft names, resolved, and what the domain's rules need to know. */
export interface References {
  readonly themeIds: readonly string[];
  readonly projectId: string | null;
  readonly municipalities: readonly string[];
  /** The draft as checkResourceEdit sees it. */
  readonly check: ResourceCheck;
}

export type ResourceFields = Omit<ResourceDraft, 'owner'>;

/**
 * Resolves the themes, project, municipalities and files a draft names (four statements),
 * NotFound for the first unknown one. A file counts as unknown unless `owner` uploaded it: an
 * organisation attaches only its own uploads.
 */
export const resolveReferences = async (
  db: Kysely<Database>,
  draft: ResourceFields,
  owner: { readonly id: string; readonly slug: string },
): Promise<Result.Result<References, NotFound>> => {
  const themeSlugs = [...new Set(draft.themes)];
  const numbers = [...new Set(draft.municipalities)];
  const fileIds = [...new Set(draft.attachments.map((a) => a.file))];
  const badFile = fileIds.find((id) => !isUuid(id));
  if (badFile !== undefined) return notFound('file', badFile);
  const [themes, project, municipalities, files] = await Promise.all([
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
    fileIds.length === 0
      ? []
      : db
          .selectFrom('stored_file')
          .select(['id', 'width'])
          .where('id', 'in', fileIds)
          .where('organisation_id', '=', owner.id)
          .execute(),
  ]);
  const themeIds = new Map(themes.map((t) => [t.slug, t.id]));
  const missingTheme = themeSlugs.find((s) => !themeIds.has(s));
  if (missingTheme !== undefined) return notFound('theme', missingTheme);
  if (draft.project !== null && !project) return notFound('project', draft.project);
  const known = new Set(municipalities.map((m) => m.number));
  const missingMunicipality = numbers.find((n) => !known.has(n));
  if (missingMunicipality !== undefined) return notFound('municipality', missingMunicipality);
  const images = new Map(files.map((f) => [f.id, f.width !== null]));
  const missingFile = fileIds.find((id) => !images.has(id));
  if (missingFile !== undefined) return notFound('file', missingFile);
  const attachments: AttachmentCheck[] = draft.attachments.map((a) => ({
    title: a.title,
    altText: a.altText,
    image: images.get(a.file) ?? false,
  }));
  return Result.succeed({
    themeIds: themeSlugs.map((s) => themeIds.get(s) ?? ''),
    projectId: project?.id ?? null,
    municipalities: numbers,
    check: {
      owner: owner.slug,
      themes: themeSlugs,
      links: draft.links,
      attachments,
      project: project ? { slug: project.slug, owner: project.owner } : null,
      publishedOn: draft.publishedOn,
      lastReviewedOn: draft.lastReviewedOn,
    },
  });
};

/** Replaces the resource's themes, municipalities, attachments and links. */
export const writeChildren = async (
  db: Kysely<Database>,
  resourceId: string,
  references: References,
  draft: ResourceFields,
): Promise<void> => {
  await Promise.all(
    (
      ['resource_theme', 'resource_municipality', 'resource_attachment', 'resource_link'] as const
    ).map((table) => db.deleteFrom(table).where('resource_id', '=', resourceId).execute()),
  );
  const inserts: Promise<unknown>[] = [];
  if (references.themeIds.length > 0)
    inserts.push(
      db
        .insertInto('resource_theme')
        .values(references.themeIds.map((theme_id) => ({ resource_id: resourceId, theme_id })))
        .execute(),
    );
  if (references.municipalities.length > 0)
    inserts.push(
      db
        .insertInto('resource_municipality')
        .values(
          references.municipalities.map((municipality_number) => ({
            resource_id: resourceId,
            municipality_number,
          })),
        )
        .execute(),
    );
  if (draft.attachments.length > 0)
    inserts.push(
      db
        .insertInto('resource_attachment')
        .values(
          draft.attachments.map((a, position) => ({
            resource_id: resourceId,
            position,
            file_id: a.file,
            title: a.title.trim(),
            alt_text: a.altText === null || a.altText.trim() === '' ? null : a.altText.trim(),
          })),
        )
        .execute(),
    );
  if (draft.links.length > 0)
    inserts.push(
      db
        .insertInto('resource_link')
        .values(
          draft.links.map((l, position) => ({
            resource_id: resourceId,
            position,
            title: l.title.trim(),
            url: l.url.trim(),
          })),
        )
        .execute(),
    );
  await Promise.all(inserts);
};
