import { Email } from '@klimakommuner/domain';
import { fail, redirect } from '@sveltejs/kit';
import { errorsFromIssues } from '#lib/failures.ts';
import { type FieldErrors, fits, hasErrors, raw, text } from '#lib/forms.ts';
import { passwordProblem } from '#lib/password-form.ts';
import { roleFrom } from '#lib/roles.ts';
import { requireSystem } from '#lib/server/access.ts';
import { load as api, attempt } from '#lib/server/api.ts';
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
    if (!fits(Email, values.email))
      errors.email = 'Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.';
    const problem = passwordProblem(password);
    if (problem) errors.password = problem;
    const role = roleFrom(values.role, values.organisation);
    if (!role.ok) errors[role.field] = role.message;
    if (hasErrors(errors) || !role.ok) return fail(400, { values, errors });

    const result = await attempt(event, (client) =>
      client.users.create.mutate({
        name: values.name,
        email: values.email,
        password,
        roles: [role.role],
      }),
    );
    if (result.ok) redirect(303, `/brukere?opprettet=${encodeURIComponent(values.email)}`);
    const { code, issues, message } = result.failure;
    const conflict = code === 'CONFLICT';
    const fields = { name: 'name', email: 'email', password: 'password', roles: 'role' };
    const fieldErrors =
      issues.length > 0
        ? errorsFromIssues(issues, fields, 'email')
        : { [conflict ? 'email' : 'password']: message };
    return fail(conflict ? 409 : 400, { values, errors: fieldErrors });
  },
};
