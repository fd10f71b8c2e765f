/** An editor's roles as the user forms pick and show them. */
import { decodeValue, type Role, Role as RoleSchema, roleLabel } from '@klimakommuner/domain';
import { Result } from 'effect';

/** The role select's options, in the order an administrator picks most often. */
export const ROLE_OPTIONS = [
  { value: 'editor', label: 'Redaktør' },
  { value: 'contributor', label: 'Bidragsyter' },
  { value: 'admin', label: 'Administrator (alle organisasjoner)' },
] as const;

/** The role the form's two selects name, or the field to fix and why. */
export function roleFrom(
  role: string,
  organisation: string,
):
  | { readonly ok: true; readonly role: Role }
  | { readonly ok: false; readonly field: 'role' | 'organisation'; readonly message: string } {
  const decoded = decodeValue(RoleSchema, role === 'admin' ? { role } : { role, organisation });
  if (Result.isSuccess(decoded)) return { ok: true, role: decoded.success };
  return role === 'editor' || role === 'contributor'
    ? { ok: false, field: 'organisation', message: 'Velg organisasjonen rollen gjelder.' }
    : { ok: false, field: 'role', message: 'Velg en rolle.' };
}

export function sameRole(a: Role, b: Role): boolean {
  if (a.role === 'admin' || b.role === 'admin') return a.role === b.role;
  return a.role === b.role && a.organisation === b.organisation;
}

/**
 * «Redaktør i KEN», «Administrator»: one string, because Svelte drops the space before an inline
 * {#if} block («Redaktøri KEN»).
 */
export function roleText(role: Role, organisationName: (slug: string) => string): string {
  return role.role === 'admin'
    ? roleLabel(role.role)
    : `${roleLabel(role.role)} i ${organisationName(role.organisation)}`;
}
