/**
 * Designsystemet colours for the status tags; the text (and for participations a symbol) always
 * carries the meaning, so nothing relies on colour alone.
 */
import type { ParticipationStatus, ProjectStatus } from '@klimakommuner/domain';

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
