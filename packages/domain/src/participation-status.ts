import { Schema } from 'effect';

/** How far a municipality has come in a project; withdrawn ends it (until it rejoins). */
export const PARTICIPATION_STATUSES = [
  'interested',
  'participating',
  'implementing',
  'completed',
  'withdrawn',
] as const;
export const ParticipationStatus = Schema.Literals(PARTICIPATION_STATUSES);
export type ParticipationStatus = typeof ParticipationStatus.Type;

const LABELS: Readonly<Record<ParticipationStatus, string>> = {
  interested: 'Interessert',
  participating: 'Deltar',
  implementing: 'Gjennomfører',
  completed: 'Fullført',
  withdrawn: 'Trukket seg',
};

/** 'Interessert' | 'Deltar' | 'Gjennomfører' | 'Fullført' | 'Trukket seg'. */
export const participationStatusLabel = (status: ParticipationStatus): string => LABELS[status];

const SYMBOLS: Readonly<Record<ParticipationStatus, string>> = {
  interested: 'I',
  participating: 'D',
  implementing: 'G',
  completed: 'F',
  withdrawn: 'T',
};

/**
 * A one-letter mark for the matrix and its legend, so the status can be read without colour:
 * 'I' | 'D' | 'G' | 'F' | 'T'.
 */
export const participationStatusSymbol = (status: ParticipationStatus): string => SYMBOLS[status];

/**
 * A sort key: interested 0 < participating 1 < implementing 2 < completed 3, withdrawn 4 (last).
 * Sort with `(a, b) => participationStatusOrder(a) - participationStatusOrder(b)`.
 */
export const participationStatusOrder = (status: ParticipationStatus): number =>
  PARTICIPATION_STATUSES.indexOf(status);
