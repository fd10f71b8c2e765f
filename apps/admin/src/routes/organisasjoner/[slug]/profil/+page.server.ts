import { actionFor, Email, HttpUrl, isPublic } from '@klimakommuner/domain';
import { error, fail, redirect } from '@sveltejs/kit';
import { transitionConfirmation } from '#lib/confirm.ts';
import { failureErrors } from '#lib/failures.ts';
import {
  type FieldErrors,
  fits,
  hasErrors,
  INVALID_FORM,
  markdown,
  parseVersion,
  text,
} from '#lib/forms.ts';
import { mayIn } from '#lib/policy.ts';
import { requireIn, requireSystem } from '#lib/server/access.ts';
import { load as api, attempt } from '#lib/server/api.ts';
import { previewBody } from '#lib/server/preview.ts';
import { chosenFile, uploadFile } from '#lib/server/upload.ts';
import { transitionAction } from '#lib/server/workflow.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const profileOf = (event: RequestEvent | Parameters<PageServerLoad>[0]) =>
  api(event, (client) => client.organisations.getForEdit.query({ slug: event.params.slug }));

export const load: PageServerLoad = async (event) => {
  requireIn(event, 'organisation.update-profile', event.params.slug);
  return {
    organisation: await profileOf(event),
    saved: event.url.searchParams.get('lagret') === '1',
    logoSaved: event.url.searchParams.get('logo'),
    moved: event.url.searchParams.get('status') === '1',
  };
};

const FIELDS = { description: 'description', website: 'website', contactEmail: 'contactEmail' };

/** What the form holds: the three fields and the version it was loaded at. */
const readForm = async (event: RequestEvent) => {
  const form = await event.request.formData();
  const values = {
    description: markdown(form, 'description'),
    website: text(form, 'website'),
    contactEmail: text(form, 'contactEmail'),
  };
  return { values, version: parseVersion(text(form, 'version')) };
};

export const actions: Actions = {
  lagre: async (event) => {
    const { slug } = event.params;
    const { values, version } = await readForm(event);

    const errors: FieldErrors = {};
    if (values.website !== '' && !fits(HttpUrl, values.website)) {
      errors.website = 'Skriv en nettadresse som begynner med https:// eller http://.';
    }
    if (values.contactEmail !== '' && !fits(Email, values.contactEmail)) {
      errors.contactEmail = 'Skriv en gyldig e-postadresse, for eksempel post@kommune.no.';
    }
    if (version === null) error(400, INVALID_FORM);
    const save = { kind: 'save' as const, values, version, message: null, conflict: null };
    if (hasErrors(errors)) return fail(400, { ...save, errors });

    const result = await attempt(event, (client) =>
      client.organisations.update.mutate({ slug, version, ...values }),
    );
    if (result.ok) redirect(303, `/organisasjoner/${slug}/profil?lagret=1`);

    const { code, message } = result.failure;
    if (code === 'CONFLICT') {
      const conflict = await profileOf(event);
      return fail(409, { ...save, errors: {}, version: conflict.version, message, conflict });
    }
    const fieldErrors = failureErrors(result.failure, FIELDS, 'description');
    return fail(code === 'BAD_REQUEST' ? 400 : 422, { ...save, errors: fieldErrors });
  },

  // The description as it will look, from what is typed (not saved): the API renders and
  // sanitises it; every field keeps what was typed.
  forhandsvis: async (event) => {
    const { values, version } = await readForm(event);
    if (version === null) error(400, INVALID_FORM);
    const previewHtml = await previewBody(event, values.description);
    return {
      kind: 'save' as const,
      values,
      version,
      message: null,
      conflict: null,
      errors: {},
      previewHtml,
    };
  },

  // Administrators only: the logo the front page shows. The image is uploaded as the
  // organisation's (through the API's intake, which checks the bytes), then set with its alt text.
  logo: async (event) => {
    requireSystem(event, 'logo.manage');
    const { slug } = event.params;
    const form = await event.request.formData();
    const altText = text(form, 'logoAlt');
    const file = chosenFile(form, 'logoFile');
    const logo = (errors: FieldErrors, message: string | null = null) =>
      fail(400, { kind: 'logo' as const, values: { logoAlt: altText }, errors, message });
    const errors: FieldErrors = {};
    if (file === null) errors.logoFile = 'Velg en bildefil med logoen (PNG, JPEG eller WebP).';
    if (altText === '') errors.logoAlt = 'Skriv hva logoen viser, for eksempel «Logo: KEN».';
    if (file === null || hasErrors(errors)) return logo(errors);

    const uploaded = await uploadFile(event, slug, file, altText);
    if (!uploaded.ok) return logo({ logoFile: uploaded.refusal.message });
    const result = await attempt(event, (client) =>
      client.organisations.setLogo.mutate({ organisation: slug, file: uploaded.file.id, altText }),
    );
    if (result.ok) redirect(303, `/organisasjoner/${slug}/profil?logo=satt`);
    return logo(
      failureErrors(result.failure, { altText: 'logoAlt', file: 'logoFile' }, 'logoFile'),
      result.failure.message,
    );
  },

  fjernlogo: async (event) => {
    requireSystem(event, 'logo.manage');
    const { slug } = event.params;
    const result = await attempt(event, (client) =>
      client.organisations.setLogo.mutate({ organisation: slug, file: null, altText: '' }),
    );
    if (result.ok) redirect(303, `/organisasjoner/${slug}/profil?logo=fjernet`);
    return fail(422, {
      kind: 'logo' as const,
      values: { logoAlt: '' },
      errors: {},
      message: result.failure.message,
    });
  },

  status: (event) => {
    const { slug } = event.params;
    return transitionAction(event, {
      slug,
      mayUse: (transition) => mayIn(event.locals.me, actionFor(transition), slug),
      run: (client, input) => client.organisations.transition.mutate(input),
      done: `/organisasjoner/${slug}/profil?status=1`,
      confirmation: async (transition, when) => {
        const profile = await profileOf(event);
        return transitionConfirmation(
          transition,
          {
            noun: 'Profilen',
            pronoun: 'den',
            name: `profilen til ${profile.name}`,
            public: isPublic(profile, new Date()),
          },
          when,
        );
      },
    });
  },
};
