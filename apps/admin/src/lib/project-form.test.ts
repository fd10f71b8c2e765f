import { describe, expect, it } from 'vitest';
import { formOf, refusal } from '../../test/forms.ts';
import {
  EMPTY_PROJECT,
  linkRows,
  type ProjectFormValues,
  projectErrors,
  projectInput,
  projectPublishErrors,
  readProjectForm,
  validateProject,
} from './project-form.ts';

const LEADER = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

const project = (over: Partial<ProjectFormValues> = {}): ProjectFormValues => ({
  ...EMPTY_PROJECT,
  title: 'Grønn mobilitet',
  ...over,
});

describe('reading the project form', () => {
  it('keeps what was typed, link rows in order, Markdown with its whitespace', () => {
    const form = formOf([
      ['title', ' Grønn mobilitet '],
      ['body', 'Linje 1\r\n  Linje 2'],
      ['themes', 'mobilitet'],
      ['themes', ''],
      ['status', 'ongoing'],
      ['leaders', LEADER],
      ['linkLabel', 'Rapport'],
      ['linkUrl', 'https://example.no/rapport'],
      ['linkLabel', ''],
      ['linkUrl', ''],
    ]);
    const values = readProjectForm(form);
    expect(values.title).toBe('Grønn mobilitet');
    expect(values.body).toBe('Linje 1\n  Linje 2');
    expect(values.themes).toEqual(['mobilitet']);
    expect(values.links).toEqual([
      { label: 'Rapport', url: 'https://example.no/rapport' },
      { label: '', url: '' },
    ]);
    expect(projectInput(values)).toMatchObject({
      status: 'ongoing',
      startDate: null,
      leaders: [LEADER],
      links: [{ label: 'Rapport', url: 'https://example.no/rapport' }],
    });
  });

  it('shows the typed links and at least three rows, one empty to add another', () => {
    expect(linkRows([])).toHaveLength(3);
    const four = Array.from({ length: 4 }, (_, i) => ({
      label: `L${i}`,
      url: `https://a.no/${i}`,
    }));
    expect(linkRows(four)).toHaveLength(5);
  });
});

describe('checking the project form before the API', () => {
  it('accepts a whole form', () => {
    expect(validateProject(project({ startDate: '2026-01-01' }))).toEqual({});
  });

  it('reports every problem in one round, the dates rule among them', () => {
    const errors = validateProject(
      project({ title: 'x', status: 'completed', endDate: '2025-01-01', summary: 'a'.repeat(501) }),
    );
    expect(errors.title).toBe('Tittelen må ha minst 3 tegn.');
    expect(errors.summary).toBe('Sammendraget kan være på høyst 500 tegn.');
    expect(errors.startDate).toBe('Et fullført prosjekt må ha en startdato.');
  });

  it('refuses a status, a day or a link address the API would refuse', () => {
    const errors = validateProject(
      project({
        status: 'Pågår',
        startDate: '2026-02-30',
        links: [
          { label: 'Uten adresse', url: '' },
          { label: '', url: 'https://a.no' },
          { label: 'Feil', url: 'ftp://a.no' },
        ],
      }),
    );
    expect(errors.status).toBe('Velg en status.');
    expect(errors.startDate).toBe('Skriv en gyldig startdato, for eksempel 01.03.2026.');
    expect(errors['linkUrl-0']).toBe('Skriv nettadressen for lenke 1.');
    expect(errors['linkLabel-1']).toBe('Skriv en lenketekst for lenke 2.');
    expect(errors['linkUrl-2']).toBe(
      'Skriv en nettadresse som begynner med https:// eller http://.',
    );
  });
});

describe('the API’s refusal of a project save', () => {
  it('puts issues at their fields, a link’s by its row', () => {
    const failure = refusal({
      code: 'BAD_REQUEST',
      issues: [
        { path: ['title'], message: 'For kort.' },
        { path: ['links', '1', 'url'], message: 'Ikke en adresse.' },
        { path: ['links', '0', 'label'], message: 'Mangler tekst.' },
        { path: ['leaders', '0'], message: 'Ukjent person.' },
      ],
    });
    expect(projectErrors(failure)).toEqual({
      title: 'For kort.',
      'linkUrl-1': 'Ikke en adresse.',
      'linkLabel-0': 'Mangler tekst.',
      leaders: 'Ukjent person.',
    });
  });

  it('puts a broken rule where the editor can fix it', () => {
    const at = (tag: string) => Object.keys(projectErrors(refusal({ data: { tag } })));
    expect(at('ProjectDatesInvalid')).toEqual(['endDate']);
    expect(at('ProjectNotPublishable')).toEqual(['leaders']);
    expect(at('UnknownTema')).toEqual(['themes']);
    expect(at('LeaderNotFound')).toEqual(['leaders']);
    expect(at('SomethingElse')).toEqual(['title']);
  });
});

describe('a publish refused for what the saved project lacks', () => {
  it('is said at the fields to fill, as the domain decides it', () => {
    const theme = { slug: 'mobilitet' };
    expect(projectPublishErrors({ leaderIds: [LEADER], themes: [] })).toEqual({
      themes: 'Velg minst ett tema og lagre før prosjektet publiseres.',
    });
    expect(projectPublishErrors({ leaderIds: [], themes: [theme] })).toEqual({
      leaders: 'Velg minst én prosjektleder og lagre før prosjektet publiseres.',
    });
    expect(Object.keys(projectPublishErrors({ leaderIds: [], themes: [] }))).toEqual([
      'themes',
      'leaders',
    ]);
    expect(projectPublishErrors({ leaderIds: [LEADER], themes: [theme] })).toEqual({});
  });
});
