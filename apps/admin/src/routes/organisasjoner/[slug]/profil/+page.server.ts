import { actionFor, isValidEmail } from '@klimakommuner/domain';
import { error, fail, redirect } from '@sveltejs/kit';
import { errorsFromIssues, type FieldErrors, parseVersion, raw, text } from '#lib/forms.ts';
import { mayIn } from '#lib/policy.ts';
import { attempt, load as api } from '#lib/server/api.ts';
import { transitionAction } from '#lib/server/workflow.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { slug } = event.params;
  if (!mayIn(event.locals.me, 'organisation.update-profile', slug))
    error(403, 'Du har ikke tilgang til å gjøre dette.');
  const organisation = await api(event, (client) =>
    client.organisations.getForEdit.query({ slug }),
  );
  return {
    organisation,
    saved: event.url.searchParams.get('lagret') === '1',
    moved: event.url.searchParams.get('status') === '1',
  };
};

const FIELDS = { description: 'description', website: 'website', contactEmail: 'contactEmail' };

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export const actions: Actions = {
  lagre: async (event) => {
    const { slug } = event.params;
    const form = await event.request.formData();
    const values = {
      // Markdown keeps its whitespace; only the line endings the browser sends are normalised.
      description: raw(form, 'description').replace(/\r\n/g, '\n'),
      website: text(form, 'website'),
      contactEmail: text(form, 'contactEmail'),
    };
    const version = parseVersion(text(form, 'version'));

    const errors: FieldErrors = {};
    if (values.website !== '' && !isHttpUrl(values.website)) {
      errors.website = 'Skriv en nettadresse som begynner med https:// eller http://.';
    }
    if (values.contactEmail !== '' && !isValidEmail(values.contactEmail)) {
      errors.contactEmail = 'Skriv en gyldig e-postadresse, for eksempel post@kommune.no.';
    }
    if (version === null) error(400, 'Skjemaet mangler versjonsnummer. Last siden på nytt.');
    if (Object.keys(errors).length > 0) {
      return fail(400, {
        kind: 'save' as const,
        values,
        errors,
        version,
        message: null,
        conflict: null,
      });
    }

    const result = await attempt(event, (client) =>
      client.organisations.update.mutate({ slug, version, ...values }),
    );
    if (result.ok) redirect(303, `/organisasjoner/${slug}/profil?lagret=1`);

    const { code, message, issues, data } = result.failure;
    if (code === 'CONFLICT') {
      const current = await api(event, (client) => client.organisations.getForEdit.query({ slug }));
      const conflict = (data.current as typeof current | undefined) ?? current;
      return fail(409, {
        kind: 'save' as const,
        values,
        errors: {},
        version: conflict.version,
        message,
        conflict,
      });
    }
    return fail(code === 'BAD_REQUEST' ? 400 : 422, {
      kind: 'save' as const,
      values,
      errors: errorsFromIssues(issues, FIELDS, 'description'),
      version,
      message: null,
      conflict: null,
    });
  },

  status: (event) => {
    const { slug } = event.params;
    return transitionAction(event, {
      slug,
      mayUse: (transition) => mayIn(event.locals.me, actionFor(transition), slug),
      run: (client, input) => client.organisations.transition.mutate(input),
      done: `/organisasjoner/${slug}/profil?status=1`,
    });
  },
};
