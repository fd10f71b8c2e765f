import { Result } from 'effect';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkAttachments,
  checkResourceDates,
  checkResourceEdit,
  checkResourceProject,
  checkResourcePublishable,
  checkResourceTransition,
  markdownPlainText,
  RESOURCE_KINDS,
  type ResourceCheck,
  resourceKindLabel,
  resourceSlug,
  TRANSITIONS,
} from '../../src/index.ts';
import { failureOf } from '../run.ts';

const doc = { title: 'Veileder (PDF)', altText: null, image: false };
const image = { title: 'Kart', altText: 'Kart over Follo', image: true };
const link = { title: 'Miljødirektoratet', url: 'https://www.miljodirektoratet.no/' };

const ready: ResourceCheck = {
  owner: 'ken',
  themes: ['klimatilpasning'],
  attachments: [doc],
  links: [],
  project: null,
  publishedOn: '2026-01-10',
  lastReviewedOn: '2026-06-01',
};

describe('checkResourcePublishable', () => {
  it('needs a theme and an attachment or a link', () => {
    expect(Result.isSuccess(checkResourcePublishable(ready))).toBe(true);
    expect(
      Result.isSuccess(checkResourcePublishable({ ...ready, attachments: [], links: [link] })),
    ).toBe(true);
    const themeless = failureOf(checkResourcePublishable({ ...ready, themes: [] }));
    expect(themeless).toMatchObject({
      _tag: 'ResourceNotPublishable',
      missingTheme: true,
      missingContent: false,
    });
    // The message names what is missing, and only that.
    expect(themeless.message).toBe('Ressursen kan ikke publiseres ennå: velg minst ett tema.');
    const empty = failureOf(checkResourcePublishable({ ...ready, attachments: [], links: [] }));
    expect(empty).toMatchObject({ missingTheme: false, missingContent: true });
    expect(empty.message).toBe(
      'Ressursen kan ikke publiseres ennå: legg til minst ett vedlegg eller én lenke.',
    );
    const bare = failureOf(checkResourcePublishable({ themes: [], attachments: [], links: [] }));
    expect(bare.message).toBe(
      'Ressursen kan ikke publiseres ennå: velg minst ett tema, og legg til minst ett vedlegg eller én lenke.',
    );
  });

  it('is publishable exactly when both lists it needs are non-empty', () => {
    fc.assert(
      fc.property(fc.nat(3), fc.nat(3), fc.nat(3), (themes, attachments, links) => {
        const r = {
          themes: Array.from({ length: themes }, (_, i) => `tema-${i}`),
          attachments: Array.from({ length: attachments }, () => doc),
          links: Array.from({ length: links }, () => link),
        };
        expect(Result.isSuccess(checkResourcePublishable(r))).toBe(
          themes > 0 && attachments + links > 0,
        );
      }),
    );
  });
});

describe('checkAttachments', () => {
  it('wants a title on every attachment and alt text on every image, naming which', () => {
    expect(Result.isSuccess(checkAttachments([doc, image]))).toBe(true);
    const untitled = failureOf(checkAttachments([doc, { ...doc, title: '  ' }]));
    expect(untitled).toMatchObject({ _tag: 'AttachmentTitleMissing', position: 1 });
    expect(untitled.message).toBe('Vedlegg 2 må ha en tittel.');
    const noAlt = failureOf(checkAttachments([{ ...image, altText: ' ' }]));
    expect(noAlt).toMatchObject({ _tag: 'AttachmentAltTextMissing', position: 0 });
    expect(noAlt.message).toBe('Bildet i vedlegg 1 må ha en alternativ tekst som beskriver det.');
    expect(failureOf(checkAttachments([{ ...image, altText: null }]))._tag).toBe(
      'AttachmentAltTextMissing',
    );
    // A document needs no alt text.
    expect(Result.isSuccess(checkAttachments([{ ...doc, altText: null }]))).toBe(true);
  });
});

describe('checkResourceProject', () => {
  it("ties a resource only to a project of the resource's own owner", () => {
    expect(Result.isSuccess(checkResourceProject({ owner: 'ken', project: null }))).toBe(true);
    expect(
      Result.isSuccess(
        checkResourceProject({ owner: 'ken', project: { slug: 'mat', owner: 'ken' } }),
      ),
    ).toBe(true);
    expect(
      failureOf(checkResourceProject({ owner: 'ken', project: { slug: 'mat', owner: 'kko' } })),
    ).toMatchObject({ _tag: 'ResourceProjectNotOfOwner', project: 'mat', owner: 'ken' });
  });
});

describe('checkResourceDates', () => {
  it('refuses a review before publication', () => {
    expect(Result.isSuccess(checkResourceDates(ready))).toBe(true);
    expect(Result.isSuccess(checkResourceDates({ ...ready, lastReviewedOn: null }))).toBe(true);
    const backwards = failureOf(checkResourceDates({ ...ready, lastReviewedOn: '2025-12-31' }));
    expect(backwards._tag).toBe('ResourceDatesInvalid');
    expect(backwards.message).toContain('31. desember 2025');
  });
});

describe('checkResourceEdit', () => {
  it('keeps a published resource publishable and lets a draft be bare', () => {
    const bare = { ...ready, themes: [], attachments: [] };
    expect(failureOf(checkResourceEdit(bare, 'published'))._tag).toBe('ResourceNotPublishable');
    for (const status of ['draft', 'in_review', 'archived'] as const)
      expect(Result.isSuccess(checkResourceEdit(bare, status))).toBe(true);
  });

  it('checks attachments, project and dates whatever the status', () => {
    const noAlt = { ...ready, attachments: [{ ...image, altText: null }] };
    const foreign = { ...ready, project: { slug: 'x', owner: 'kko' } };
    for (const status of ['draft', 'published'] as const) {
      expect(failureOf(checkResourceEdit(noAlt, status))._tag).toBe('AttachmentAltTextMissing');
      expect(failureOf(checkResourceEdit(foreign, status))._tag).toBe('ResourceProjectNotOfOwner');
    }
  });
});

describe('checkResourceTransition', () => {
  it('publishes only a publishable resource; other transitions are the workflow', () => {
    expect(checkResourceTransition({ ...ready, workflowStatus: 'draft' }, 'publish')).toEqual(
      Result.succeed('published'),
    );
    const bare = { ...ready, themes: [], workflowStatus: 'in_review' as const };
    expect(failureOf(checkResourceTransition(bare, 'publish'))._tag).toBe('ResourceNotPublishable');
    expect(
      failureOf(checkResourceTransition({ ...ready, workflowStatus: 'archived' }, 'publish'))._tag,
    ).toBe('InvalidTransition');
    for (const t of TRANSITIONS.filter((t) => t !== 'publish')) {
      const answer = checkResourceTransition({ ...bare, workflowStatus: 'published' }, t);
      expect(Result.isSuccess(answer)).toBe(t === 'unpublish' || t === 'archive');
    }
  });
});

describe('names', () => {
  it('has a Norwegian label for every kind, and slugs from titles', () => {
    expect(RESOURCE_KINDS.map(resourceKindLabel)).toEqual([
      'Veileder',
      'Mal',
      'Verktøy',
      'Rapport',
      'Eksempel fra en kommune',
      'Webinar/opptak',
      'Presentasjon',
    ]);
    expect(resourceSlug('Veileder for grønne anskaffelser', new Set())).toBe(
      'veileder-for-gronne-anskaffelser',
    );
    expect(resourceSlug('Mal', new Set(['mal']))).toBe('mal-2');
    expect(resourceSlug('!!!', new Set())).toBe('ressurs');
  });

  it('reads the words out of Markdown', () => {
    expect(
      markdownPlainText(
        '## Slik gjør du\n\n- Les **veilederen** [her](https://x.no)\n> <b>Merk</b>: `kode`',
      ),
    ).toBe('Slik gjør du Les veilederen her Merk : kode');
  });
});
