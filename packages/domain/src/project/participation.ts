import { Result } from 'effect';
import type { IsoDate } from '../content/dates.ts';
import {
  ParticipationAlreadyActive,
  ParticipationDateBeforeLast,
  ParticipationUnchanged,
} from './errors.ts';
import type { ParticipationStatus } from './participation-status.ts';

/** One step of a participation: the status it had from `since` on. */
export interface ParticipationStep {
  readonly status: ParticipationStatus;
  readonly since: IsoDate;
}

/**
 * A municipality's participation in a project: its current status and since when, and every
 * step so far, oldest first. The last step of `history` is the current status.
 */
export interface ParticipationState extends ParticipationStep {
  readonly history: readonly ParticipationStep[];
}

/** A new participation: a history of one step. */
export const startParticipation = (step: ParticipationStep): ParticipationState => ({
  status: step.status,
  since: step.since,
  history: [{ status: step.status, since: step.since }],
});

// The latest day the participation changed; history may be empty in rows from before it was kept.
const latestSince = (current: ParticipationState): IsoDate => {
  let latest = current.since;
  for (const step of current.history) if (step.since > latest) latest = step.since;
  return latest;
};

const append = (current: ParticipationState, next: ParticipationStep): ParticipationState => ({
  status: next.status,
  since: next.since,
  history: [...current.history, { status: next.status, since: next.since }],
});

/**
 * Moves the participation to `next.status` from `next.since` and records the step. The date may
 * be the same day as the latest change but not before it (ParticipationDateBeforeLast, checked
 * first); the current status again is ParticipationUnchanged.
 */
export const changeParticipationStatus = (
  current: ParticipationState,
  next: ParticipationStep,
): Result.Result<ParticipationState, ParticipationDateBeforeLast | ParticipationUnchanged> => {
  const latest = latestSince(current);
  if (next.since < latest) {
    return Result.fail(new ParticipationDateBeforeLast({ since: next.since, latest }));
  }
  if (next.status === current.status) {
    return Result.fail(new ParticipationUnchanged({ status: current.status }));
  }
  return Result.succeed(append(current, next));
};

/**
 * A withdrawn municipality joins the project again: the same participation continues with its
 * history kept. A participation that is not withdrawn is ParticipationAlreadyActive; rejoining
 * "as withdrawn" is ParticipationUnchanged.
 */
export const rejoin = (
  current: ParticipationState,
  next: ParticipationStep,
): Result.Result<
  ParticipationState,
  ParticipationAlreadyActive | ParticipationDateBeforeLast | ParticipationUnchanged
> => {
  if (current.status !== 'withdrawn') {
    return Result.fail(new ParticipationAlreadyActive({ status: current.status }));
  }
  return changeParticipationStatus(current, next);
};

/**
 * What giving a municipality a status in a project does, from its participation there (null for
 * none): `start` a new participation, `rejoin` a withdrawn one (participations.add does both), or
 * `change` the status of an active one (participations.setStatus).
 */
export const participationStep = (
  current: { readonly status: ParticipationStatus } | null,
): 'start' | 'rejoin' | 'change' =>
  current === null ? 'start' : current.status === 'withdrawn' ? 'rejoin' : 'change';
