import type { IsoDate } from '../content/dates.ts';
import type { ParticipationStep } from './participation.ts';
import type { ParticipationStatus } from './participation-status.ts';

/**
 * What "takes part" needs to know of a participation: its recorded steps, oldest first (by
 * `since`, then by the order they were recorded), and its current status as a fallback for
 * a participation whose history was never kept.
 */
export interface ParticipationTimeline extends ParticipationStep {
  readonly history: readonly ParticipationStep[];
}

/**
 * The status a participation has on `date`: the last step whose `since` is on or before that
 * day, or null when the participation has not begun by then. A step recorded for a future day
 * (say «withdrawn from 1 January») does not count until that day comes.
 */
export const statusOn = (
  participation: ParticipationTimeline,
  date: IsoDate,
): ParticipationStatus | null => {
  const steps = participation.history.length > 0 ? participation.history : [participation];
  let status: ParticipationStatus | null = null;
  for (const step of steps) if (step.since <= date) status = step.status;
  return status;
};

/**
 * THE definition of "takes part" (deltar): on `date` the participation has begun and its
 * status that day is not withdrawn. Every count («3 kommuner er med»), every filter (projects of
 * a municipality) and every list of participants uses it; packages/db implements the same rule
 * in SQL (`takesPartSql`), and a test there checks the two agree on generated histories.
 */
export const takesPartOn = (participation: ParticipationTimeline, date: IsoDate): boolean => {
  const status = statusOn(participation, date);
  return status !== null && status !== 'withdrawn';
};
