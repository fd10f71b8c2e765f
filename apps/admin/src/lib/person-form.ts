/** The person form (add and edit): as typed, checked before the API, and the API's refusals. */
import { Email, type PersonEditView, Phone } from '@klimakommuner/domain';
import { type ApiFailure, failureErrors } from './failures.ts';
import { type FieldErrors, fits, text } from './forms.ts';

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

/** A stored person as the form shows it. */
export const personValues = (
  person: Pick<PersonEditView, 'name' | 'title' | 'email' | 'phone' | 'consent'>,
): PersonFormValues => ({
  name: person.name,
  title: person.title,
  email: person.email ?? '',
  phone: person.phone ?? '',
  consent: person.consent,
});

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
  if (values.email !== '' && !fits(Email, values.email)) {
    errors.email = 'Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.';
  }
  if (values.phone !== '' && !fits(Phone, values.phone)) {
    errors.phone =
      'Skriv et telefonnummer med 8 til 15 sifre, for eksempel 900 00 000 eller +47 900 00 000.';
  }
  return errors;
}

/** The fields people.create and people.update take, from a validated form. */
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

export const personErrors = (failure: ApiFailure): FieldErrors =>
  failureErrors(failure, FIELDS, 'name');
