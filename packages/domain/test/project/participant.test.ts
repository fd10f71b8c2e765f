import { Result } from 'effect';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkParticipant,
  type MemberRef,
  type Membership,
  NotAMemberOfOwner,
} from '../../src/index.ts';
import { day, daysOf, period, regions } from '../arbitraries.ts';
import { failureOf } from '../run.ts';

const KEN = 'kommunenettverk-for-klimaomstilling';

const membership = (member: MemberRef, from: string, to: string | null): Membership => ({
  id: 'm1',
  organisation: KEN,
  member,
  from,
  to,
});

const input = (municipality: string, date: string, memberships: readonly Membership[]) => ({
  municipality,
  municipalityName: municipality === '3203' ? 'Asker' : `Kommune ${municipality}`,
  organisation: KEN,
  organisationName: 'KEN',
  date,
  memberships,
  regions,
});

const accepted = (municipality: string, date: string, memberships: readonly Membership[]) =>
  Result.isSuccess(checkParticipant(input(municipality, date, memberships)));

describe('checkParticipant', () => {
  const direct = membership({ kind: 'municipality', number: '3203' }, '2024-01-01', '2024-12-31');
  const hallingdal = membership({ kind: 'region', slug: 'hallingdal' }, '2024-01-01', null);

  it('accepts a direct member on the first and the last day', () => {
    expect(accepted('3203', '2024-01-01', [direct])).toBe(true);
    expect(accepted('3203', '2024-12-31', [direct])).toBe(true);
  });

  it('accepts a member through its region', () => {
    expect(accepted('3303', '2025-03-01', [hallingdal])).toBe(true);
  });

  it('refuses a municipality that is not a member, naming it, the owner and the day', () => {
    const error = failureOf(checkParticipant(input('3203', '2025-03-01', [hallingdal])));
    expect(error).toBeInstanceOf(NotAMemberOfOwner);
    expect(error.message).toBe(
      'Asker er ikke medlem av KEN 1. mars 2025, og kan derfor ikke delta i prosjektet.',
    );
    expect(error).toMatchObject({ municipality: '3203', organisation: KEN, date: '2025-03-01' });
  });

  it('refuses a membership that ended before the day', () => {
    expect(accepted('3203', '2025-01-01', [direct])).toBe(false);
  });

  it('refuses a membership that starts after the day', () => {
    expect(accepted('3203', '2023-12-31', [direct])).toBe(false);
    expect(accepted('3301', '2023-12-31', [hallingdal])).toBe(false);
  });

  it('refuses a membership of another organisation', () => {
    expect(accepted('3203', '2024-06-01', [{ ...direct, organisation: 'annet-nettverk' }])).toBe(
      false,
    );
  });

  it('accepts exactly the days of the membership period, directly or through a region', () => {
    const member = fc.constantFrom<MemberRef>(
      { kind: 'municipality', number: '3303' },
      { kind: 'region', slug: 'hallingdal' },
      { kind: 'region', slug: 'ringerike' },
    );
    fc.assert(
      fc.property(member, period, day, (m, p, d) => {
        const result = checkParticipant(input('3303', d, [membership(m, p.from, p.to)]));
        return Result.isSuccess(result) === daysOf(p).has(d);
      }),
    );
  });
});
