import { error, fail, redirect } from '@sveltejs/kit';
import { failureErrors } from '#lib/failures.ts';
import { type FieldErrors, hasErrors, INVALID_FORM, parseVersion, text } from '#lib/forms.ts';
import { requireSystem } from '#lib/server/access.ts';
import { load as api, attempt } from '#lib/server/api.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The theme of the address, as editors see it (with its version); a 404 when there is none. */
async function themeOf(event: RequestEvent | Parameters<PageServerLoad>[0]) {
  requireSystem(event, 'theme.manage');
  const themes = await api(event, (client) => client.themes.listForEdit.query());
  return themes.items.find((candidate) => candidate.slug === event.params.slug) ?? null;
}

export const load: PageServerLoad = async (event) => {
  const theme = await themeOf(event);
  if (!theme) error(404, 'Fant ikke siden');
  return { theme, saved: event.url.searchParams.get('lagret') === '1' };
};

export const actions: Actions = {
  default: async (event) => {
    requireSystem(event, 'theme.manage');
    const { slug } = event.params;
    const form = await event.request.formData();
    const values = { name: text(form, 'name'), description: text(form, 'description') };
    const version = parseVersion(text(form, 'version'));
    if (version === null) error(400, INVALID_FORM);
    const errors: FieldErrors = {};
    if (values.name === '') errors.name = 'Skriv navnet på temaet.';
    else if (values.name.length > 100) errors.name = 'Navnet kan være på høyst 100 tegn.';
    if (values.description.length > 1000)
      errors.description = 'Beskrivelsen kan være på høyst 1000 tegn.';
    if (hasErrors(errors))
      return fail(400, { values, errors, version, message: null, conflict: null });

    const result = await attempt(event, (client) =>
      client.themes.update.mutate({ slug, version, ...values }),
    );
    if (result.ok) redirect(303, `/tema/${encodeURIComponent(slug)}?lagret=1`);
    const { code, message, issues } = result.failure;
    if (code === 'CONFLICT') {
      const conflict = await themeOf(event);
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
      errors: failureErrors(result.failure, { name: 'name', description: 'description' }, 'name'),
      version,
      message: issues.length === 0 ? message : null,
      conflict: null,
    });
  },
};
