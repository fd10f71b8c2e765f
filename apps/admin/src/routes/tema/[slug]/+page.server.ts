import { error, fail, redirect } from '@sveltejs/kit';
import { type FieldErrors, errorsFromIssues, parseVersion, text } from '#lib/forms.ts';
import { mayInSystem } from '#lib/policy.ts';
import { attempt, FORBIDDEN_MESSAGE, load as api } from '#lib/server/api.ts';
import type { Actions, PageServerLoad } from './$types';

async function themeOf(event: Parameters<PageServerLoad>[0]) {
  if (!mayInSystem(event.locals.me, 'theme.manage')) error(403, FORBIDDEN_MESSAGE);
  const themes = await api(event, (client) => client.themes.listForEdit.query());
  const theme = themes.items.find((candidate) => candidate.slug === event.params.slug);
  if (!theme) error(404, 'Fant ikke siden');
  return theme;
}

export const load: PageServerLoad = async (event) => ({ theme: await themeOf(event) });

export const actions: Actions = {
  default: async (event) => {
    if (!mayInSystem(event.locals.me, 'theme.manage')) error(403, FORBIDDEN_MESSAGE);
    const { slug } = event.params;
    const form = await event.request.formData();
    const values = { name: text(form, 'name'), description: text(form, 'description') };
    const version = parseVersion(text(form, 'version'));
    if (version === null) error(400, 'Skjemaet mangler versjonsnummer. Last siden på nytt.');
    const errors: FieldErrors = {};
    if (values.name === '') errors.name = 'Skriv navnet på temaet.';
    if (values.description.length > 1000) errors.description = 'Beskrivelsen kan være på høyst 1000 tegn.';
    if (Object.keys(errors).length > 0) return fail(400, { values, errors, version, message: null });
    const result = await attempt(event, (client) => client.themes.update.mutate({ slug, version, ...values }));
    if (result.ok) redirect(303, `/tema?lagret=${encodeURIComponent(slug)}`);
    if (result.failure.code === 'CONFLICT') {
      const current = await api(event, (client) => client.themes.listForEdit.query());
      const stored = current.items.find((candidate) => candidate.slug === slug);
      return fail(409, {
        values,
        errors: {},
        version: stored?.version ?? version,
        message: `${result.failure.message} Lagret nå: «${stored?.name ?? ''}» – ${stored?.description ?? ''}. Lagrer du igjen, erstatter din versjon denne.`,
      });
    }
    return fail(422, {
      values,
      errors: errorsFromIssues(result.failure.issues, { name: 'name', description: 'description' }, 'name'),
      version,
      message: result.failure.issues.length === 0 ? result.failure.message : null,
    });
  },
};
