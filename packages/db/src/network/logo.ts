import {
  type AuditActor,
  checkLogo,
  type LogoAltTextMissing,
  type LogoNotAnImage,
  type NotFound,
  type OrganisationLogo,
} from '@klimakommuner/domain';
import { Result } from 'effect';
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit/write.ts';
import { notFound } from '../content/results.ts';
import { releaseUnattached } from '../resource/files.ts';
import type { Database } from '../schema.ts';

export interface LogoChange {
  readonly organisation: string;
  /** A stored file the organisation uploaded (an image), or null to remove the logo. */
  readonly file: string | null;
  readonly altText: string;
}

/**
 * Sets or removes an organisation's logo (administrators: the API checks `logo.manage`). The
 * file must be an image the organisation uploaded; the one it replaces is released, so the sweep
 * removes it once the audit window has passed. Audited; one transaction.
 */
export const setOrganisationLogo = (
  db: Kysely<Database>,
  change: LogoChange,
  actor: AuditActor | null,
): Promise<
  Result.Result<OrganisationLogo | null, NotFound | LogoAltTextMissing | LogoNotAnImage>
> =>
  db.transaction().execute(async (trx) => {
    const organisation = await trx
      .selectFrom('organisation')
      .select(['id', 'logo_file_id', 'logo_alt'])
      .where('slug', '=', change.organisation)
      .forUpdate()
      .executeTakeFirst();
    if (!organisation) return notFound('organisation', change.organisation);
    const before = { file: organisation.logo_file_id, altText: organisation.logo_alt };

    let logo: OrganisationLogo | null = null;
    if (change.file !== null) {
      const file = await trx
        .selectFrom('stored_file')
        .select(['id', 'width', 'height'])
        .where('id', '=', change.file)
        .where('organisation_id', '=', organisation.id)
        .executeTakeFirst();
      if (!file) return notFound('file', change.file);
      const altText = change.altText.trim();
      const checked = checkLogo({ altText, image: file.width !== null });
      if (Result.isFailure(checked)) return Result.fail(checked.failure);
      logo = {
        file: file.id,
        url: `/files/${file.id}`,
        altText,
        width: file.width,
        height: file.height,
      };
    }

    await trx
      .updateTable('organisation')
      .set({ logo_file_id: logo?.file ?? null, logo_alt: logo?.altText ?? '' })
      .where('id', '=', organisation.id)
      .execute();
    const replaced = before.file !== null && before.file !== logo?.file ? [before.file] : [];
    await releaseUnattached(trx, replaced);
    await writeAudit(trx, {
      actor,
      action: logo === null ? 'organisation.remove-logo' : 'organisation.set-logo',
      recordType: 'organisation',
      recordId: change.organisation,
      organisationId: organisation.id,
      before,
      after: logo === null ? null : { file: logo.file, altText: logo.altText },
    });
    return Result.succeed(logo);
  });
