import type { Role } from '@klimakommuner/domain';
import { error, fail, redirect } from '@sveltejs/kit';
import { deactivateConfirmation, removeRoleConfirmation } from '#lib/confirm.ts';
import { INVALID_FORM, parseVersion, text } from '#lib/forms.ts';
import { roleFrom, roleText, sameRole } from '#lib/roles.ts';
import { requireSystem } from '#lib/server/access.ts';
import { load as api, attempt } from '#lib/server/api.ts';
import { askFirst, isConfirmed } from '#lib/server/confirm.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

async function loadUser(event: RequestEvent | Parameters<PageServerLoad>[0]) {
  const users = await api(event, (client) => client.users.list.query());
  const user = users.items.find((u) => u.id === event.params.id);
  if (!user) error(404, 'Fant ikke siden');
  return user;
}

export const load: PageServerLoad = async (event) => {
  requireSystem(event, 'user.manage');
  const [user, organisations] = await Promise.all([
    loadUser(event),
    api(event, (client) => client.organisations.list.query()),
  ]);
  return {
    user,
    organisations: organisations.items.map(({ slug, name }) => ({ slug, name })),
    done: event.url.searchParams.get('lagret'),
  };
};

async function saveRoles(
  event: RequestEvent,
  roles: readonly Role[],
  version: number,
  field: string,
  done: string,
) {
  const result = await attempt(event, (client) =>
    client.users.setRoles.mutate({ id: event.params.id, roles: [...roles], version }),
  );
  if (result.ok) redirect(303, `/brukere/${event.params.id}?lagret=${done}`);
  return fail(result.failure.code === 'CONFLICT' ? 409 : 400, {
    errors: { [field]: result.failure.message },
    role: '',
    organisation: '',
  });
}

export const actions: Actions = {
  leggTilRolle: async (event) => {
    requireSystem(event, 'user.manage');
    const form = await event.request.formData();
    const version = parseVersion(text(form, 'version'));
    const roleValue = text(form, 'role');
    const organisation = text(form, 'organisation');
    if (version === null) error(400, INVALID_FORM);
    const chosen = roleFrom(roleValue, organisation);
    if (!chosen.ok) {
      return fail(400, {
        errors: { [chosen.field]: chosen.message },
        role: roleValue,
        organisation,
      });
    }
    const { role } = chosen;
    const user = await loadUser(event);
    if (user.roles.some((r) => sameRole(r, role))) {
      return fail(400, {
        errors: { role: 'Brukeren har allerede denne rollen.' },
        role: roleValue,
        organisation,
      });
    }
    return saveRoles(event, [...user.roles, role], version, 'role', 'rolle');
  },

  fjernRolle: async (event) => {
    requireSystem(event, 'user.manage');
    const form = await event.request.formData();
    const version = parseVersion(text(form, 'version'));
    const index = Number(text(form, 'index'));
    if (version === null || !Number.isInteger(index)) error(400, INVALID_FORM);
    const user = await loadUser(event);
    const removed = user.roles[index];
    if (!removed) error(400, 'Rollen finnes ikke lenger. Last siden på nytt.');
    if (!isConfirmed(form)) {
      const organisations = await api(event, (client) => client.organisations.list.query());
      const name = (slug: string) => organisations.items.find((o) => o.slug === slug)?.name ?? slug;
      const asked = removeRoleConfirmation(user.name, roleText(removed, name));
      return { ...askFirst(event, form, asked), role: '', organisation: '' };
    }
    return saveRoles(
      event,
      user.roles.filter((r) => !sameRole(r, removed)),
      version,
      'role',
      'rolle',
    );
  },

  status: async (event) => {
    requireSystem(event, 'user.manage');
    const form = await event.request.formData();
    const version = parseVersion(text(form, 'version'));
    const activate = text(form, 'active') === 'true';
    if (version === null) error(400, INVALID_FORM);
    const id = event.params.id;
    if (!activate && !isConfirmed(form)) {
      const user = await loadUser(event);
      return {
        ...askFirst(event, form, deactivateConfirmation(user.name)),
        role: '',
        organisation: '',
      };
    }
    const result = await attempt(event, (client) =>
      activate
        ? client.users.activate.mutate({ id, version })
        : client.users.deactivate.mutate({ id, version }),
    );
    if (result.ok) redirect(303, `/brukere/${id}?lagret=${activate ? 'aktivert' : 'deaktivert'}`);
    return fail(409, { errors: { status: result.failure.message }, role: '', organisation: '' });
  },
};
