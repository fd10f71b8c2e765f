import { TokenScope, Uuid } from '@klimakommuner/domain';
import { error, fail } from '@sveltejs/kit';
import { revokeConfirmation } from '#lib/confirm.ts';
import { failureErrors } from '#lib/failures.ts';
import { type FieldErrors, fits, hasErrors, INVALID_FORM, text } from '#lib/forms.ts';
import { requireSystem } from '#lib/server/access.ts';
import { load as api, attempt } from '#lib/server/api.ts';
import { askFirst, isConfirmed } from '#lib/server/confirm.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireSystem(event, 'token.manage');
  const [tokens, organisations] = await api(event, (client) =>
    Promise.all([client.tokens.list.query(), client.organisations.list.query()]),
  );
  return {
    tokens: tokens.items,
    organisations: organisations.items.map(({ slug, name }) => ({ value: slug, label: name })),
    revoked: event.url.searchParams.get('trukket') === '1',
  };
};

export const actions: Actions = {
  opprett: async (event) => {
    requireSystem(event, 'token.manage');
    const form = await event.request.formData();
    const values = {
      name: text(form, 'name'),
      organisation: text(form, 'organisation'),
      scope: text(form, 'scope'),
    };
    const errors: FieldErrors = {};
    if (values.name === '')
      errors.name =
        'Skriv hva tokenet skal brukes til, for eksempel «Nettsiden til Asker kommune».';
    if (values.organisation === '') errors.organisation = 'Velg organisasjonen tokenet gjelder.';
    if (!fits(TokenScope, values.scope)) errors.scope = 'Velg hva tokenet får lov til.';
    if (hasErrors(errors))
      return fail(400, { kind: 'create' as const, values, errors, created: null });

    const scope = values.scope === 'write' ? 'write' : 'read';
    const result = await attempt(event, (client) =>
      client.tokens.create.mutate({ name: values.name, organisation: values.organisation, scope }),
    );
    if (!result.ok) {
      const fields = { name: 'name', organisation: 'organisation', scope: 'scope' };
      const fieldErrors = failureErrors(result.failure, fields, 'name');
      return fail(400, { kind: 'create' as const, values, errors: fieldErrors, created: null });
    }
    // Shown on this response only: the token is not stored anywhere it could be shown again.
    return {
      kind: 'create' as const,
      values: null,
      errors: {},
      created: { token: result.value.token, name: result.value.item.name },
    };
  },

  trekkTilbake: async (event) => {
    requireSystem(event, 'token.manage');
    const form = await event.request.formData();
    const id = text(form, 'id');
    if (!fits(Uuid, id)) error(400, INVALID_FORM);
    if (!isConfirmed(form)) {
      const tokens = await api(event, (client) => client.tokens.list.query());
      const token = tokens.items.find((item) => item.id === id);
      if (token) {
        return {
          ...askFirst(event, form, revokeConfirmation(token.name, token.organisation.name)),
          values: null,
          created: null,
        };
      }
    }
    const result = await attempt(event, (client) => client.tokens.revoke.mutate({ id }));
    if (!result.ok)
      return fail(422, {
        kind: 'revoke' as const,
        values: null,
        errors: { [`revoke-${id}`]: result.failure.message },
        created: null,
      });
    return { kind: 'revoke' as const, values: null, errors: {}, created: null, revoked: true };
  },
};
