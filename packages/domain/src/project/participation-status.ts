import { Schema } from 'effect';

/** How far a municipality has come in a project; withdrawn ends it (until it rejoins). */
export const PARTICIPATION_STATUSES = [
  'interested',
  'participating',
  'implementing',
  'completed',
  'withdrawn',
] as const;
export const ParticipationStatus = Schema.Literals(PARTICIPATION_STATUSES).annotate({
  message:
    'Må være en deltakelsesstatus: interested, participating, implementing, completed eller withdrawn.',
});
export type ParticipationStatus = typeof ParticipationStatus.Type;

/** Each status's Norwegian name, and the one-letter mark that lets it be read without colour. */
const WORDS: Readonly<Record<ParticipationStatus, readonly [label: string, symbol: string]>> = {
  interested: ['Interessert', 'I'],
  participating: ['Deltar', 'D'],
  implementing: ['Gjennomfører', 'G'],
  completed: ['Fullført', 'F'],
  withdrawn: ['Trukket seg', 'T'],
};

/** 'Interessert' | 'Deltar' | 'Gjennomfører' | 'Fullført' | 'Trukket seg'. */
export const participationStatusLabel = (status: ParticipationStatus): string => WORDS[status][0];

/** A mark for the matrix and its legend, so the status reads without colour: 'I' | 'D' | 'G' | 'F' | 'T'. */
export const participationStatusSymbol = (status: ParticipationStatus): string => WORDS[status][1];

/**
 * A sort key: interested 0 < participating 1 < implementing 2 < completed 3, withdrawn 4 (last).
 * Sort with `(a, b) => participationStatusOrder(a) - participationStatusOrder(b)`.
 */
export const participationStatusOrder = (status: ParticipationStatus): number =>
  PARTICIPATION_STATUSES.indexOf(status);

/**
 * The one word for a municipality with no participation in a project, on every matrix (portal
 * and admin) and its legend, with its mark: «Ikke med», «–».
 */
export const NOT_PARTICIPATING_LABEL = 'Ikke med';
export const NOT_PARTICIPATING_SYMBOL = '–';
/** The mark on every demo participation, wherever it is shown. */
export const DEMO_MARK = 'Demodata';
/** What the mark means, spelt out once per page that shows demo participations. */
export const DEMO_EXPLANATION = 'Demodata – ikke ekte deltakelse';
