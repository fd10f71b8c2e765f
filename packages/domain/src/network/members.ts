import type { IsoDate } from '../content/dates.ts';
import { isActiveOn, type Membership } from './membership.ts';
import type { RegionRecord } from './region.ts';

/** A municipality that is a member on some day, directly (`via: null`) or through a region. */
export interface Member {
  /** Kommunenummer. */
  readonly municipality: string;
  /** The slug of the region it is a member through, or null for a direct membership. */
  readonly via: string | null;
  readonly from: IsoDate;
  readonly to: IsoDate | null;
}

// Which of two memberships of the same municipality to report: a direct membership is the
// municipality's own decision, so it wins; otherwise the longer-standing one, then by region
// slug, then the one that lasts longer. A total order, so the answer does not depend on the
// order the repository loaded the rows in (even for overlapping legacy rows).
const preferred = (a: Member, b: Member): Member => {
  if ((a.via === null) !== (b.via === null)) return a.via === null ? a : b;
  if (a.from !== b.from) return a.from < b.from ? a : b;
  if (a.via !== b.via) return (a.via ?? '') < (b.via ?? '') ? a : b;
  if (a.to === null || b.to === null) return a.to === null ? a : b;
  return a.to >= b.to ? a : b;
};

/**
 * The municipalities that are members of `organisation` on `date`, each once, sorted by
 * kommunenummer. A member region makes each of its municipalities a member for the region's
 * membership period; a region missing from `regions` contributes nobody.
 */
export const membersOn = (
  organisation: string,
  date: IsoDate,
  memberships: readonly Membership[],
  regions: readonly RegionRecord[],
): readonly Member[] => {
  const regionsBySlug = new Map(regions.map((r) => [r.slug, r]));
  const byMunicipality = new Map<string, Member>();
  const add = (member: Member) => {
    const current = byMunicipality.get(member.municipality);
    byMunicipality.set(
      member.municipality,
      current === undefined ? member : preferred(current, member),
    );
  };
  for (const m of memberships) {
    if (m.organisation !== organisation || !isActiveOn(m, date)) continue;
    if (m.member.kind === 'municipality') {
      add({ municipality: m.member.number, via: null, from: m.from, to: m.to });
      continue;
    }
    const region = regionsBySlug.get(m.member.slug);
    for (const number of region?.municipalities ?? []) {
      add({ municipality: number, via: m.member.slug, from: m.from, to: m.to });
    }
  }
  return [...byMunicipality.values()].sort((a, b) =>
    a.municipality < b.municipality ? -1 : a.municipality > b.municipality ? 1 : 0,
  );
};
