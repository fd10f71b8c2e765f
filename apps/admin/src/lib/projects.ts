import type { ParticipationStatus, ProjectStatus } from '@klimakommuner/domain';

export {
  participationStatusLabel,
  participationStatusSymbol,
  projectStatusLabel,
} from '@klimakommuner/domain';

/** The order the select lists project statuses in. */
export const PROJECT_STATUSES: readonly ProjectStatus[] = ['planned', 'ongoing', 'completed'];

/** The statuses an editor sets; withdrawing has its own button («Trekk ut»). */
export const ACTIVE_PARTICIPATION_STATUSES: readonly ParticipationStatus[] = [
  'interested',
  'participating',
  'implementing',
  'completed',
];

export const PARTICIPATION_STATUSES: readonly ParticipationStatus[] = [
  ...ACTIVE_PARTICIPATION_STATUSES,
  'withdrawn',
];

export interface LinkValues {
  readonly label: string;
  readonly url: string;
}

/** What the project form shows and sends back, exactly as typed. */
export interface ProjectFormValues {
  readonly title: string;
  readonly summary: string;
  readonly body: string;
  readonly themes: readonly string[];
  readonly status: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly leaders: readonly string[];
  readonly links: readonly LinkValues[];
}

export const EMPTY_PROJECT: ProjectFormValues = {
  title: '',
  summary: '',
  body: '',
  themes: [],
  status: 'planned',
  startDate: '',
  endDate: '',
  leaders: [],
  links: [],
};

/** The link rows the form shows: those typed plus empty ones, at least three. */
export function linkRows(links: readonly LinkValues[]): LinkValues[] {
  const rows = links.filter((link) => link.label !== '' || link.url !== '');
  const wanted = Math.max(3, rows.length + 1);
  while (rows.length < wanted) rows.push({ label: '', url: '' });
  return rows;
}

export function todayIso(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
}
