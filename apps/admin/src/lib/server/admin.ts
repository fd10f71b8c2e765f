import type { Role } from '@klimakommuner/domain';
import { error, type RequestEvent } from '@sveltejs/kit';
import { mayInSystem } from '#lib/policy.ts';
import { FORBIDDEN_MESSAGE } from './api.ts';

/** Admin pages: the API refuses others anyway; this answers with the 403 page before asking it. */
export function requireSystem(
  event: Pick<RequestEvent, 'locals'>,
  action: 'user.manage' | 'token.manage' | 'audit.read-all',
) {
  if (!mayInSystem(event.locals.me, action)) error(403, FORBIDDEN_MESSAGE);
}

/** A role from the form's select values, or an error message for the field. */
export function roleFrom(role: string, organisation: string): Role | string {
  if (role === 'admin') return { role: 'admin' };
  if (role !== 'editor' && role !== 'contributor') return 'Velg en rolle.';
  if (organisation === '') return 'Velg organisasjonen rollen gjelder.';
  return { role, organisation };
}

export function sameRole(a: Role, b: Role): boolean {
  if (a.role === 'admin' || b.role === 'admin') return a.role === b.role;
  return a.role === b.role && a.organisation === b.organisation;
}
