import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-form.ts';

describe('a new password, checked before the API', () => {
  it('is refused when shorter than the domain allows, and passed on otherwise', () => {
    expect(passwordProblem('kort')).toMatch(/12/);
    expect(passwordProblem('et-langt-passord-for-test')).toBeNull();
  });
});
