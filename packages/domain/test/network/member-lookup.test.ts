import { describe, expect, it } from 'vitest';
import { lookUpMember, memberLookupMessage, municipalityLabels } from '../../src/index.ts';

const municipalities = [
  { number: '3203', name: 'Asker', county: { name: 'Akershus' } },
  { number: '3328', name: 'Ål', county: { name: 'Buskerud' } },
  { number: '1515', name: 'Herøy', county: { name: 'Møre og Romsdal' } },
  { number: '1818', name: 'Herøy', county: { name: 'Nordland' } },
  { number: '3324', name: 'Gol', county: { name: 'Buskerud' } },
];
const regions = [{ slug: 'hallingdal', name: 'Hallingdalsregionen' }];

describe('picking a member by name', () => {
  it('labels namesakes with their county so every label is unique', () => {
    const labels = municipalityLabels(municipalities);
    expect(labels.get('3203')).toBe('Asker');
    expect(labels.get('1515')).toBe('Herøy (Møre og Romsdal)');
    expect(labels.get('1818')).toBe('Herøy (Nordland)');
    expect(new Set(labels.values()).size).toBe(labels.size);
  });

  it('reads back every label it offers', () => {
    for (const [number, label] of municipalityLabels(municipalities)) {
      expect(lookUpMember(label, municipalities, regions)).toEqual({
        kind: 'found',
        member: { kind: 'municipality', number },
      });
    }
    expect(lookUpMember('Hallingdalsregionen', municipalities, regions)).toEqual({
      kind: 'found',
      member: { kind: 'region', slug: 'hallingdal' },
    });
  });

  it('takes a name in any case and spacing, a region by its slug, and a number as typed', () => {
    const municipality = (number: string) => ({
      kind: 'found',
      member: { kind: 'municipality', number },
    });
    expect(lookUpMember('  asker ', municipalities, regions)).toEqual(municipality('3203'));
    expect(lookUpMember('ÅL', municipalities, regions)).toEqual(municipality('3328'));
    expect(lookUpMember('Asker (3203)', municipalities, regions)).toEqual(municipality('3203'));
    expect(lookUpMember('hallingdal', municipalities, regions)).toMatchObject({
      member: { kind: 'region', slug: 'hallingdal' },
    });
    // An old or mistyped number is still a number: the API explains it.
    expect(lookUpMember('3025', municipalities, regions)).toEqual(municipality('3025'));
  });

  it('asks which namesake, and says plainly when nothing matches', () => {
    const heroy = lookUpMember('herøy', municipalities, regions);
    expect(heroy).toEqual({
      kind: 'ambiguous',
      labels: ['Herøy (Møre og Romsdal)', 'Herøy (Nordland)'],
    });
    expect(memberLookupMessage(heroy, 'kommune')).toBe(
      'Flere kommuner heter det: Herøy (Møre og Romsdal) og Herøy (Nordland). Velg den riktige fra listen.',
    );
    const typo = lookUpMember('Askr', municipalities, regions);
    expect(typo).toEqual({ kind: 'not-found', text: 'Askr' });
    expect(memberLookupMessage(typo, 'kommune eller region')).toMatch(
      /^Fant ingen kommune eller region som heter «Askr»\./,
    );
    expect(memberLookupMessage(lookUpMember(' ', municipalities), 'kommune')).toMatch(
      /^Skriv navnet/,
    );
    // Without regions offered, a region's name is not a municipality.
    expect(lookUpMember('Hallingdalsregionen', municipalities).kind).toBe('not-found');
  });
});
