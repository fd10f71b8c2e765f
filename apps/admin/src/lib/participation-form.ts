/**
 * The participation forms: a municipality added to a project, its status moved on, the cell of
 * the matrix editor. Each sets one step: a status an editor may set and the day it holds from.
 */
import {
  IsoDate,
  type OrganisationDetail,
  PARTICIPATION_STATUSES,
  type ParticipationStatus,
} from '@klimakommuner/domain';
import { type ApiFailure, tagOf } from './failures.ts';
import { type FieldErrors, fits, text } from './forms.ts';

/** The statuses an editor sets; withdrawing has its own button («Trekk ut»). */
export const SETTABLE_STATUSES: readonly ParticipationStatus[] = PARTICIPATION_STATUSES.filter(
  (status) => status !== 'withdrawn',
);

export interface StepValues {
  readonly status: string;
  readonly since: string;
  readonly note: string;
}

/** Where each of a form's fields is: their ids, which differ per row on a page of rows. */
export interface StepFields {
  readonly municipality?: string;
  readonly status: string;
  readonly since: string;
  readonly note: string;
}

export const STEP_FIELDS: StepFields = { status: 'status', since: 'since', note: 'note' };

/**
 * A step as typed, with its problems at their fields; `status` is the status to set when the
 * form is whole. `sinceMessage` says which day the date is («Velg datoen kommunen deltar fra.»).
 */
export function readStep(
  form: FormData,
  fields: StepFields,
  sinceMessage: string,
): { values: StepValues; errors: FieldErrors; status: ParticipationStatus | null } {
  const values = {
    status: text(form, 'status'),
    since: text(form, 'since'),
    note: text(form, 'note'),
  };
  const errors: FieldErrors = {};
  const status = SETTABLE_STATUSES.find((candidate) => candidate === values.status) ?? null;
  if (status === null) errors[fields.status] = 'Velg en status.';
  if (!fits(IsoDate, values.since)) errors[fields.since] = sinceMessage;
  return { values, errors, status };
}

/** The owner's current members, for the municipality's datalist. */
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

/** Refusals about the municipality itself rather than the step. */
const ABOUT_MUNICIPALITY = new Set([
  'NotAMemberOfOwner',
  'ParticipationAlreadyActive',
  'InvalidMunicipalityNumber',
]);

/**
 * Where the API's refusal of a participation change belongs: dates and unchanged statuses at
 * their fields, membership and «already active» at the municipality, the rest at the status.
 */
export function participationErrors(failure: ApiFailure, fields: StepFields): FieldErrors {
  const errors: FieldErrors = {};
  const at = (key: string | undefined): string =>
    key === 'since'
      ? fields.since
      : key === 'note'
        ? fields.note
        : key === 'municipality' && fields.municipality
          ? fields.municipality
          : fields.status;
  for (const issue of failure.issues) errors[at(issue.path[0])] ??= issue.message;
  if (failure.issues.length > 0) return errors;
  const tag = tagOf(failure);
  const aboutMunicipality = ABOUT_MUNICIPALITY.has(tag) || failure.code === 'NOT_FOUND';
  const field =
    tag === 'ParticipationDateBeforeLast'
      ? fields.since
      : aboutMunicipality && fields.municipality
        ? fields.municipality
        : fields.status;
  return { [field]: failure.message };
}
