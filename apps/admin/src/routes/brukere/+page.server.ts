import { checkPasswordPolicy, isValidEmail } from '@klimakommuner/domain';
import { fail, redirect } from '@sveltejs/kit';
import { Effect } from 'effect';
import { errorsFromIssues, type FieldErrors, raw, text } from '#lib/forms.ts';
import { requireSystem, roleFrom } from '#lib/server/admin.ts';
import { attempt, load as api } from '#lib/server/api.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireSystem(event, 'user.manage');
  const [users, organisations] = await api(event, (client) =>
    Promise.all([client.users.list.query(), client.organisations.list.query()]),
  );
  return {
    users: users.items,
    organisations: organisations.items.map(({ slug, name }) => ({ slug, name })),
    created: event.url.searchParams.get('opprettet'),
  };
};

export const actions: Actions = {
  opprett: async (event) => {
    requireSystem(event, 'user.manage');
    const form = await event.request.formData();
    const values = {
      name: text(form, 'name'),
      email: text(form, 'email'),
      role: text(form, 'role'),
      organisation: text(form, 'organisation'),
    };
    const password = raw(form, 'password');
    const errors: FieldErrors = {};
    if (values.name === '') errors.name = 'Skriv navnet til brukeren.';
    if (!isValidEmail(values.email))
      errors.email = 'Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.';
    const check = Effect.runSync(Effect.result(checkPasswordPolicy(password, () => false)));
    if (check._tag === 'Failure') errors.password = check.failure.message;
    const role = roleFrom(values.role, values.organisation);
    if (typeof role === 'string')
      errors[role.startsWith('Velg organisasjonen') ? 'organisation' : 'role'] = role;
    if (Object.keys(errors).length > 0 || typeof role === 'string')
      return fail(400, { values, errors });

    const result = await attempt(event, (client) =>
      client.users.create.mutate({
        name: values.name,
        email: values.email,
        password,
        roles: [role],
      }),
    );
    if (result.ok) redirect(303, `/brukere?opprettet=${encodeURIComponent(values.email)}`);
    const { code, issues, message } = result.failure;
    const fieldErrors =
      issues.length > 0
        ? errorsFromIssues(
            issues,
            { name: 'name', email: 'email', password: 'password', roles: 'role' },
            'email',
          )
        : { [code === 'CONFLICT' ? 'email' : 'password']: message };
    return fail(code === 'CONFLICT' ? 409 : 400, { values, errors: fieldErrors });
  },
};
