import { Result } from 'effect';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ArticleCheck,
  articleSlug,
  articleWasUpdated,
  checkArticleEdit,
  checkArticleImage,
  checkArticleProject,
  checkArticlePublishable,
  checkArticleTransition,
  formatInstantDateNb,
  TRANSITIONS,
} from '../../src/index.ts';
import { failureOf } from '../run.ts';

const ready: ArticleCheck = {
  publisher: 'ken',
  lead: 'Kommunene i nettverket har kuttet utslippene.',
  body: 'Mer tekst.',
  image: { altText: 'Solcellepanel på et skoletak', isImage: true },
  project: { slug: 'klimaregnskap', owner: 'ken' },
};

describe('checkArticlePublishable', () => {
  it('needs a lead and a body', () => {
    expect(Result.isSuccess(checkArticlePublishable(ready))).toBe(true);
    const error = failureOf(checkArticlePublishable({ lead: ' ', body: 'x' }));
    expect(error._tag).toBe('ArticleNotPublishable');
    expect(error.message).toBe('Artikkelen kan ikke publiseres ennå: skriv en ingress.');
    expect(failureOf(checkArticlePublishable({ lead: '', body: '' })).message).toBe(
      'Artikkelen kan ikke publiseres ennå: skriv en ingress og en tekst.',
    );
    expect(failureOf(checkArticlePublishable({ lead: 'x', body: '\n' }))).toMatchObject({
      missingLead: false,
      missingBody: true,
    });
  });
});

describe('checkArticleImage', () => {
  it('accepts no image, and an image with alt text', () => {
    expect(Result.isSuccess(checkArticleImage(null))).toBe(true);
    expect(Result.isSuccess(checkArticleImage({ altText: 'Et tak', isImage: true }))).toBe(true);
  });
  it('refuses an image without alt text, and a file that is no image', () => {
    const missing = failureOf(checkArticleImage({ altText: '  ', isImage: true }));
    expect(missing._tag).toBe('ArticleImageAltTextMissing');
    expect(missing.message).toMatch(/alternativ tekst/);
    expect(failureOf(checkArticleImage({ altText: 'x', isImage: false }))._tag).toBe(
      'ArticleImageNotAnImage',
    );
  });
});

describe('checkArticleProject', () => {
  it('allows only a project of the publisher', () => {
    expect(Result.isSuccess(checkArticleProject({ publisher: 'ken', project: null }))).toBe(true);
    const error = failureOf(
      checkArticleProject({ publisher: 'ken', project: { slug: 'p', owner: 'klimaost' } }),
    );
    expect(error._tag).toBe('ArticleProjectNotOfPublisher');
    expect(error.message).toMatch(/utgis av organisasjonen som eier prosjektet/);
  });
});

describe('checkArticleEdit', () => {
  it('lets an unfinished draft be saved, not a published article', () => {
    const unfinished = { ...ready, lead: '', body: '' };
    expect(Result.isSuccess(checkArticleEdit(unfinished, 'draft'))).toBe(true);
    expect(failureOf(checkArticleEdit(unfinished, 'published'))._tag).toBe('ArticleNotPublishable');
  });
  it('checks the image before the project', () => {
    const both = {
      ...ready,
      image: { altText: '', isImage: true },
      project: { slug: 'p', owner: 'x' },
    };
    expect(failureOf(checkArticleEdit(both, 'draft'))._tag).toBe('ArticleImageAltTextMissing');
  });
});

describe('checkArticleTransition', () => {
  it('publishes only a publishable article, and follows the workflow', () => {
    expect(
      Result.getOrThrow(checkArticleTransition({ ...ready, workflowStatus: 'draft' }, 'publish')),
    ).toBe('published');
    expect(
      failureOf(
        checkArticleTransition({ lead: '', body: 'x', workflowStatus: 'in_review' }, 'publish'),
      )._tag,
    ).toBe('ArticleNotPublishable');
    expect(
      failureOf(checkArticleTransition({ ...ready, workflowStatus: 'archived' }, 'publish'))._tag,
    ).toBe('InvalidTransition');
  });
  it('never publishes an article without lead or body, from any status', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TRANSITIONS),
        fc.constantFrom('draft', 'in_review', 'published', 'archived'),
        (t, status) => {
          const result = checkArticleTransition({ lead: '', body: '', workflowStatus: status }, t);
          return !(Result.isSuccess(result) && t === 'publish');
        },
      ),
    );
  });
});

describe('articleSlug', () => {
  it('slugs the title, unique, with a fallback', () => {
    expect(articleSlug('Nytt klimaregnskap i Ås', new Set())).toBe('nytt-klimaregnskap-i-as');
    expect(articleSlug('Nytt', new Set(['nytt']))).toBe('nytt-2');
    expect(articleSlug('!!!', new Set())).toBe('artikkel');
  });
});

describe('articleWasUpdated', () => {
  const published = '2026-12-03T09:00:00.000Z';
  it('is shown only an hour or more after publication', () => {
    expect(articleWasUpdated(published, '2026-12-03T09:20:00.000Z')).toBe(false);
    expect(articleWasUpdated(published, '2026-12-03T10:00:00.000Z')).toBe(true);
    expect(articleWasUpdated(published, '2026-12-01T10:00:00.000Z')).toBe(false);
    expect(articleWasUpdated(null, '2026-12-03T10:00:00.000Z')).toBe(false);
    expect(articleWasUpdated(published, 'nonsense')).toBe(false);
  });
});

describe('formatInstantDateNb', () => {
  it('gives the day in Norway', () => {
    expect(formatInstantDateNb('2026-12-03T09:00:00.000Z')).toBe('3. desember 2026');
    // 23:30 UTC on 31 December is 00:30 on 1 January in Oslo.
    expect(formatInstantDateNb('2026-12-31T23:30:00.000Z')).toBe('1. januar 2027');
    expect(formatInstantDateNb('x')).toBe('');
  });
});
