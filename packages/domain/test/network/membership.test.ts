import { Result } from 'effect';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkMembership,
  formatMembershipStart,
  isActiveOn,
  type Membership,
  MembershipEndsBeforeStart,
  MembershipOverlap,
  memberSince,
  membershipStartLabel,
  parseMembershipStart,
} from '../../src/index.ts';
import { day, daysOf, memberRef, memberships, period } from '../arbitraries.ts';
import { failureOf } from '../run.ts';

const base: Membership = {
  id: 'm1',
  organisation: 'klimanettverk-hallingdal',
  member: { kind: 'municipality', number: '3301' },
  from: '2024-01-01',
  to: '2025-12-31',
};

describe('isActiveOn', () => {
  it('includes both the first and the last day', () => {
    expect(isActiveOn(base, '2024-01-01')).toBe(true);
    expect(isActiveOn(base, '2025-12-31')).toBe(true);
    expect(isActiveOn(base, '2023-12-31')).toBe(false);
    expect(isActiveOn(base, '2026-01-01')).toBe(false);
    expect(isActiveOn({ from: '2024-01-01', to: null }, '2099-01-01')).toBe(true);
  });

  it('agrees with a day-by-day comparison', () => {
    fc.assert(fc.property(period, day, (p, d) => isActiveOn(p, d) === daysOf(p).has(d)));
  });
});

describe('checkMembership', () => {
  it('accepts a membership that starts after the existing one ends', () => {
    const next = { ...base, id: 'm2', from: '2026-01-01', to: null };
    expect(checkMembership([base], next)).toEqual(Result.succeed(next));
  });

  it('rejects an overlap and names the conflicting period in Norwegian', () => {
    const error = failureOf(
      checkMembership([base], { ...base, id: 'm2', from: '2025-12-31', to: null }),
    );
    expect(error).toBeInstanceOf(MembershipOverlap);
    expect(error._tag).toBe('MembershipOverlap');
    expect(error.message).toContain('fra 1. januar 2024 til 31. desember 2025');
    expect(error).toMatchObject({ conflictingId: 'm1' });
  });

  it('describes an open-ended conflicting period', () => {
    const open = { ...base, to: null };
    const error = failureOf(
      checkMembership([open], { ...base, id: 'm2', from: '2030-01-01', to: null }),
    );
    expect(error.message).toContain('fra 1. januar 2024 uten sluttdato');
  });

  it('ignores other organisations, other members and the membership being edited', () => {
    const others: Membership[] = [
      { ...base, id: 'x1', organisation: 'annet-nettverk' },
      { ...base, id: 'x2', member: { kind: 'municipality', number: '3303' } },
      { ...base, id: 'x3', member: { kind: 'region', slug: '3301' } },
    ];
    expect(Result.isSuccess(checkMembership([...others, base], { ...base, to: null }))).toBe(true);
  });

  it('rejects a to date before the from date, but accepts a single day', () => {
    const error = failureOf(checkMembership([], { ...base, from: '2024-01-01', to: '2023-12-31' }));
    expect(error).toBeInstanceOf(MembershipEndsBeforeStart);
    expect(error._tag).toBe('MembershipEndsBeforeStart');
    expect(error.message).toContain('31. desember 2023');
    const oneDay = { ...base, to: base.from };
    expect(Result.isSuccess(checkMembership([], oneDay))).toBe(true);
  });

  it('never names a start day nobody knows when refusing an end before the start', () => {
    const unknown = new MembershipEndsBeforeStart({
      from: '2016-01-01',
      to: '2015-06-01',
      fromPrecision: 'unknown',
    });
    expect(unknown.message).toBe(
      'Medlemskapet kan ikke slutte 1. juni 2015, fordi det tidligst kan ha begynt i 2016.',
    );
    const year = new MembershipEndsBeforeStart({
      from: '2016-01-01',
      to: '2015-06-01',
      fromPrecision: 'year',
    });
    expect(year.message).toMatch(
      /^Medlemskapet kan ikke slutte 1\. juni 2015 når det begynte i 2016/,
    );
    for (const error of [unknown, year]) expect(error.message).not.toContain('januar');
  });

  it('accepts a candidate iff no existing period of the same member and organisation shares a day', () => {
    fc.assert(
      fc.property(memberships(), memberRef, period, (existing, member, p) => {
        const candidate: Membership = { id: 'candidate', organisation: 'nett-a', member, ...p };
        const candidateDays = daysOf(candidate);
        const clashes = existing.some(
          (m) =>
            m.organisation === candidate.organisation &&
            JSON.stringify(m.member) === JSON.stringify(member) &&
            [...daysOf(m)].some((d) => candidateDays.has(d)),
        );
        const result = checkMembership(existing, candidate);
        expect(Result.isSuccess(result)).toBe(!clashes);
        if (Result.isFailure(result)) expect(result.failure._tag).toBe('MembershipOverlap');
      }),
      // Boundary days (one period ending the day the other starts) must come up often.
      { numRuns: 500 },
    );
  });

  it('always rejects a period that ends before it starts', () => {
    fc.assert(
      fc.property(memberships(), period, (existing, p) => {
        fc.pre(p.to !== null && p.to > p.from);
        const candidate = { ...base, from: p.to as string, to: p.from };
        expect(failureOf(checkMembership(existing, candidate))._tag).toBe(
          'MembershipEndsBeforeStart',
        );
      }),
    );
  });
});

describe('membership starts say what is known and no more', () => {
  it('shows a year as a year, a day as a day, and nothing for an unknown start', () => {
    expect(formatMembershipStart({ from: '2016-01-01', fromPrecision: 'year' })).toBe('2016');
    expect(formatMembershipStart({ from: '2016-01-01', fromPrecision: 'day' })).toBe(
      '1. januar 2016',
    );
    expect(formatMembershipStart({ from: '2016-01-01', fromPrecision: 'unknown' })).toBeNull();
    expect(membershipStartLabel({ from: '2008-01-01', fromPrecision: 'unknown' })).toBe('Ukjent');
    expect(memberSince({ from: '2025-03-01', fromPrecision: 'day' })).toBe('siden 1. mars 2025');
    expect(memberSince({ from: '2016-01-01', fromPrecision: 'year' })).toBe('siden 2016');
    expect(memberSince({ from: '2016-01-01', fromPrecision: 'unknown' })).toBeNull();
  });

  it('never writes a day or a month for a start known only by its year', () => {
    fc.assert(
      fc.property(day, (from) => {
        const shown = formatMembershipStart({ from, fromPrecision: 'year' });
        expect(shown).toBe(from.slice(0, 4));
      }),
    );
  });

  it('reads a year, an ISO date or a Norwegian date, and refuses the rest', () => {
    expect(parseMembershipStart('2016')).toEqual({ from: '2016-01-01', fromPrecision: 'year' });
    expect(parseMembershipStart(' 2025-03-01 ')).toEqual({
      from: '2025-03-01',
      fromPrecision: 'day',
    });
    expect(parseMembershipStart('1.3.2025')).toEqual({ from: '2025-03-01', fromPrecision: 'day' });
    expect(parseMembershipStart('01.03.2025')).toEqual({
      from: '2025-03-01',
      fromPrecision: 'day',
    });
    for (const bad of ['', '16', '20166', '1899', '2101', '2025-02-30', '31.02.2025', 'i fjor']) {
      expect(parseMembershipStart(bad), bad).toBeNull();
    }
  });

  it('reads back every day it could show', () => {
    fc.assert(
      fc.property(day, (from) => {
        const year = Number(from.slice(0, 4));
        const parsed = parseMembershipStart(from);
        if (year < 1900 || year > 2100) expect(parsed).toBeNull();
        else expect(parsed).toEqual({ from, fromPrecision: 'day' });
      }),
    );
  });
});
