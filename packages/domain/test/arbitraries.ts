import fc from 'fast-check';
import {
  addDays,
  type MemberRef,
  type Membership,
  PARTICIPATION_STATUSES,
  type ParticipationStep,
  type ParticipationTimeline,
  type RegionRecord,
} from '../src/index.ts';

/** Periods fall on day offsets 0..DAYS from START, so random periods collide often. */
export const START = '2024-01-01';
export const DAYS = 20;
/** Later than any generated from date: two open-ended periods both contain it. */
export const HORIZON = DAYS + 10;

export const day = fc.integer({ min: 0, max: DAYS }).map((n) => addDays(START, n));

/** A period whose to date is not before its from date, or open-ended. */
export const period = fc
  .tuple(fc.integer({ min: 0, max: DAYS }), fc.option(fc.integer({ min: 0, max: DAYS })))
  .map(([a, b]) =>
    b === null
      ? { from: addDays(START, a), to: null }
      : { from: addDays(START, Math.min(a, b)), to: addDays(START, Math.max(a, b)) },
  );

/** Every day of a period up to the horizon, for brute-force comparisons. */
export const daysOf = (p: { from: string; to: string | null }): Set<string> => {
  const days = new Set<string>();
  const last = p.to ?? addDays(START, HORIZON);
  for (let d = p.from; d <= last; d = addDays(d, 1)) days.add(d);
  return days;
};

// Municipalities 3303 and 3305 sit in two regions each, to exercise de-duplication.
export const regions: readonly RegionRecord[] = [
  { slug: 'hallingdal', name: 'Hallingdal', municipalities: ['3301', '3303', '3305'] },
  { slug: 'ringerike', name: 'Ringerike', municipalities: ['3303', '3305', '3307'] },
];

export const memberRef: fc.Arbitrary<MemberRef> = fc.oneof(
  fc.constantFrom('3301', '3303', '3305', '3307', '3309').map((number) => ({
    kind: 'municipality' as const,
    number,
  })),
  fc.constantFrom('hallingdal', 'ringerike', 'unknown-region').map((slug) => ({
    kind: 'region' as const,
    slug,
  })),
);

export const memberships = (maxLength = 12): fc.Arbitrary<Membership[]> =>
  fc
    .array(
      fc.record({
        organisation: fc.constantFrom('nett-a', 'nett-b'),
        member: memberRef,
        p: period,
      }),
      { maxLength },
    )
    .map((rows) =>
      rows.map(({ organisation, member, p }, i) => ({ id: `m${i}`, organisation, member, ...p })),
    );

/** A participation's history: its steps oldest first, the last its current status and since. */
export const timelineOf = (...history: readonly ParticipationStep[]): ParticipationTimeline => {
  const last = history.at(-1) as ParticipationStep;
  return { status: last.status, since: last.since, history };
};

/**
 * A history built step by step from START, each step 0 to `maxGap` days after the last;
 * `distinct`: each a different status from the one before, as the rules record them.
 */
export const participationHistory = (options: {
  readonly maxGap: number;
  readonly distinct: boolean;
}): fc.Arbitrary<ParticipationTimeline> =>
  fc
    .array(
      fc.record({
        status: fc.constantFrom(...PARTICIPATION_STATUSES),
        gap: fc.integer({ min: 0, max: options.maxGap }),
      }),
      { minLength: 1, maxLength: 6 },
    )
    .map((steps) => {
      let since = START;
      const history: ParticipationStep[] = [];
      for (const s of steps) {
        since = addDays(since, s.gap);
        if (!options.distinct || history.at(-1)?.status !== s.status) {
          history.push({ status: s.status, since });
        }
      }
      return timelineOf(...history);
    });
