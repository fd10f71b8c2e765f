import { actionFor, isValidEmail, type Transition, TRANSITIONS } from '@klimakommuner/domain';
import { error, fail, redirect } from '@sveltejs/kit';
import { fromOsloLocal } from '#lib/datetime.ts';
import { errorsFromIssues, type FieldErrors, parseVersion, raw, text } from '#lib/forms.ts';
import { mayIn } from '#lib/policy.ts';
import { attempt, load as api } from '#lib/server/api.ts';
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

  status: async (event) => {
    const { slug } = event.params;
    const form = await event.request.formData();
    const transition = text(form, 'transition') as Transition;
    const version = parseVersion(text(form, 'version'));
    const publishAtLocal = text(form, 'publishAt');
    if (!TRANSITIONS.includes(transition) || version === null)
      error(400, 'Ugyldig skjema. Last siden på nytt.');
    if (!mayIn(event.locals.me, actionFor(transition), slug))
      error(403, 'Du har ikke tilgang til å gjøre dette.');

    let publishAt: string | undefined;
    if (transition === 'publish' && publishAtLocal !== '') {
      const parsed = fromOsloLocal(publishAtLocal);
      if (parsed === null) {
        return fail(400, {
          kind: 'status' as const,
          publishAt: publishAtLocal,
          errors: { publishAt: 'Skriv dato og klokkeslett, for eksempel 01.03.2026 kl. 08:00.' },
          message: null,
        });
      }
      publishAt = parsed;
    }

    const result = await attempt(event, (client) =>
      client.organisations.transition.mutate({
        slug,
        version,
        transition,
        ...(publishAt ? { publishAt } : {}),
      }),
    );
    if (result.ok) redirect(303, `/organisasjoner/${slug}/profil?status=1`);
    const { issues, message } = result.failure;
    const publishAtIssue = issues.find((issue) => issue.path[0] === 'publishAt');
    return fail(result.failure.code === 'CONFLICT' ? 409 : 422, {
      kind: 'status' as const,
      publishAt: publishAtLocal,
      errors: publishAtIssue ? { publishAt: publishAtIssue.message } : {},
      message: publishAtIssue ? null : message,
    });
  },
};
