import { error, fail, redirect } from '@sveltejs/kit';
import { errorsFromIssues, type FieldErrors, isIsoDate, parseVersion, text } from '#lib/forms.ts';
import { mayIn } from '#lib/policy.ts';
import { ACTIVE_PARTICIPATION_STATUSES, todayIso } from '#lib/projects.ts';
import { attempt, FORBIDDEN_MESSAGE, load as api } from '#lib/server/api.ts';
import {
  currentMembers,
  isParticipationStatus,
  participationErrors,
} from '#lib/server/participations.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { slug } = event.params;
  const project = await api(event, (client) => client.projects.getForEdit.query({ slug }));
  // The contact candidates of every row in one call, and only for those who may manage them.
  const mayManage = mayIn(event.locals.me, 'participation.manage', project.owner.slug);
  const [owner, candidates] = await Promise.all([
    api(event, (client) => client.organisations.get.query({ slug: project.owner.slug })),
    mayManage
      ? api(event, (client) => client.participations.contactCandidates.query({ project: slug }))
      : [],
  ]);
  const done = event.url.searchParams.get('ok');
  return { project, members: currentMembers(owner), candidates, done, today: todayIso() };
};

function guard(event: { locals: App.Locals }, owner: string) {
  if (owner !== '' && !mayIn(event.locals.me, 'participation.manage', owner))
    error(403, FORBIDDEN_MESSAGE);
}

export const actions: Actions = {
  leggTil: async (event) => {
    const { slug } = event.params;
    const form = await event.request.formData();
    guard(event, text(form, 'owner'));
    const values = {
      municipality: text(form, 'municipality'),
      status: text(form, 'status'),
      since: text(form, 'since'),
      note: text(form, 'note'),
    };
    const errors: FieldErrors = {};
    if (!/^\d{4}$/.test(values.municipality)) {
      errors.municipality = 'Skriv kommunenummeret med fire sifre, for eksempel 3203.';
    }
    if (!isParticipationStatus(values.status, ACTIVE_PARTICIPATION_STATUSES))
      errors.status = 'Velg en status.';
    if (!isIsoDate(values.since)) errors.since = 'Velg datoen kommunen deltar fra.';
    if (
      Object.keys(errors).length > 0 ||
      !isParticipationStatus(values.status, ACTIVE_PARTICIPATION_STATUSES)
    ) {
      return fail(400, { kind: 'add' as const, values, errors, id: null });
    }
    const status = values.status;
    const result = await attempt(event, (client) =>
      client.participations.add.mutate({
        project: slug,
        municipality: values.municipality,
        status,
        since: values.since,
        ...(values.note !== '' ? { note: values.note } : {}),
      }),
    );
    if (result.ok) redirect(303, `/prosjekter/${slug}/deltakere?ok=lagt-til`);
    const fieldErrors = participationErrors(result.failure, {
      municipality: 'municipality',
      status: 'status',
      since: 'since',
      note: 'note',
    });
    return fail(422, { kind: 'add' as const, values, errors: fieldErrors, id: null });
  },

  status: async (event) => {
    const { slug } = event.params;
    const form = await event.request.formData();
    guard(event, text(form, 'owner'));
    const id = text(form, 'id');
    const version = parseVersion(text(form, 'version'));
    if (id === '' || version === null) error(400, 'Ugyldig skjema. Last siden på nytt.');
    const values = {
      status: text(form, 'status'),
      since: text(form, 'since'),
      note: text(form, 'note'),
    };
    const fields = { status: `status-${id}`, since: `since-${id}`, note: `note-${id}` };
    const errors: FieldErrors = {};
    if (!isParticipationStatus(values.status, ACTIVE_PARTICIPATION_STATUSES))
      errors[fields.status] = 'Velg en status.';
    if (!isIsoDate(values.since)) errors[fields.since] = 'Velg datoen statusen gjelder fra.';
    if (
      Object.keys(errors).length > 0 ||
      !isParticipationStatus(values.status, ACTIVE_PARTICIPATION_STATUSES)
    ) {
      return fail(400, { kind: 'status' as const, values, errors, id });
    }
    const status = values.status;
    const result = await attempt(event, (client) =>
      client.participations.setStatus.mutate({
        id,
        version,
        status,
        since: values.since,
        note: values.note,
      }),
    );
    if (result.ok) redirect(303, `/prosjekter/${slug}/deltakere?ok=status`);
    return fail(result.failure.code === 'CONFLICT' ? 409 : 422, {
      kind: 'status' as const,
      values,
      errors: participationErrors(result.failure, fields),
      id,
    });
  },

  trekkUt: async (event) => {
    const { slug } = event.params;
    const form = await event.request.formData();
    guard(event, text(form, 'owner'));
    const id = text(form, 'id');
    const version = parseVersion(text(form, 'version'));
    if (id === '' || version === null) error(400, 'Ugyldig skjema. Last siden på nytt.');
    const since = text(form, 'since');
    const field = `withdraw-${id}`;
    if (!isIsoDate(since)) {
      return fail(400, {
        kind: 'withdraw' as const,
        values: { since },
        errors: { [field]: 'Velg datoen kommunen trekker seg.' },
        id,
      });
    }
    const result = await attempt(event, (client) =>
      client.participations.withdraw.mutate({ id, version, since }),
    );
    if (result.ok) redirect(303, `/prosjekter/${slug}/deltakere?ok=trukket-ut`);
    return fail(result.failure.code === 'CONFLICT' ? 409 : 422, {
      kind: 'withdraw' as const,
      values: { since },
      errors: { [field]: result.failure.message },
      id,
    });
  },

  kontakt: async (event) => {
    const { slug } = event.params;
    const form = await event.request.formData();
    guard(event, text(form, 'owner'));
    const id = text(form, 'id');
    const version = parseVersion(text(form, 'version'));
    if (id === '' || version === null) error(400, 'Ugyldig skjema. Last siden på nytt.');
    const contact = text(form, 'contact');
    const field = `contact-${id}`;
    const result = await attempt(event, (client) =>
      client.participations.setContact.mutate({
        id,
        version,
        contact: contact === '' ? null : contact,
      }),
    );
    if (result.ok) redirect(303, `/prosjekter/${slug}/deltakere?ok=kontakt`);
    const { failure } = result;
    const errors =
      failure.issues.length > 0
        ? errorsFromIssues(failure.issues, { contact: field }, field)
        : { [field]: failure.message };
    return fail(failure.code === 'CONFLICT' ? 409 : 422, {
      kind: 'contact' as const,
      values: { contact },
      errors,
      id,
    });
  },
};
