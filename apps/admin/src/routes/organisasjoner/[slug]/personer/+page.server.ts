import { error, fail, redirect } from '@sveltejs/kit';
import { mayIn } from '#lib/policy.ts';
import { attempt, FORBIDDEN_MESSAGE, load as api } from '#lib/server/api.ts';
import {
  EMPTY_PERSON,
  personErrors,
  personInput,
  readPersonForm,
  validatePerson,
} from '#lib/server/people.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { slug } = event.params;
  if (!mayIn(event.locals.me, 'person.manage', slug)) error(403, FORBIDDEN_MESSAGE);
  const [organisation, people] = await api(event, (client) =>
    Promise.all([
      client.organisations.get.query({ slug }),
      client.people.list.query({ organisation: slug }),
    ]),
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
    if (!mayIn(event.locals.me, 'person.manage', slug)) error(403, FORBIDDEN_MESSAGE);
    const values = readPersonForm(await event.request.formData());
    const errors = validatePerson(values);
    if (Object.keys(errors).length > 0) return fail(400, { values, errors });
    const result = await attempt(event, (client) =>
      client.people.create.mutate({ organisation: slug, ...personInput(values) }),
    );
    if (result.ok) redirect(303, `/organisasjoner/${slug}/personer?lagt-til=1`);
    return fail(422, { values, errors: personErrors(result.failure) });
  },
};
