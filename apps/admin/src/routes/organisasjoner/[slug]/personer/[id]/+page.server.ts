import { error, fail, redirect } from '@sveltejs/kit';
import { hasErrors, INVALID_FORM, parseVersion, text } from '#lib/forms.ts';
import { personErrors, personInput, readPersonForm, validatePerson } from '#lib/person-form.ts';
import { requireIn } from '#lib/server/access.ts';
import { load as api, attempt } from '#lib/server/api.ts';
import { organisationPage } from '#lib/server/organisation.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The person of the address among the organisation's people, as editors see them. */
async function personOf(event: RequestEvent | Parameters<PageServerLoad>[0]) {
  const people = await api(event, (client) =>
    client.people.list.query({ organisation: event.params.slug }),
  );
  return people.find((candidate) => candidate.id === event.params.id) ?? null;
}

export const load: PageServerLoad = async (event) => {
  const { organisation, more: people } = await organisationPage(
    event,
    'person.manage',
    (client, slug) => client.people.list.query({ organisation: slug }),
  );
  const person = people.find((candidate) => candidate.id === event.params.id);
  if (!person) error(404, 'Fant ikke siden');
  return { organisation, person, saved: event.url.searchParams.get('lagret') === '1' };
};

export const actions: Actions = {
  lagre: async (event) => {
    const { slug, id } = event.params;
    requireIn(event, 'person.manage', slug);
    const form = await event.request.formData();
    const values = readPersonForm(form);
    const version = parseVersion(text(form, 'version'));
    if (version === null) error(400, INVALID_FORM);
    const errors = validatePerson(values);
    if (hasErrors(errors)) return fail(400, { values, errors, version, message: null });
    const result = await attempt(event, (client) =>
      client.people.update.mutate({ id, version, organisation: slug, ...personInput(values) }),
    );
    if (result.ok) redirect(303, `/organisasjoner/${slug}/personer/${id}?lagret=1`);
    if (result.failure.code === 'CONFLICT') {
      const current = await personOf(event);
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
