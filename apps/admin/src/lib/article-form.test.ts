import { describe, expect, it } from 'vitest';
import {
  articleErrors,
  articleInput,
  articlePublishErrors,
  EMPTY_ARTICLE,
  readArticleForm,
  validateArticle,
  withoutImage,
  withUploadedImage,
} from './article-form.ts';

const IMAGE = '6f1c2a34-1b2c-4d5e-8f90-123456789abc';

const formOf = (entries: [string, string][]) => {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
};

describe('the article form', () => {
  it('reads what was typed, trimming all but the Markdown', () => {
    const values = readArticleForm(
      formOf([
        ['title', '  Ny nyhet '],
        ['lead', 'Ingress'],
        ['body', '## Tekst\r\n\r\n  kode'],
        ['themes', 'klimatilpasning'],
        ['themes', ''],
        ['municipalities', '3218'],
        ['authorName', 'Kari'],
        ['imageFile', IMAGE],
        ['imageAlt', 'Et tak'],
        ['imageCredit', 'Foto: Ola'],
      ]),
    );
    expect(values).toMatchObject({
      title: 'Ny nyhet',
      body: '## Tekst\n\n  kode',
      themes: ['klimatilpasning'],
      imageFile: IMAGE,
    });
    expect(articleInput(values)).toMatchObject({
      image: { file: IMAGE, altText: 'Et tak', credit: 'Foto: Ola' },
      author: { name: 'Kari' },
      project: null,
    });
  });

  it('names the author as one of the publisher’s people, a name, or both', () => {
    const PERSON = '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';
    const values = (entries: [string, string][]) =>
      readArticleForm(formOf([['title', 'Nyhet'], ...entries]));
    expect(articleInput(values([['authorPerson', PERSON]])).author).toEqual({
      name: '',
      person: PERSON,
    });
    expect(articleInput(values([['authorName', 'Kari']])).author).toEqual({
      name: 'Kari',
      person: null,
    });
    expect(articleInput(values([])).author).toBeNull();
    expect(validateArticle(values([['authorPerson', 'ikke-en-person']]))).toEqual({
      authorPerson: 'Velg en person fra listen.',
    });
    const refusal = {
      code: 'BAD_REQUEST',
      message: 'Fant ingen person.',
      issues: [{ path: ['author'], message: 'Fant ingen person.' }],
      data: {},
    };
    expect(articleErrors(refusal)).toEqual({ authorPerson: 'Fant ingen person.' });
    expect(
      articleErrors({ ...refusal, issues: [{ path: ['author', 'name'], message: 'For langt.' }] }),
    ).toEqual({ authorName: 'For langt.' });
  });

  it('asks for a title and alt text for an image before asking the API', () => {
    expect(validateArticle(EMPTY_ARTICLE)).toEqual({ title: 'Skriv en tittel på artikkelen.' });
    const errors = validateArticle({ ...EMPTY_ARTICLE, title: 'Nyhet', imageFile: IMAGE });
    expect(errors.imageAlt).toBe('Bildet må ha en alternativ tekst som beskriver det.');
  });

  it('takes an uploaded image with the alt text typed for it, and removes it', () => {
    const typed = { ...EMPTY_ARTICLE, newAltText: 'Solceller', imageCredit: 'Foto: Ola' };
    const withImage = withUploadedImage(typed, { id: IMAGE });
    expect(withImage).toMatchObject({ imageFile: IMAGE, imageAlt: 'Solceller', newAltText: '' });
    expect(withoutImage(withImage)).toMatchObject({ imageFile: '', imageAlt: '', imageCredit: '' });
  });

  it('puts the API’s refusals next to their fields', () => {
    const failure = (
      data: Record<string, unknown>,
      issues: { path: string[]; message: string }[] = [],
    ) => ({
      code: 'BAD_REQUEST',
      message: 'Nei.',
      issues,
      data,
    });
    expect(articleErrors(failure({ tag: 'ArticleProjectNotOfPublisher' }))).toEqual({
      project: 'Nei.',
    });
    expect(articleErrors(failure({ tag: 'ArticleNotPublishable' }))).toEqual({ lead: 'Nei.' });
    expect(articleErrors(failure({}, [{ path: ['image'], message: 'Mangler.' }]))).toEqual({
      imageAlt: 'Mangler.',
    });
    expect(articleErrors(failure({}, [{ path: ['themes'], message: 'Ukjent.' }]))).toEqual({
      themes: 'Ukjent.',
    });
  });
});

describe('a publish refused for what the saved article lacks', () => {
  it('is said at the fields to fill, as the domain decides it (spaces are not a text)', () => {
    expect(articlePublishErrors({ lead: '  ', body: 'Teksten.' })).toEqual({
      lead: 'Skriv en ingress og lagre før artikkelen publiseres.',
    });
    expect(articlePublishErrors({ lead: 'Ingressen.', body: '' })).toEqual({
      body: 'Skriv en tekst og lagre før artikkelen publiseres.',
    });
    expect(Object.keys(articlePublishErrors({ lead: '', body: '\n' }))).toEqual(['lead', 'body']);
    expect(articlePublishErrors({ lead: 'Ingressen.', body: 'Teksten.' })).toEqual({});
  });
});
