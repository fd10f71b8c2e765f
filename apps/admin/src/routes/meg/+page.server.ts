import { checkPasswordPolicy, PASSWORD_MIN_LENGTH } from '@klimakommuner/domain';
import { error, fail, redirect } from '@sveltejs/kit';
import { Effect } from 'effect';
import { type FieldErrors, raw, text } from '#lib/forms.ts';
import { attempt, load as api } from '#lib/server/api.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
  sessions: await api(event, (client) => client.auth.sessions.query()),
  ended: event.url.searchParams.get('avsluttet') === '1',
  changed: event.url.searchParams.get('passord') === '1',
});

/** The length rules, checked here for a quick answer; the API also checks against common passwords. */
function lengthProblem(password: string): string | null {
  const result = Effect.runSync(Effect.result(checkPasswordPolicy(password, () => false)));
  return result._tag === 'Failure' ? result.failure.message : null;
}

export const actions: Actions = {
  avsluttOkt: async (event) => {
    const form = await event.request.formData();
    const id = text(form, 'id');
    if (id === '') error(400, 'Ugyldig skjema. Last siden på nytt.');
    const result = await attempt(event, (client) => client.auth.endSession.mutate({ id }));
    if (!result.ok)
      return fail(422, { kind: 'session' as const, message: result.failure.message, errors: {} });
    redirect(303, '/meg?avsluttet=1');
  },

  byttPassord: async (event) => {
    const form = await event.request.formData();
    const currentPassword = raw(form, 'currentPassword');
    const newPassword = raw(form, 'newPassword');
    const repeatPassword = raw(form, 'repeatPassword');
    const errors: FieldErrors = {};
    if (currentPassword === '') errors.currentPassword = 'Skriv inn passordet du har nå.';
    const problem =
      newPassword === ''
        ? `Skriv et nytt passord på minst ${PASSWORD_MIN_LENGTH} tegn.`
        : lengthProblem(newPassword);
    if (problem) errors.newPassword = problem;
    else if (repeatPassword !== newPassword)
      errors.repeatPassword = 'Passordene er ikke like. Skriv det nye passordet en gang til.';
    if (Object.keys(errors).length > 0)
      return fail(400, { kind: 'password' as const, message: null, errors });

    const result = await attempt(
      event,
      (client) => client.auth.changePassword.mutate({ currentPassword, newPassword }),
      ['BAD_REQUEST', 'UNPROCESSABLE_CONTENT', 'InvalidCredentials', 'TOO_MANY_REQUESTS'],
    );
    if (result.ok) redirect(303, '/meg?passord=1');
    const { code, issues, message, data } = result.failure;
    const path = issues[0]?.path[0];
    const tag = typeof data.tag === 'string' ? data.tag : '';
    const field =
      path === 'currentPassword' || tag === 'InvalidCredentials'
        ? 'currentPassword'
        : 'newPassword';
    const shown =
      tag === 'InvalidCredentials'
        ? 'Passordet du har nå, er feil.'
        : (issues[0]?.message ?? message);
    return fail(code === 'TOO_MANY_REQUESTS' ? 429 : 400, {
      kind: 'password' as const,
      message: null,
      errors: { [field]: shown },
    });
  },
};
