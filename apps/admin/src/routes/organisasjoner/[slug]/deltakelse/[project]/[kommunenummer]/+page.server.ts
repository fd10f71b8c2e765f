import { error, fail, redirect } from '@sveltejs/kit';
import { type FieldErrors, isIsoDate, text } from '#lib/forms.ts';
import { mayIn } from '#lib/policy.ts';
import { ACTIVE_PARTICIPATION_STATUSES, todayIso } from '#lib/projects.ts';
import { attempt, FORBIDDEN_MESSAGE, load as api } from '#lib/server/api.ts';
import { isParticipationStatus, participationErrors } from '#lib/server/participations.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The cell: the municipality's row, the project's column and its participation, if any. */
async function cellOf(event: RequestEvent) {
  const { slug, project: projectSlug, kommunenummer } = event.params;
  if (!mayIn(event.locals.me, 'participation.manage', slug)) error(403, FORBIDDEN_MESSAGE);
  const [matrix, project] = await api(event, (client) =>
    Promise.all([
      client.participations.matrix.query({ organisation: slug }),
      client.projects.getForEdit.query({ slug: projectSlug }),
    ]),
  );
  const row = matrix.rows.find((candidate) => candidate.municipality.number === kommunenummer);
  if (!row || project.owner.slug !== slug) error(404, 'Fant ikke siden');
  const participation =
    project.participations.find((p) => p.municipality.number === kommunenummer) ?? null;
  return {
    organisation: matrix.organisation,
    municipality: row.municipality,
    via: row.via,
    project,
    participation,
  };
}

export const load: PageServerLoad = async (event) => {
  const cell = await cellOf(event);
  return {
    organisation: cell.organisation,
    municipality: cell.municipality,
    via: cell.via,
    project: { slug: cell.project.slug, title: cell.project.title },
    participation: cell.participation,
    today: todayIso(),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { slug, kommunenummer } = event.params;
    const cell = await cellOf(event);
    const form = await event.request.formData();
    const values = {
      status: text(form, 'status'),
      since: text(form, 'since'),
      note: text(form, 'note'),
    };
    const errors: FieldErrors = {};
    if (!isParticipationStatus(values.status, ACTIVE_PARTICIPATION_STATUSES))
      errors.status = 'Velg en status.';
    if (!isIsoDate(values.since)) errors.since = 'Velg datoen statusen gjelder fra.';
    if (
      Object.keys(errors).length > 0 ||
      !isParticipationStatus(values.status, ACTIVE_PARTICIPATION_STATUSES)
    ) {
      return fail(400, { values, errors });
    }
    const status = values.status;
    const current = cell.participation;
    const result = await attempt(event, (client) =>
      current !== null && current.status !== 'withdrawn'
        ? client.participations.setStatus.mutate({
            id: current.id,
            version: current.version,
            status,
            since: values.since,
            note: values.note,
          })
        : client.participations.add.mutate({
            project: cell.project.slug,
            municipality: kommunenummer,
            status,
            since: values.since,
            ...(values.note !== '' ? { note: values.note } : {}),
          }),
    );
    if (result.ok) redirect(303, `/organisasjoner/${slug}/deltakelse?lagret=${kommunenummer}`);
    return fail(422, {
      values,
      errors: participationErrors(result.failure, {
        status: 'status',
        since: 'since',
        note: 'note',
      }),
    });
  },
};
