import { error, fail, redirect } from '@sveltejs/kit';
import { parseVersion, text } from '#lib/forms.ts';
import { mayIn } from '#lib/policy.ts';
import { attempt, FORBIDDEN_MESSAGE, load as api } from '#lib/server/api.ts';
import { personErrors, personInput, readPersonForm, validatePerson } from '#lib/server/people.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { slug, id } = event.params;
  if (!mayIn(event.locals.me, 'person.manage', slug)) error(403, FORBIDDEN_MESSAGE);
  const [organisation, people] = await api(event, (client) =>
    Promise.all([
      client.organisations.get.query({ slug }),
      client.people.list.query({ organisation: slug }),
    ]),
  );
  const person = people.find((candidate) => candidate.id === id);
  if (!person) error(404, 'Fant ikke siden');
  return { organisation, person, saved: event.url.searchParams.get('lagret') === '1' };
};

export const actions: Actions = {
  lagre: async (event) => {
    const { slug, id } = event.params;
    if (!mayIn(event.locals.me, 'person.manage', slug)) error(403, FORBIDDEN_MESSAGE);
    const form = await event.request.formData();
    const values = readPersonForm(form);
    const version = parseVersion(text(form, 'version'));
    if (version === null) error(400, 'Skjemaet mangler versjonsnummer. Last siden på nytt.');
    const errors = validatePerson(values);
    if (Object.keys(errors).length > 0)
      return fail(400, { values, errors, version, message: null });
    const result = await attempt(event, (client) =>
      client.people.update.mutate({ id, version, organisation: slug, ...personInput(values) }),
    );
    if (result.ok) redirect(303, `/organisasjoner/${slug}/personer/${id}?lagret=1`);
    if (result.failure.code === 'CONFLICT') {
      const people = await api(event, (client) => client.people.list.query({ organisation: slug }));
      const current = people.find((candidate) => candidate.id === id);
      return fail(409, {
        values,
        errors: {},
        version: current?.version ?? version,
        message: `${result.failure.message} Lagrer du igjen, erstatter det du har skrevet det som er lagret nå.`,
      });
    }
    return fail(422, { values, errors: personErrors(result.failure), version, message: null });
  },
};
