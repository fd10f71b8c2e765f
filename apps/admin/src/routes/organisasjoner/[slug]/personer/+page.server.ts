import { fail, redirect } from '@sveltejs/kit';
import { hasErrors } from '#lib/forms.ts';
import {
  EMPTY_PERSON,
  personErrors,
  personInput,
  readPersonForm,
  validatePerson,
} from '#lib/person-form.ts';
import { requireIn } from '#lib/server/access.ts';
import { attempt } from '#lib/server/api.ts';
import { organisationPage } from '#lib/server/organisation.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { organisation, more: people } = await organisationPage(
    event,
    'person.manage',
    (client, slug) => client.people.list.query({ organisation: slug }),
  );
  return {
    organisation,
    people,
    values: EMPTY_PERSON,
    added: event.url.searchParams.get('lagt-til') === '1',
  };
};

export const actions: Actions = {
  leggTil: async (event) => {
    const { slug } = event.params;
    requireIn(event, 'person.manage', slug);
    const values = readPersonForm(await event.request.formData());
    const errors = validatePerson(values);
    if (hasErrors(errors)) return fail(400, { values, errors });
    const result = await attempt(event, (client) =>
      client.people.create.mutate({ organisation: slug, ...personInput(values) }),
    );
    if (result.ok) redirect(303, `/organisasjoner/${slug}/personer?lagt-til=1`);
    return fail(422, { values, errors: personErrors(result.failure) });
  },
};
