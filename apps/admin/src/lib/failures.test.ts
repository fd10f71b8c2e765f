import { describe, expect, it } from 'vitest';
import { refusal as failure } from '../../test/forms.ts';
import { errorsFromIssues, failureErrors, tagOf } from './failures.ts';

describe('the API’s refusals on a form', () => {
  it('puts each input issue at the field holding that input, the first message per field', () => {
    const issues = [
      { path: ['name'], message: 'Må fylles ut.' },
      { path: ['name'], message: 'For kort.' },
      { path: ['roles', '0'], message: 'Ugyldig rolle.' },
      { path: ['ukjent'], message: 'Ukjent felt.' },
    ];
    expect(errorsFromIssues(issues, { name: 'name', roles: 'role' }, 'email')).toEqual({
      name: 'Må fylles ut.',
      role: 'Ugyldig rolle.',
      email: 'Ukjent felt.',
    });
  });

  it('puts a broken rule, which has no issues, at the fallback field', () => {
    const refused = failure({ code: 'UNPROCESSABLE_CONTENT', message: 'Regelen er brutt.' });
    expect(failureErrors(refused, { contact: 'contact-1' }, 'contact-1')).toEqual({
      'contact-1': 'Regelen er brutt.',
    });
  });

  it('reads the domain error’s tag, and nothing from a refusal without one', () => {
    expect(tagOf(failure({ data: { tag: 'ProjectDatesInvalid' } }))).toBe('ProjectDatesInvalid');
    expect(tagOf(failure({ data: { tag: 42 } }))).toBe('');
  });
});
