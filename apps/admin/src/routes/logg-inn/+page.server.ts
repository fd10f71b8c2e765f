import { fail, redirect } from '@sveltejs/kit';
import { type FieldErrors, hasErrors, raw, text } from '#lib/forms.ts';
import { safeReturnPath } from '#lib/return-path.ts';
import { attempt } from '#lib/server/api.ts';
import { setSessionCookie } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const til = safeReturnPath(url.searchParams.get('til'));
  if (locals.me) redirect(303, til);
  return {
    til,
    expired: url.searchParams.get('utlopt') === '1',
    signedOut: url.searchParams.get('utlogget') === '1',
  };
};

function minutes(seconds: unknown): number {
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds / 60) : 15;
}

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const email = text(form, 'email');
    const password = raw(form, 'password');
    const til = safeReturnPath(text(form, 'til'));

    const errors: FieldErrors = {};
    if (email === '') errors.email = 'Skriv inn e-postadressen din.';
    if (password === '') errors.password = 'Skriv inn passordet ditt.';
    if (hasErrors(errors)) return fail(400, { email, errors, message: null });

    const result = await attempt(event, (api) => api.auth.signIn.mutate({ email, password }), [
      'BAD_REQUEST',
      'UNAUTHORIZED',
      'TOO_MANY_REQUESTS',
    ]);
    if (!result.ok) {
      const { code, data } = result.failure;
      if (code === 'TOO_MANY_REQUESTS') {
        const n = minutes(data.retryAfterSeconds);
        return fail(429, {
          email,
          errors: {},
          message: `For mange mislykkede innlogginger. Prøv igjen om ${n} ${n === 1 ? 'minutt' : 'minutter'}.`,
        });
      }
      return fail(400, { email, errors: { email: 'Feil e-post eller passord.' }, message: null });
    }
    setSessionCookie(event.cookies, result.value.token, result.value.expiresAt);
    redirect(303, til);
  },
};
