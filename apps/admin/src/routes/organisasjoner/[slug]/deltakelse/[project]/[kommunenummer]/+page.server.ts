import { participationStep, todayIso } from '@klimakommuner/domain';
import { error, fail, redirect } from '@sveltejs/kit';
import { hasErrors, INVALID_FORM, parseVersion, text } from '#lib/forms.ts';
import { participationErrors, readStep, STEP_FIELDS } from '#lib/participation-form.ts';
import { requireIn } from '#lib/server/access.ts';
import { load as api, attempt } from '#lib/server/api.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The cell: the municipality's row, the project's column and its participation, if any. */
async function cellOf(event: RequestEvent) {
  const { slug, project: projectSlug, kommunenummer } = event.params;
  requireIn(event, 'participation.manage', slug);
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
    // The version of the participation the editor saw (0: none), so a change made since then is
    // a CONFLICT rather than silently overwritten.
    const seen = parseVersion(text(form, 'version'));
    if (seen === null) error(400, INVALID_FORM);
    const sinceMessage = 'Velg datoen deltakelsesstatusen gjelder fra.';
    const { values, errors, status } = readStep(form, STEP_FIELDS, sinceMessage);
    const unchanged = { values, version: seen, message: null, conflict: null };
    if (hasErrors(errors) || status === null) return fail(400, { ...unchanged, errors });
    const current = cell.participation;
    const step = { status, since: values.since };
    // The domain decides: a status change of an active participation, else a start or a rejoin.
    const result = await attempt(event, (client) =>
      current !== null && participationStep(current) === 'change'
        ? client.participations.setStatus.mutate({
            id: current.id,
            version: seen,
            note: values.note,
            ...step,
          })
        : client.participations.add.mutate({
            project: cell.project.slug,
            municipality: kommunenummer,
            version: seen,
            ...step,
            ...(values.note !== '' ? { note: values.note } : {}),
          }),
    );
    if (result.ok) redirect(303, `/organisasjoner/${slug}/deltakelse?lagret=${kommunenummer}`);
    if (result.failure.code === 'CONFLICT') {
      const conflict =
        (result.failure.data.current as typeof current | undefined) ??
        (await cellOf(event)).participation;
      return fail(409, {
        values,
        errors: {},
        version: conflict?.version ?? 0,
        message: result.failure.message,
        conflict,
      });
    }
    return fail(422, { ...unchanged, errors: participationErrors(result.failure, STEP_FIELDS) });
  },
};
