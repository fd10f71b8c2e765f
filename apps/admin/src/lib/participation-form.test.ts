import type { OrganisationDetail } from '@klimakommuner/domain';
import { describe, expect, it } from 'vitest';
import { formOf, refusal } from '../../test/forms.ts';
import type { ApiFailure } from './failures.ts';
import {
  currentMembers,
  participationErrors,
  readStep,
  SETTABLE_STATUSES,
  STEP_FIELDS,
  type StepFields,
} from './participation-form.ts';

describe('a participation step', () => {
  it('is set to any status but «Trukket seg», which has its own button', () => {
    expect(SETTABLE_STATUSES).toEqual(['interested', 'participating', 'implementing', 'completed']);
  });

  it('reads a status and a real day', () => {
    const form = formOf({ status: 'implementing', since: '2026-03-01', note: ' Godt i gang ' });
    expect(readStep(form, STEP_FIELDS, 'Velg dato.')).toEqual({
      values: { status: 'implementing', since: '2026-03-01', note: 'Godt i gang' },
      errors: {},
      status: 'implementing',
    });
  });

  it('refuses withdrawing here, an unknown status and a day that does not exist, at the row’s fields', () => {
    const fields = { status: 'status-1', since: 'since-1', note: 'note-1' };
    for (const status of ['withdrawn', 'Deltar', '']) {
      const step = readStep(formOf({ status, since: '2026-02-30' }), fields, 'Velg dato.');
      expect(step.status).toBeNull();
      expect(step.errors).toEqual({ 'status-1': 'Velg en status.', 'since-1': 'Velg dato.' });
    }
  });
});

describe('the API’s refusal of a participation change', () => {
  const fields = { ...STEP_FIELDS, municipality: 'municipality' };

  it('puts input issues at their fields', () => {
    const failure = refusal({
      code: 'BAD_REQUEST',
      issues: [
        { path: ['since'], message: 'Ugyldig dato.' },
        { path: ['municipality'], message: 'Ugyldig kommunenummer.' },
        { path: ['status'], message: 'Ugyldig status.' },
      ],
    });
    expect(participationErrors(failure, fields)).toEqual({
      since: 'Ugyldig dato.',
      municipality: 'Ugyldig kommunenummer.',
      status: 'Ugyldig status.',
    });
  });

  it('puts a rule about the day at the date, about the municipality at the municipality', () => {
    const at = (over: Partial<ApiFailure>, f: StepFields = fields) =>
      Object.keys(participationErrors(refusal(over), f));
    expect(at({ data: { tag: 'ParticipationDateBeforeLast' } })).toEqual(['since']);
    expect(at({ data: { tag: 'NotAMemberOfOwner' } })).toEqual(['municipality']);
    expect(at({ code: 'NOT_FOUND' })).toEqual(['municipality']);
    expect(at({ data: { tag: 'ParticipationUnchanged' } })).toEqual(['status']);
    // A form without a municipality field (a row) takes it at the status.
    expect(at({ data: { tag: 'NotAMemberOfOwner' } }, STEP_FIELDS)).toEqual(['status']);
  });
});

describe('the owner’s members for the datalist', () => {
  it('lists each municipality once, by name', () => {
    const member = (number: string, name: string) => ({ municipality: { number, name } });
    const organisation = {
      members: [member('3203', 'Asker'), member('3201', 'Bærum'), member('3203', 'Asker')],
    } as unknown as OrganisationDetail;
    expect(currentMembers(organisation)).toEqual([
      { number: '3203', name: 'Asker' },
      { number: '3201', name: 'Bærum' },
    ]);
  });
});
