import type { AuditActor, NotFound } from '@klimakommuner/domain';
import { Result } from 'effect';
import { type Kysely, sql } from 'kysely';
import { writeAudit } from '../audit/write.ts';
import { notFound } from '../content/results.ts';
import type { Database } from '../schema.ts';

// Stored files as the database remembers them: what intake (packages/files) answered, who
// uploaded them, whether the public may fetch them, and which may go (packages/files' sweep).

/** One stored form of a file (packages/files' StoredVariant). */
export interface StoredVariantRow {
  readonly name: string;
  readonly key: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly width?: number | undefined;
}

/** What packages/files' intake answers for an accepted upload (its StoredFile), plus a label. */
export interface NewStoredFile {
  readonly id: string;
  readonly kind: string;
  /** 'PDF', 'Word', … (packages/files' KINDS). */
  readonly kindLabel: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  /** `original` first, then images' WebP widths (`w320`, …), each with its key and hash. */
  readonly variants: readonly StoredVariantRow[];
  readonly image: {
    readonly width: number;
    readonly height: number;
    readonly altText: string;
  } | null;
  readonly text: string | null;
}

/**
 * Records an uploaded file as the organisation's (only it can attach the file), with its audit
 * row, in one transaction; NotFound when there is no such organisation.
 */
export const recordFile = (
  db: Kysely<Database>,
  input: { readonly file: NewStoredFile; readonly organisation: string },
  actor: AuditActor | null,
): Promise<Result.Result<void, NotFound>> =>
  db.transaction().execute(async (trx): Promise<Result.Result<void, NotFound>> => {
    const { file } = input;
    const owner = await trx
      .selectFrom('organisation')
      .select('id')
      .where('slug', '=', input.organisation)
      .executeTakeFirst();
    if (!owner) return notFound('organisation', input.organisation);
    const widths = file.variants.flatMap((v) =>
      /^w\d+$/.test(v.name) && typeof v.width === 'number' ? [v.width] : [],
    );
    await trx
      .insertInto('stored_file')
      .values({
        id: file.id,
        organisation_id: owner.id,
        kind: file.kind,
        kind_label: file.kindLabel,
        media_type: file.mediaType,
        size: file.size,
        sha256: file.sha256,
        variants: JSON.stringify(file.variants),
        widths,
        width: file.image?.width ?? null,
        height: file.image?.height ?? null,
        alt_text: file.image?.altText ?? null,
        // PostgreSQL text cannot hold NUL, which a PDF's text may contain.
        text: file.text?.replaceAll('\u0000', ' ') ?? null,
      })
      .execute();
    await writeAudit(trx, {
      actor,
      action: 'file.upload',
      recordType: 'file',
      recordId: file.id,
      organisationId: owner.id,
      before: null,
      after: { kind: file.kind, mediaType: file.mediaType, size: file.size, sha256: file.sha256 },
    });
    return Result.succeed(undefined);
  });

/** A stored file as the file route needs it to decide and to serve. */
export interface FileForServing {
  readonly id: string;
  readonly kind: string;
  readonly kindLabel: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly variants: readonly StoredVariantRow[];
  /** The slug of the organisation that uploaded it. */
  readonly organisation: string;
  /** Used by something public at `now`: a resource's attachment, an article's image, a logo (file_use). */
  readonly public: boolean;
  /** The title of its first attachment (public ones first), for the download name. */
  readonly title: string | null;
}

/** The file with `id`, whether the public may fetch it at `now`, and its name; one statement. */
export const fileForServing = async (
  db: Kysely<Database>,
  id: string,
  now: Date,
): Promise<FileForServing | null> => {
  const row = (
    await sql<FileForServing>`select f.id, f.kind, f.kind_label as "kindLabel",
        f.media_type as "mediaType", f.size, f.sha256, f.variants, o.slug as organisation,
        coalesce(u.public, false) as public, u.title
      from stored_file f join organisation o on o.id = f.organisation_id
      left join lateral (select (fu.status = 'published' and (fu.publish_at is null
          or fu.publish_at <= ${now})) as public, fu.title
        from file_use fu where fu.file_id = f.id order by 1 desc, 2 limit 1) u on true
      where f.id = ${id}`.execute(db)
  ).rows[0];
  return row ? { ...row, size: Number(row.size) } : null;
};

/** packages/files' FileUse: a file attached anywhere is in use; a released one since then. */
export interface FileUseRow {
  readonly fileId: string;
  readonly deletedAt: Date | null;
}

/** The uses of the given files, for packages/files' sweepFiles; one statement. */
export const fileUses = async (
  db: Kysely<Database>,
  fileIds: readonly string[],
): Promise<FileUseRow[]> => {
  const ids = fileIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('stored_file as f')
    .select((eb) => [
      'f.id',
      'f.released_at',
      eb.exists(eb.selectFrom('file_use as fu').whereRef('fu.file_id', '=', 'f.id')).as('attached'),
    ])
    .where('f.id', 'in', ids)
    .execute();
  return rows.flatMap((row): FileUseRow[] =>
    row.attached
      ? [{ fileId: row.id, deletedAt: null }]
      : row.released_at === null
        ? []
        : [{ fileId: row.id, deletedAt: row.released_at }],
  );
};

/**
 * Marks the given files released when nothing attaches them any more, and un-releases those
 * attached again; in the transaction of the write that changed the attachments.
 */
export const releaseUnattached = async (
  db: Kysely<Database>,
  fileIds: readonly string[],
): Promise<void> => {
  if (fileIds.length === 0) return;
  await sql`update stored_file f set released_at = case
      when exists (select 1 from file_use fu where fu.file_id = f.id) then null
      else coalesce(f.released_at, now()) end
    where f.id in (${sql.join(fileIds.map((id) => sql`${id}::uuid`))})`.execute(db);
};

/**
 * Forgets the given files once storage no longer holds them (after packages/files' sweep);
 * a file something attaches again is kept. One statement.
 */
export const forgetFiles = async (
  db: Kysely<Database>,
  fileIds: readonly string[],
): Promise<void> => {
  const ids = fileIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (ids.length === 0) return;
  await db
    .deleteFrom('stored_file as f')
    .where('f.id', 'in', ids)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('file_use as fu').whereRef('fu.file_id', '=', 'f.id'))),
    )
    .execute();
};
