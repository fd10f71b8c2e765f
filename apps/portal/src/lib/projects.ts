/**
 * Project and participation statuses. The words and symbols are the domain's
 * (docs/contracts-projects.md); the colours are the portal's and always come with the text and
 * a symbol, so nothing relies on colour alone.
 */
import type { ParticipationStatus, ProjectStatus } from '@klimakommuner/domain';

export {
  PARTICIPATION_STATUSES,
  PROJECT_STATUSES,
  participationStatusLabel,
  participationStatusSymbol,
  projectStatusLabel,
} from '@klimakommuner/domain';
export type { ParticipationStatus, ProjectStatus };

/** Designsystemet colours for the tags; the text carries the meaning. */
export const participationStatusColor: Readonly<Record<ParticipationStatus, string>> = {
  interested: 'neutral',
  participating: 'info',
  implementing: 'warning',
  completed: 'success',
  withdrawn: 'danger',
};

export const projectStatusColor: Readonly<Record<ProjectStatus, string>> = {
  planned: 'neutral',
  ongoing: 'info',
  completed: 'success',
};
