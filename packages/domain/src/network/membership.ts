import { Result, Schema } from 'effect';
import { type IsoDate, IsoDate as IsoDateSchema } from '../content/dates.ts';
import { Slug } from '../content/slug.ts';
import { MunicipalityNumber } from '../municipality/municipality.ts';
import { MembershipEndsBeforeStart, MembershipOverlap } from './errors.ts';

/** Who holds a membership: a single municipality, or a region on behalf of its municipalities. */
export const MemberRef = Schema.Union([
  Schema.Struct({ kind: Schema.Literal('municipality'), number: MunicipalityNumber }),
  Schema.Struct({ kind: Schema.Literal('region'), slug: Slug }),
]);
export type MemberRef = typeof MemberRef.Type;

/** Medlemskap: `from` and `to` are inclusive days; `to: null` means it has not ended. */
export const Membership = Schema.Struct({
  id: Schema.NonEmptyString,
  /** The organisation's slug. */
  organisation: Slug,
  member: MemberRef,
  from: IsoDateSchema,
  to: Schema.NullOr(IsoDateSchema),
}).check(
  Schema.makeFilter((m) =>
    m.to === null || m.from <= m.to
      ? undefined
      : { path: ['to'], issue: new MembershipEndsBeforeStart({ from: m.from, to: m.to }).message },
  ),
);
export type Membership = typeof Membership.Type;

export interface Period {
  readonly from: IsoDate;
  readonly to: IsoDate | null;
}

/** Whether `date` falls inside the inclusive period. Valid IsoDates compare correctly as strings. */
export const isActiveOn = (period: Period, date: IsoDate): boolean =>
  period.from <= date && (period.to === null || date <= period.to);

/** Whether two inclusive periods share at least one day; an open end reaches into the future. */
export const periodsOverlap = (a: Period, b: Period): boolean =>
  (b.to === null || a.from <= b.to) && (a.to === null || b.from <= a.to);

export const sameMember = (a: MemberRef, b: MemberRef): boolean =>
  a.kind === 'municipality'
    ? b.kind === 'municipality' && a.number === b.number
    : b.kind === 'region' && a.slug === b.slug;

/**
 * Accepts `candidate` unless it ends before it starts or overlaps another membership of the
 * same member in the same organisation. A membership in `existing` with the candidate's id is
 * the stored version of the one being edited, so it is not a conflict. Dates are expected to
 * be valid IsoDates already (decode with the Membership schema first).
 */
export const checkMembership = (
  existing: readonly Membership[],
  candidate: Membership,
): Result.Result<Membership, MembershipOverlap | MembershipEndsBeforeStart> => {
  if (candidate.to !== null && candidate.to < candidate.from) {
    return Result.fail(new MembershipEndsBeforeStart({ from: candidate.from, to: candidate.to }));
  }
  const conflict = existing.find(
    (m) =>
      m.id !== candidate.id &&
      m.organisation === candidate.organisation &&
      sameMember(m.member, candidate.member) &&
      periodsOverlap(m, candidate),
  );
  if (conflict !== undefined) {
    return Result.fail(
      new MembershipOverlap({
        organisation: conflict.organisation,
        conflictingId: conflict.id,
        from: conflict.from,
        to: conflict.to,
      }),
    );
  }
  return Result.succeed(candidate);
};
