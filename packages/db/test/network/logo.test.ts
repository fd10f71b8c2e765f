import { Result } from 'effect';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import {
  fileForServing,
  fileUses,
  getOrganisation,
  listOrganisations,
  setOrganisationLogo,
} from '../../src/index.ts';
import { onEachEngine } from '../engines.ts';
import { ADMIN, auditCount } from '../fixtures.ts';
import { KEN, KKO, uploaded } from '../resource/support.ts';

const TODAY = '2026-11-30';
const NOW = new Date('2026-11-30T12:00:00Z');

onEachEngine('organisation logos', (db) => {
  const failureTag = (result: Result.Result<unknown, { _tag: string }>) =>
    Result.isFailure(result) ? result.failure._tag : 'ok';

  it('refuses a file that is no image, an empty alt text, and another organisation’s file', async () => {
    const pdf = await uploaded(db(), KEN);
    const png = await uploaded(db(), KEN, { image: true });
    const theirs = await uploaded(db(), KKO, { image: true });
    const set = (file: string, altText: string) =>
      setOrganisationLogo(db().db, { organisation: KEN, file, altText }, ADMIN);
    expect(failureTag(await set(pdf, 'Logo: KEN'))).toBe('LogoNotAnImage');
    expect(failureTag(await set(png, '   '))).toBe('LogoAltTextMissing');
    expect(failureTag(await set(theirs, 'Logo: KEN'))).toBe('NotFound');
    const ken = (await listOrganisations(db().db, TODAY)).find((o) => o.slug === KEN);
    expect(ken?.logo).toBeNull();
  });

  it('sets a logo that lists, serves publicly and is audited; replacing releases the old file', async () => {
    const first = await uploaded(db(), KEN, { image: true });
    const before = await auditCount(db());
    const set = await setOrganisationLogo(
      db().db,
      { organisation: KEN, file: first, altText: '  Logo: KEN  ' },
      ADMIN,
    );
    expect(Result.isSuccess(set) && set.success?.altText).toBe('Logo: KEN');
    expect(await auditCount(db())).toBe(before + 1);
    const listed = (await listOrganisations(db().db, TODAY)).find((o) => o.slug === KEN);
    expect(listed?.logo).toMatchObject({
      file: first,
      url: `/files/${first}`,
      altText: 'Logo: KEN',
    });
    expect((await getOrganisation(db().db, KEN, TODAY, NOW))?.logo?.file).toBe(first);
    expect((await fileForServing(db().db, first, NOW))?.public).toBe(true);
    expect(await fileUses(db().db, [first])).toEqual([{ fileId: first, deletedAt: null }]);

    const second = await uploaded(db(), KEN, { image: true });
    await setOrganisationLogo(
      db().db,
      { organisation: KEN, file: second, altText: 'Ny logo' },
      ADMIN,
    );
    const uses = await fileUses(db().db, [first, second]);
    expect(uses.find((u) => u.fileId === second)?.deletedAt).toBeNull();
    expect(uses.find((u) => u.fileId === first)?.deletedAt).toBeInstanceOf(Date);

    const removed = await setOrganisationLogo(
      db().db,
      { organisation: KEN, file: null, altText: '' },
      ADMIN,
    );
    expect(Result.isSuccess(removed) && removed.success).toBeNull();
    expect((await getOrganisation(db().db, KEN, TODAY, NOW))?.logo).toBeNull();
    expect((await fileForServing(db().db, second, NOW))?.public).toBe(false);
    const { rows } = await sql<{ action: string }>`select action from audit_log
      where record_type = 'organisation' and record_id = ${KEN} order by id desc limit 1`.execute(
      db().db,
    );
    expect(rows[0]?.action).toBe('organisation.remove-logo');
  });
});
