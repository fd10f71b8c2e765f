/**
 * The project page as the public would see it with the form's unsaved changes: the saved
 * project (or, for a new one, its owner and nobody taking part yet) with what the editor typed
 * laid over it. The portal's own ProjectPage renders it, so the preview is the public page.
 */
import {
  type OrganisationRef,
  type PersonEditView,
  type PersonView,
  type ProjectDetail,
  publicContact,
  type ThemeRef,
} from '@klimakommuner/domain';
import { type ProjectFormValues, projectInput } from './project-form.ts';

/** What the page shows besides the form: the saved project, or the owner of a new one. */
export type PreviewBase =
  | { readonly saved: ProjectDetail }
  | { readonly owner: OrganisationRef; readonly slug: string };

export interface PreviewChoices {
  readonly themes: readonly ThemeRef[];
  /** The people the form offers as leaders, as editors see them. */
  readonly people: readonly PersonEditView[];
}

/** A person as the public sees them: contact details only with consent. */
const asPublic = (person: PersonEditView): PersonView => ({
  id: person.id,
  name: person.name,
  title: person.title,
  organisation: person.organisation,
  municipality: person.municipality,
  ...publicContact(person),
});

/**
 * The public page of a project with a validated form's values (validateProject found nothing)
 * and the body as the API rendered it. Themes and leaders are named from the form's choices,
 * or from the saved project for a leader the form does not offer.
 */
export function draftProjectDetail(
  base: PreviewBase,
  values: ProjectFormValues,
  bodyHtml: string,
  choices: PreviewChoices,
): ProjectDetail {
  const input = projectInput(values);
  const saved = 'saved' in base ? base.saved : null;
  const themes = input.themes.flatMap((slug) => {
    const theme = choices.themes.find((candidate) => candidate.slug === slug);
    return theme ? [{ slug: theme.slug, name: theme.name }] : [];
  });
  const leaders = input.leaders.flatMap((id) => {
    const offered = choices.people.find((person) => person.id === id);
    if (offered) return [asPublic(offered)];
    const kept = saved?.leaders.find((leader) => leader.id === id);
    return kept ? [kept] : [];
  });
  // Who takes part is not on the form: the saved project's participants, or nobody yet.
  const frame =
    'saved' in base
      ? {
          slug: base.saved.slug,
          owner: base.saved.owner,
          participantCount: base.saved.participantCount,
          demoParticipantCount: base.saved.demoParticipantCount,
          participations: base.saved.participations,
        }
      : {
          slug: base.slug,
          owner: base.owner,
          participantCount: 0,
          demoParticipantCount: 0,
          participations: [],
        };
  return {
    ...frame,
    title: input.title,
    summary: input.summary,
    bodyHtml,
    status: input.status,
    startDate: input.startDate,
    endDate: input.endDate,
    themes,
    leaders,
    links: input.links,
  };
}
