import type { OrganisationDetail, ParticipationStatus } from '@klimakommuner/domain';
import type { FieldErrors } from '#lib/forms.ts';
import type { ApiFailure } from './api.ts';

/** The owner's current members, for the Kommunenummer datalist. */
export function currentMembers(
  organisation: OrganisationDetail,
): { number: string; name: string }[] {
  const byNumber = new Map<string, string>();
  for (const member of organisation.members)
    byNumber.set(member.municipality.number, member.municipality.name);
  return [...byNumber]
    .map(([number, name]) => ({ number, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

export function isParticipationStatus(
  value: string,
  allowed: readonly ParticipationStatus[],
): value is ParticipationStatus {
  return (allowed as readonly string[]).includes(value);
}

/**
 * Where the API's refusal of a participation change belongs: dates and unchanged statuses at
 * their fields, membership and «already active» at the municipality, the rest at `fallback`.
 */
export function participationErrors(
  failure: ApiFailure,
  fields: { municipality?: string; status: string; since: string; note: string },
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of failure.issues) {
    const key = issue.path[0];
    const field =
      key === 'since'
        ? fields.since
        : key === 'note'
          ? fields.note
          : key === 'municipality' && fields.municipality
            ? fields.municipality
            : fields.status;
    errors[field] ??= issue.message;
  }
  if (failure.issues.length > 0) return errors;
  const tag = typeof failure.data.tag === 'string' ? failure.data.tag : '';
  const field =
    tag === 'ParticipationDateBeforeLast'
      ? fields.since
      : (tag === 'NotAMemberOfOwner' ||
            tag === 'ParticipationAlreadyActive' ||
            tag === 'InvalidMunicipalityNumber' ||
            failure.code === 'NOT_FOUND') &&
          fields.municipality
        ? fields.municipality
        : fields.status;
  errors[field] = failure.message;
  return errors;
}
