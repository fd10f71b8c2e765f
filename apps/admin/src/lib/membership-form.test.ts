import { describe, expect, it } from 'vitest';
import { refusal } from '../../test/forms.ts';
import { membershipErrors, membershipInput } from './membership-form.ts';

describe('a new membership', () => {
  it('starts from the year alone when only the year is known, or from the day', () => {
    expect(
      membershipInput(
        { kind: 'municipality', number: '3103' },
        { from: '2019-01-01', fromPrecision: 'year' },
      ),
    ).toEqual({ from: '2019', municipality: '3103' });
    expect(
      membershipInput(
        { kind: 'region', slug: 'hallingdal' },
        { from: '2025-03-01', fromPrecision: 'day' },
      ),
    ).toEqual({ from: '2025-03-01', region: 'hallingdal' });
  });

  it('puts the date’s refusals at «Medlem fra» and the rest at the member', () => {
    expect(membershipErrors(refusal({ data: { tag: 'MembershipEndsBeforeStart' } }))).toEqual({
      from: 'Nei.',
    });
    expect(membershipErrors(refusal({ data: { tag: 'MembershipOverlaps' } }))).toEqual({
      member: 'Nei.',
    });
    const issues = [
      { path: ['from'], message: 'Ugyldig dato.' },
      { path: ['region'], message: 'Ugyldig region.' },
    ];
    expect(membershipErrors(refusal({ code: 'BAD_REQUEST', issues }))).toEqual({
      from: 'Ugyldig dato.',
      member: 'Ugyldig region.',
    });
  });
});
