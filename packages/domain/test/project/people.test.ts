import { Result } from 'effect';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ContactNotCandidate,
  checkContact,
  checkLeaders,
  LeaderNotOfOwner,
} from '../../src/index.ts';

const person = (organisation: string | null, municipality: string | null, id = 'p') => ({
  id,
  organisation,
  municipality,
});

describe('checkLeaders', () => {
  it('accepts leaders of the owner organisation, and no leaders at all', () => {
    expect(
      Result.isSuccess(checkLeaders([person('kko', null), person('kko', '3201')], 'kko')),
    ).toBe(true);
    expect(Result.isSuccess(checkLeaders([], 'kko'))).toBe(true);
  });

  it('refuses the first leader of another organisation, of a municipality or of none', () => {
    for (const outsider of [
      person('ken', null, 'x'),
      person(null, '3201', 'x'),
      person(null, null, 'x'),
    ]) {
      const result = checkLeaders([person('kko', null), outsider], 'kko');
      expect(Result.isFailure(result) && result.failure).toEqual(
        new LeaderNotOfOwner({ person: 'x' }),
      );
    }
  });
});

describe('checkContact', () => {
  const participation = { owner: 'kko', municipality: '3201' };

  it('accepts a person of the owner or of the participating municipality', () => {
    expect(Result.isSuccess(checkContact(person('kko', null), participation))).toBe(true);
    expect(Result.isSuccess(checkContact(person(null, '3201'), participation))).toBe(true);
  });

  it('refuses anyone else, with a Norwegian message', () => {
    const result = checkContact(person('ken', '0301', 'y'), participation);
    expect(Result.isFailure(result) && result.failure).toEqual(
      new ContactNotCandidate({ person: 'y' }),
    );
    expect(Result.isFailure(result) && result.failure.message).toMatch(/eier prosjektet/);
  });

  it('agrees with the rule for any affiliation', () => {
    const names = fc.constantFrom('kko', 'ken', null);
    const numbers = fc.constantFrom('3201', '0301', null);
    fc.assert(
      fc.property(names, numbers, (organisation, municipality) => {
        const allowed = organisation === 'kko' || municipality === '3201';
        const result = checkContact(person(organisation, municipality), participation);
        expect(Result.isSuccess(result)).toBe(allowed);
      }),
    );
  });
});
