/** The membership forms: a member added by name or number from a year or a day, and an end. */
import type { MemberLookup, MembershipStart } from '@klimakommuner/domain';
import { type ApiFailure, tagOf } from './failures.ts';
import type { FieldErrors } from './forms.ts';

/** What memberships.add takes for a found member and a start as the editor knows it. */
export function membershipInput(
  member: Extract<MemberLookup, { kind: 'found' }>['member'],
  start: MembershipStart,
): { from: string } & ({ region: string } | { municipality: string }) {
  const from = start.fromPrecision === 'year' ? start.from.slice(0, 4) : start.from;
  return member.kind === 'region'
    ? { from, region: member.slug }
    : { from, municipality: member.number };
}

/**
 * Where the API's refusal of a new membership belongs: issues at their fields (the member's,
 * whether municipality or region, at «Kommune eller region»), the end-before-start rule at the
 * date, the rest at the member.
 */
export function membershipErrors(failure: ApiFailure): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of failure.issues) {
    errors[issue.path[0] === 'from' ? 'from' : 'member'] ??= issue.message;
  }
  if (failure.issues.length > 0) return errors;
  return { [tagOf(failure) === 'MembershipEndsBeforeStart' ? 'from' : 'member']: failure.message };
}
