import { describe, expect, it } from 'vitest';
import { formOf } from '../../test/forms.ts';
import {
  EMPTY_PERSON,
  personErrors,
  personInput,
  readPersonForm,
  validatePerson,
} from './person-form.ts';

describe('the person form', () => {
  it('reads consent from the checkbox and sends empty contact details as none', () => {
    const form = formOf({ name: ' Vera Veileder ', consent: 'ja' });
    const values = readPersonForm(form);
    expect(values).toEqual({ ...EMPTY_PERSON, name: 'Vera Veileder', consent: true });
    expect(personInput(values)).toEqual({
      name: 'Vera Veileder',
      title: '',
      email: null,
      phone: null,
      consent: true,
    });
  });

  it('wants a name, a valid email and a phone number of 8 to 15 digits', () => {
    expect(
      validatePerson({
        ...EMPTY_PERSON,
        name: 'Vera',
        email: 'Vera@Kommune.NO',
        phone: '+47 900 00 000',
      }),
    ).toEqual({});
    const errors = validatePerson({ ...EMPTY_PERSON, email: 'vera@', phone: '123' });
    expect(Object.keys(errors).sort()).toEqual(['email', 'name', 'phone']);
    // The domain's Phone: digits, spaces and dashes after an optional +, nothing else.
    expect(
      validatePerson({ ...EMPTY_PERSON, name: 'Vera', phone: '900 00 000 (jobb)' }).phone,
    ).toBeDefined();
  });

  it('puts the API’s issues at their fields and anything else at the name', () => {
    const issues = [{ path: ['phone'], message: 'Feil nummer.' }];
    expect(personErrors({ code: 'BAD_REQUEST', message: '', issues, data: {} })).toEqual({
      phone: 'Feil nummer.',
    });
    expect(personErrors({ code: 'CONFLICT', message: 'Endret.', issues: [], data: {} })).toEqual({
      name: 'Endret.',
    });
  });
});
