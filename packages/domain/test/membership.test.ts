import fc from 'fast-check';
import { Result } from 'effect';
import { describe, expect, it } from 'vitest';
import {
  checkMembership,
  isActiveOn,
  type Membership,
  MembershipEndsBeforeStart,
  MembershipOverlap,
} from '../src/index.ts';
import { daysOf, day, memberRef, memberships, period } from './arbitraries.ts';
import { failureOf, run } from './run.ts';

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
    expect(run(checkMembership([base], next))).toEqual(Result.succeed(next));
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
    expect(Result.isSuccess(run(checkMembership([...others, base], { ...base, to: null })))).toBe(
      true,
    );
  });

  it('rejects a to date before the from date, but accepts a single day', () => {
    const error = failureOf(checkMembership([], { ...base, from: '2024-01-01', to: '2023-12-31' }));
    expect(error).toBeInstanceOf(MembershipEndsBeforeStart);
    expect(error._tag).toBe('MembershipEndsBeforeStart');
    expect(error.message).toContain('31. desember 2023');
    const oneDay = { ...base, to: base.from };
    expect(Result.isSuccess(run(checkMembership([], oneDay)))).toBe(true);
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
        const result = run(checkMembership(existing, candidate));
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
