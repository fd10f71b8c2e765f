import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isActiveOn, type Membership, membersOn } from '../../src/index.ts';
import { day, memberships, regions } from '../arbitraries.ts';

const mun = (number: string) => ({ kind: 'municipality' as const, number });
const region = (slug: string) => ({ kind: 'region' as const, slug });

describe('membersOn', () => {
  const rows: Membership[] = [
    { id: '1', organisation: 'nett-a', member: region('hallingdal'), from: '2024-01-01', to: null },
    { id: '2', organisation: 'nett-a', member: mun('3303'), from: '2023-01-01', to: '2024-06-30' },
    { id: '3', organisation: 'nett-a', member: mun('3309'), from: '2025-01-01', to: null },
    { id: '4', organisation: 'nett-b', member: mun('3307'), from: '2020-01-01', to: null },
  ];

  it('lists direct and through-region members once, direct winning, sorted by number', () => {
    expect(membersOn('nett-a', '2024-03-01', rows, regions)).toEqual([
      { municipality: '3301', via: 'hallingdal', from: '2024-01-01', to: null },
      { municipality: '3303', via: null, from: '2023-01-01', to: '2024-06-30' },
      { municipality: '3305', via: 'hallingdal', from: '2024-01-01', to: null },
    ]);
  });

  it('falls back to the region once the direct membership has ended', () => {
    const members = membersOn('nett-a', '2025-02-01', rows, regions);
    expect(members.map((m) => [m.municipality, m.via])).toEqual([
      ['3301', 'hallingdal'],
      ['3303', 'hallingdal'],
      ['3305', 'hallingdal'],
      ['3309', null],
    ]);
  });

  it('is empty before anyone joined and for unknown organisations', () => {
    expect(membersOn('nett-a', '2022-12-31', rows, regions)).toEqual([]);
    expect(membersOn('nett-c', '2024-03-01', rows, regions)).toEqual([]);
  });

  const scenario = fc.tuple(fc.constantFrom('nett-a', 'nett-b'), day, memberships(16));

  it('never returns a municipality twice and keeps kommunenummer order', () => {
    fc.assert(
      fc.property(scenario, ([org, date, rows]) => {
        const numbers = membersOn(org, date, rows, regions).map((m) => m.municipality);
        expect(new Set(numbers).size).toBe(numbers.length);
        expect(numbers).toEqual([...numbers].sort());
      }),
    );
  });

  it('reports each member through a membership that is active on the date', () => {
    fc.assert(
      fc.property(scenario, ([org, date, rows]) => {
        for (const member of membersOn(org, date, rows, regions)) {
          const backing = rows.filter(
            (m) =>
              m.organisation === org &&
              isActiveOn(m, date) &&
              m.from === member.from &&
              m.to === member.to &&
              (member.via === null
                ? m.member.kind === 'municipality' && m.member.number === member.municipality
                : m.member.kind === 'region' &&
                  m.member.slug === member.via &&
                  regions.some(
                    (r) => r.slug === member.via && r.municipalities.includes(member.municipality),
                  )),
          );
          expect(backing.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('never reports a direct member as via a region, and misses no one', () => {
    fc.assert(
      fc.property(scenario, ([org, date, rows]) => {
        const active = rows.filter((m) => m.organisation === org && isActiveOn(m, date));
        const direct = new Set(
          active.flatMap((m) => (m.member.kind === 'municipality' ? [m.member.number] : [])),
        );
        const throughRegion = new Set(
          active.flatMap((m) =>
            m.member.kind === 'region'
              ? (regions.find((r) => r.slug === (m.member.kind === 'region' ? m.member.slug : ''))
                  ?.municipalities ?? [])
              : [],
          ),
        );
        const members = membersOn(org, date, rows, regions);
        for (const m of members) if (direct.has(m.municipality)) expect(m.via).toBeNull();
        expect(new Set(members.map((m) => m.municipality))).toEqual(
          new Set([...direct, ...throughRegion]),
        );
      }),
    );
  });

  it('does not depend on the order the memberships are given in', () => {
    fc.assert(
      fc.property(scenario, ([org, date, rows]) => {
        expect(membersOn(org, date, [...rows].reverse(), regions)).toEqual(
          membersOn(org, date, rows, regions),
        );
      }),
    );
  });
});
