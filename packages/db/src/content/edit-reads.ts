import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * What the three reads of one content item need to know of its kind (articles, events and
 * resources share them; projects build theirs from a row of their own).
 */
export interface EditReadsOf<Edit, Detail, Raw = Edit> {
  /** The arguments of the json_build_object that makes the edit view, at `now`. */
  readonly fields: (now: Date) => RawBuilder<unknown>;
  /** The tables the fields read (`from …`). */
  readonly joins: RawBuilder<unknown>;
  /** The item with this slug, e.g. sql`a.slug = ${slug}`. */
  readonly bySlug: (slug: string) => RawBuilder<unknown>;
  /** Whether the item is public at `now`. */
  readonly isPublic: (now: Date) => RawBuilder<unknown>;
  /** The view as JSON gave it (`Raw`), made what the domain's type says (ISO timestamps). */
  readonly normalise: (raw: Raw) => Edit;
  /** The edit view without what only editors see. */
  readonly toPublic: (view: Edit) => Detail;
}

/**
 * An item's edit view whatever its workflow status (for editors), its public detail (null
 * unless it is public at `now`), and the preview (what the public will see once it is public,
 * whatever its status now): one statement each, null when there is no such item.
 */
export const editReads = <Edit, Detail, Raw = Edit>(kind: EditReadsOf<Edit, Detail, Raw>) => {
  const viewWhere = async (
    db: Kysely<Database>,
    where: RawBuilder<unknown>,
    now: Date,
  ): Promise<Edit | null> => {
    const row = (
      await sql<{ view: Raw }>`select json_build_object(${kind.fields(now)}) as view
        from ${kind.joins} where ${where}`.execute(db)
    ).rows[0];
    return row ? kind.normalise(row.view) : null;
  };
  const forEdit = (db: Kysely<Database>, slug: string, now: Date = new Date()) =>
    viewWhere(db, kind.bySlug(slug), now);
  return {
    forEdit,
    get: async (db: Kysely<Database>, slug: string, now: Date = new Date()) => {
      const where = sql`${kind.bySlug(slug)} and ${kind.isPublic(now)}`;
      const view = await viewWhere(db, where, now);
      return view ? kind.toPublic(view) : null;
    },
    preview: async (db: Kysely<Database>, slug: string, now: Date = new Date()) => {
      const view = await forEdit(db, slug, now);
      return view ? kind.toPublic(view) : null;
    },
  };
};

/**
 * The public detail of an edit view: the view without `editorOnly`, the fields the domain's
 * *EditView adds to its *Detail (the Markdown source, the project whatever its status, workflow
 * status, schedule and version).
 */
export const publicDetailOf =
  <Edit extends Detail, Detail extends object>(
    editorOnly: readonly Exclude<keyof Edit, keyof Detail>[],
  ) =>
  (view: Edit): Detail => {
    const detail: Partial<Edit> = { ...view };
    for (const key of editorOnly) delete detail[key];
    return detail as Detail;
  };
