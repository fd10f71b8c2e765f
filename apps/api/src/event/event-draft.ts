import { renderField } from '../content/rendering.ts';
import type { EventInput } from './inputs.ts';

/**
 * The draft as the repository takes it: the description rendered to sanitised HTML, lists once
 * each, absent fields as none, a new event planned.
 */
export const eventDraft = async (input: EventInput) => ({
  title: input.title,
  summary: input.summary,
  description: input.description,
  descriptionHtml: await renderField(input.description, 'description'),
  timing: input.timing,
  address: input.address?.trim() || null,
  onlineUrl: input.onlineUrl ?? null,
  project: input.project ?? null,
  themes: [...new Set(input.themes)],
  municipalities: [...new Set(input.municipalities ?? [])],
  registrationUrl: input.registrationUrl ?? null,
  registrationDeadline: input.registrationDeadline ?? null,
  capacityNote: input.capacityNote ?? '',
  status: input.status ?? ('planned' as const),
  statusNote: input.statusNote ?? '',
});
