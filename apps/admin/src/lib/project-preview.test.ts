import type { PersonEditView, ProjectDetail } from '@klimakommuner/domain';
import { describe, expect, it } from 'vitest';
import { EMPTY_PROJECT, type ProjectFormValues } from './project-form.ts';
import { draftProjectDetail } from './project-preview.ts';

const owner = {
  slug: 'kko',
  name: 'Kommunenettverk for klimaomstilling',
  shortName: 'KKO',
  kind: 'network',
} as const;

const person = (id: string, name: string, consent: boolean): PersonEditView => ({
  id,
  name,
  title: 'Rådgiver',
  organisation: owner,
  municipality: null,
  email: `${id}@example.no`,
  phone: '+47 900 00 000',
  consent,
  version: 1,
});

const themes = [
  { slug: 'utslippskutt', name: 'Utslippskutt' },
  { slug: 'sirkularitet', name: 'Sirkularitet' },
];

const saved: ProjectDetail = {
  slug: 'ombruk',
  title: 'Ombruk (lagret)',
  summary: 'Lagret sammendrag',
  bodyHtml: '<p>lagret</p>',
  themes: [themes[0] ?? { slug: '', name: '' }],
  owner,
  status: 'ongoing',
  startDate: '2025-01-01',
  endDate: null,
  participantCount: 2,
  demoParticipantCount: 1,
  leaders: [{ ...person('utenfor', 'Utenfor Skjemaet', false), email: null, phone: null }],
  links: [],
  participations: [],
};

const typed = (over: Partial<ProjectFormValues>): ProjectFormValues => ({
  ...EMPTY_PROJECT,
  ...over,
});

describe('draftProjectDetail', () => {
  const choices = {
    themes,
    people: [person('rw', 'Ragnhild Waagaard', true), person('sm', 'Sandra Mauer', false)],
  };

  it('shows what was typed over the saved project, keeping who takes part', () => {
    const page = draftProjectDetail(
      { saved },
      typed({
        title: 'Ombruk (endret)',
        summary: 'Nytt sammendrag',
        themes: ['sirkularitet'],
        status: 'completed',
        startDate: '2025-02-01',
        endDate: '2026-06-30',
        leaders: ['sm'],
        links: [
          { label: 'Veileder', url: 'https://example.no/v' },
          { label: '', url: '' },
        ],
      }),
      '<p>ny</p>',
      choices,
    );
    expect(page).toMatchObject({
      slug: 'ombruk',
      title: 'Ombruk (endret)',
      summary: 'Nytt sammendrag',
      bodyHtml: '<p>ny</p>',
      themes: [{ slug: 'sirkularitet', name: 'Sirkularitet' }],
      status: 'completed',
      startDate: '2025-02-01',
      endDate: '2026-06-30',
      links: [{ label: 'Veileder', url: 'https://example.no/v' }],
      participantCount: 2,
      demoParticipantCount: 1,
      owner,
    });
    expect(page.leaders.map((leader) => leader.name)).toEqual(['Sandra Mauer']);
  });

  it('shows contact details only of leaders who consented, as the public page does', () => {
    const page = draftProjectDetail(
      { saved },
      typed({ title: 'T', leaders: ['rw', 'sm'] }),
      '',
      choices,
    );
    expect(page.leaders.map((leader) => [leader.name, leader.email, leader.phone])).toEqual([
      ['Ragnhild Waagaard', 'rw@example.no', '+47 900 00 000'],
      ['Sandra Mauer', null, null],
    ]);
  });

  it('keeps a saved leader the form does not offer, and drops ids nobody knows', () => {
    const page = draftProjectDetail(
      { saved },
      typed({ title: 'T', leaders: ['utenfor', 'ukjent'] }),
      '',
      choices,
    );
    expect(page.leaders.map((leader) => leader.name)).toEqual(['Utenfor Skjemaet']);
  });

  it('previews a new project with its owner, empty dates and nobody taking part yet', () => {
    const page = draftProjectDetail(
      { owner, slug: '' },
      typed({ title: 'Nytt', themes: ['utslippskutt'] }),
      '',
      choices,
    );
    expect(page).toMatchObject({
      owner,
      title: 'Nytt',
      startDate: null,
      endDate: null,
      status: 'planned',
      participations: [],
      participantCount: 0,
      themes: [{ slug: 'utslippskutt', name: 'Utslippskutt' }],
    });
  });
});
