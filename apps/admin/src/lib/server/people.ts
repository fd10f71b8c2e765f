import { isValidEmail } from '@klimakommuner/domain';
import { errorsFromIssues, type FieldErrors, text } from '#lib/forms.ts';
import type { ApiFailure } from './api.ts';

export interface PersonFormValues {
  readonly name: string;
  readonly title: string;
  readonly email: string;
  readonly phone: string;
  readonly consent: boolean;
}

export const EMPTY_PERSON: PersonFormValues = {
  name: '',
  title: '',
  email: '',
  phone: '',
  consent: false,
};

export function readPersonForm(form: FormData): PersonFormValues {
  return {
    name: text(form, 'name'),
    title: text(form, 'title'),
    email: text(form, 'email'),
    phone: text(form, 'phone'),
    consent: form.get('consent') === 'ja',
  };
}

export function validatePerson(values: PersonFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (values.name === '') errors.name = 'Skriv navnet på personen.';
  if (values.email !== '' && !isValidEmail(values.email.toLowerCase())) {
    errors.email = 'Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.';
  }
  const digits = values.phone.replace(/[\s-]/g, '');
  if (values.phone !== '' && !/^\+?[0-9]{8,15}$/.test(digits)) {
    errors.phone =
      'Skriv et telefonnummer med 8 til 15 sifre, for eksempel 900 00 000 eller +47 900 00 000.';
  }
  return errors;
}

export function personInput(values: PersonFormValues) {
  return {
    name: values.name,
    title: values.title,
    email: values.email === '' ? null : values.email,
    phone: values.phone === '' ? null : values.phone,
    consent: values.consent,
  };
}

const FIELDS = { name: 'name', title: 'title', email: 'email', phone: 'phone', consent: 'consent' };

export function personErrors(failure: ApiFailure): FieldErrors {
  if (failure.issues.length > 0) return errorsFromIssues(failure.issues, FIELDS, 'name');
  return { name: failure.message };
}
