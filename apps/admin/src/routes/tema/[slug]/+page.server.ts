import { error, fail, redirect } from '@sveltejs/kit';
import { errorsFromIssues, type FieldErrors, parseVersion, text } from '#lib/forms.ts';
import { mayInSystem } from '#lib/policy.ts';
import { attempt, FORBIDDEN_MESSAGE, load as api } from '#lib/server/api.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!mayInSystem(event.locals.me, 'theme.manage')) error(403, FORBIDDEN_MESSAGE);
  const themes = await api(event, (client) => client.themes.list.query());
  const theme = themes.items.find((candidate) => candidate.slug === event.params.slug);
  if (!theme) error(404, 'Fant ikke siden');
  return { theme };
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

/**
 * themes.list carries no version, so the form keeps the name and description it was loaded
 * with (and the version once a save has told it). A stale version whose stored theme still is
 * what the editor loaded means nobody else changed it: the save is repeated at the stored
 * version. Otherwise the editor sees what is stored now and decides.
 */
export const actions: Actions = {
  default: async (event) => {
    if (!mayInSystem(event.locals.me, 'theme.manage')) error(403, FORBIDDEN_MESSAGE);
    const { slug } = event.params;
    const form = await event.request.formData();
    const values = { name: text(form, 'name'), description: text(form, 'description') };
    const loaded = { name: text(form, 'loadedName'), description: text(form, 'loadedDescription') };
    const version = parseVersion(text(form, 'version')) ?? 1;
    const errors: FieldErrors = {};
    if (values.name === '') errors.name = 'Skriv navnet på temaet.';
    else if (values.name.length > 100) errors.name = 'Navnet kan være på høyst 100 tegn.';
    if (values.description.length > 1000) errors.description = 'Beskrivelsen kan være på høyst 1000 tegn.';
    if (Object.keys(errors).length > 0) return fail(400, { values, loaded, errors, version, conflict: null });

    const save = (at: number) => attempt(event, (client) => client.themes.update.mutate({ slug, version: at, ...values }));
    let result = await save(version);
    if (!result.ok && result.failure.code === 'CONFLICT') {
      const stored = storedTheme(result.failure.data.current);
      if (stored && stored.name === loaded.name && stored.description === loaded.description) {
        result = await save(stored.version);
      }
    }
    if (result.ok) redirect(303, `/tema?lagret=${encodeURIComponent(slug)}`);
    if (result.failure.code === 'CONFLICT') {
      const stored = storedTheme(result.failure.data.current);
      return fail(409, {
        values,
        loaded: stored ? { name: stored.name, description: stored.description } : loaded,
        errors: {},
        version: stored?.version ?? version,
        conflict: stored,
      });
    }
    return fail(422, {
      values,
      loaded,
      errors: errorsFromIssues(result.failure.issues, { name: 'name', description: 'description' }, 'name'),
      version,
      conflict: null,
    });
  },
};
