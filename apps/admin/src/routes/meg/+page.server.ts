import { PASSWORD_MIN_LENGTH, Uuid } from '@klimakommuner/domain';
import { error, fail, redirect } from '@sveltejs/kit';
import { tagOf } from '#lib/failures.ts';
import { type FieldErrors, fits, hasErrors, INVALID_FORM, raw, text } from '#lib/forms.ts';
import { passwordProblem } from '#lib/password-form.ts';
import { load as api, attempt } from '#lib/server/api.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
  sessions: await api(event, (client) => client.auth.sessions.query()),
  ended: event.url.searchParams.get('avsluttet') === '1',
  changed: event.url.searchParams.get('passord') === '1',
});

export const actions: Actions = {
  avsluttOkt: async (event) => {
    const id = text(await event.request.formData(), 'id');
    if (!fits(Uuid, id)) error(400, INVALID_FORM);
    const result = await attempt(event, (client) => client.auth.endSession.mutate({ id }));
    if (!result.ok)
      return fail(422, { kind: 'session' as const, message: result.failure.message, errors: {} });
    redirect(303, '/meg?avsluttet=1');
  },

  byttPassord: async (event) => {
    const form = await event.request.formData();
    const currentPassword = raw(form, 'currentPassword');
    const newPassword = raw(form, 'newPassword');
    const errors: FieldErrors = {};
    if (currentPassword === '') errors.currentPassword = 'Skriv inn passordet du har nå.';
    const problem =
      newPassword === ''
        ? `Skriv et nytt passord på minst ${PASSWORD_MIN_LENGTH} tegn.`
        : passwordProblem(newPassword);
    if (problem) errors.newPassword = problem;
    else if (raw(form, 'repeatPassword') !== newPassword)
      errors.repeatPassword = 'Passordene er ikke like. Skriv det nye passordet en gang til.';
    if (hasErrors(errors)) return fail(400, { kind: 'password' as const, message: null, errors });

    const result = await attempt(
      event,
      (client) => client.auth.changePassword.mutate({ currentPassword, newPassword }),
      ['BAD_REQUEST', 'UNPROCESSABLE_CONTENT', 'InvalidCredentials', 'TOO_MANY_REQUESTS'],
    );
    if (result.ok) redirect(303, '/meg?passord=1');
    const { code, issues, message } = result.failure;
    const wrongPassword = tagOf(result.failure) === 'InvalidCredentials';
    const field =
      wrongPassword || issues[0]?.path[0] === 'currentPassword' ? 'currentPassword' : 'newPassword';
    const shown = wrongPassword ? 'Passordet du har nå, er feil.' : (issues[0]?.message ?? message);
    return fail(code === 'TOO_MANY_REQUESTS' ? 429 : 400, {
      kind: 'password' as const,
      message: null,
      errors: { [field]: shown },
    });
  },
};
