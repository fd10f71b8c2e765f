import { describe, expect, it } from 'vitest';
import { describedBy, errorList } from '../src/forms.ts';

describe('field helpers', () => {
  it('lists a form’s errors in field order for the error summary', () => {
    expect(errorList({ title: 'Skriv en tittel.', 'linkUrl-0': 'Skriv nettadressen.' })).toEqual([
      { field: 'title', message: 'Skriv en tittel.' },
      { field: 'linkUrl-0', message: 'Skriv nettadressen.' },
    ]);
    expect(errorList(undefined)).toEqual([]);
  });

  it('points a field at its description and its error, and at nothing without them', () => {
    expect(describedBy('title', 'Hjelp', 'Feil')).toBe('title-beskrivelse title-feil');
    expect(describedBy('title', undefined, 'Feil')).toBe('title-feil');
    expect(describedBy('title', undefined, undefined)).toBeUndefined();
  });
});
