import { error, fail, redirect } from '@sveltejs/kit';
import { errorsFromIssues, type FieldErrors, parseVersion, text } from '#lib/forms.ts';
import { mayInSystem } from '#lib/policy.ts';
import { attempt, FORBIDDEN_MESSAGE, load as api } from '#lib/server/api.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!mayInSystem(event.locals.me, 'theme.manage')) error(403, FORBIDDEN_MESSAGE);
  const themes = await api(event, (client) => client.themes.listForEdit.query());
  const theme = themes.items.find((candidate) => candidate.slug === event.params.slug);
  if (!theme) error(404, 'Fant ikke siden');
  return { theme, saved: event.url.searchParams.get('lagret') === '1' };
};

interface StoredTheme {
  readonly name: string;
  readonly description: string;
  readonly version: number;
}

function storedTheme(value: unknown): StoredTheme | null {
  if (typeof value !== 'object' || value === null) return null;
  const { name, description, version } = value as Record<string, unknown>;
  return typeof name === 'string' && typeof description === 'string' && typeof version === 'number'
    ? { name, description, version }
    : null;
}

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
    else if (values.name.length > 100) errors.name = 'Navnet kan være på høyst 100 tegn.';
    if (values.description.length > 1000)
      errors.description = 'Beskrivelsen kan være på høyst 1000 tegn.';
    if (Object.keys(errors).length > 0)
      return fail(400, { values, errors, version, message: null, conflict: null });

    const result = await attempt(event, (client) =>
      client.themes.update.mutate({ slug, version, ...values }),
    );
    if (result.ok) redirect(303, `/tema/${encodeURIComponent(slug)}?lagret=1`);
    const { code, message, data, issues } = result.failure;
    if (code === 'CONFLICT') {
      let conflict = storedTheme(data.current);
      if (conflict === null) {
        const themes = await api(event, (client) => client.themes.listForEdit.query());
        conflict = themes.items.find((candidate) => candidate.slug === slug) ?? null;
      }
      return fail(409, {
        values,
        errors: {},
        version: conflict?.version ?? version,
        message,
        conflict,
      });
    }
    return fail(422, {
      values,
      errors: errorsFromIssues(issues, { name: 'name', description: 'description' }, 'name'),
      version,
      message: issues.length === 0 ? message : null,
      conflict: null,
    });
  },
};
