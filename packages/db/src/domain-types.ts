// Temporary stand-in until packages/domain exports its index (see docs/contracts.md).
export type * from '../../domain/src/views.ts';

export type IsoDate = string;
export type MemberRef = { kind: 'municipality'; number: string } | { kind: 'region'; slug: string };
export interface Membership {
  id: string;
  organisation: string;
  member: MemberRef;
  from: IsoDate;
  to: IsoDate | null;
}
export interface RegionRecord {
  slug: string;
  name: string;
  municipalities: readonly string[];
}
export interface Member {
  municipality: string;
  via: string | null;
  from: IsoDate;
  to: IsoDate | null;
}

export const slugify = (name: string): string =>
  name
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

export const isActiveOn = (period: { from: IsoDate; to: IsoDate | null }, date: IsoDate): boolean =>
  period.from <= date && (period.to === null || date <= period.to);

export const membersOn = (
  organisation: string,
  date: IsoDate,
  memberships: readonly Membership[],
  regions: readonly RegionRecord[],
): readonly Member[] => {
  const byNumber = new Map<string, Member>();
  for (const m of memberships) {
    if (m.organisation !== organisation || !isActiveOn(m, date)) continue;
    if (m.member.kind === 'municipality') {
      byNumber.set(m.member.number, {
        municipality: m.member.number,
        via: null,
        from: m.from,
        to: m.to,
      });
      continue;
    }
    const slug = m.member.slug;
    for (const n of regions.find((r) => r.slug === slug)?.municipalities ?? []) {
      if (byNumber.get(n)?.via === null) continue;
      byNumber.set(n, { municipality: n, via: slug, from: m.from, to: m.to });
    }
  }
  return [...byNumber.values()].sort((a, b) => a.municipality.localeCompare(b.municipality));
};
