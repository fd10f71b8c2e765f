import { IsoDate, lookUpMember, memberLookupMessage, todayIso } from '@klimakommuner/domain';
import { error, fail, redirect } from '@sveltejs/kit';
import { withdrawConfirmation } from '#lib/confirm.ts';
import { failureErrors } from '#lib/failures.ts';
import { formatDateNb } from '#lib/format.ts';
import { fits, hasErrors, INVALID_FORM, rowOf, text } from '#lib/forms.ts';
import {
  currentMembers,
  participationErrors,
  readStep,
  STEP_FIELDS,
} from '#lib/participation-form.ts';
import { mayIn } from '#lib/policy.ts';
import { requireIn } from '#lib/server/access.ts';
import { load as api, attempt } from '#lib/server/api.ts';
import { askFirst, isConfirmed } from '#lib/server/confirm.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** Every municipality, so one typed by name is found even when it is not a member. */
async function allMunicipalities(event: RequestEvent | Parameters<PageServerLoad>[0]) {
  const page = await api(event, (client) => client.municipalities.list.query({ limit: 500 }));
  return page.items.map(({ number, name, county }) => ({
    number,
    name,
    county: { name: county.name },
  }));
}

export const load: PageServerLoad = async (event) => {
  const { slug } = event.params;
  const project = await api(event, (client) => client.projects.getForEdit.query({ slug }));
  // The contact candidates of every row in one call, and only for those who may manage them.
  const mayManage = mayIn(event.locals.me, 'participation.manage', project.owner.slug);
  const [owner, candidates, municipalities] = await Promise.all([
    api(event, (client) => client.organisations.get.query({ slug: project.owner.slug })),
    mayManage
      ? api(event, (client) => client.participations.contactCandidates.query({ project: slug }))
      : [],
    mayManage ? allMunicipalities(event) : [],
  ]);
  return {
    project,
    members: currentMembers(owner),
    municipalities,
    candidates,
    done: event.url.searchParams.get('ok'),
    today: todayIso(),
  };
};

/** A row's form: its participation and version, the owner checked; a 400 page without them. */
async function rowForm(event: RequestEvent) {
  const form = await event.request.formData();
  const owner = text(form, 'owner');
  if (owner !== '') requireIn(event, 'participation.manage', owner);
  const row = rowOf(form);
  if (row === null) error(400, INVALID_FORM);
  return { form, ...row };
}

function done(slug: string, what: string): never {
  redirect(303, `/prosjekter/${slug}/deltakere?ok=${what}`);
}

const refused = (code: string | null) => (code === 'CONFLICT' ? 409 : 422);

export const actions: Actions = {
  leggTil: async (event) => {
    const { slug } = event.params;
    const form = await event.request.formData();
    const owner = text(form, 'owner');
    if (owner !== '') requireIn(event, 'participation.manage', owner);
    const fields = { ...STEP_FIELDS, municipality: 'municipality' };
    const step = readStep(form, fields, 'Velg datoen kommunen deltar fra.');
    const values = { municipality: text(form, 'municipality'), ...step.values };
    const lookup = lookUpMember(values.municipality, await allMunicipalities(event));
    const errors = { ...step.errors };
    const lookupMessage = memberLookupMessage(lookup, 'kommune');
    if (lookupMessage !== null) errors.municipality = lookupMessage;
    if (
      hasErrors(errors) ||
      step.status === null ||
      lookup.kind !== 'found' ||
      lookup.member.kind !== 'municipality'
    ) {
      return fail(400, { kind: 'add' as const, values, errors, id: null });
    }
    const { status } = step;
    const municipality = lookup.member.number;
    const result = await attempt(event, (client) =>
      client.participations.add.mutate({
        project: slug,
        municipality,
        status,
        since: values.since,
        ...(values.note !== '' ? { note: values.note } : {}),
      }),
    );
    if (result.ok) done(slug, 'lagt-til');
    const fieldErrors = participationErrors(result.failure, fields);
    return fail(422, { kind: 'add' as const, values, errors: fieldErrors, id: null });
  },

  status: async (event) => {
    const { slug } = event.params;
    const { form, id, version } = await rowForm(event);
    const fields = { status: `status-${id}`, since: `since-${id}`, note: `note-${id}` };
    const step = readStep(form, fields, 'Velg datoen deltakelsesstatusen gjelder fra.');
    const { values, status } = step;
    if (hasErrors(step.errors) || status === null) {
      return fail(400, { kind: 'status' as const, values, errors: step.errors, id });
    }
    const result = await attempt(event, (client) =>
      client.participations.setStatus.mutate({
        id,
        version,
        status,
        since: values.since,
        note: values.note,
      }),
    );
    if (result.ok) done(slug, 'status');
    return fail(refused(result.failure.code), {
      kind: 'status' as const,
      values,
      errors: participationErrors(result.failure, fields),
      id,
    });
  },

  trekkUt: async (event) => {
    const { slug } = event.params;
    const { form, id, version } = await rowForm(event);
    const since = text(form, 'since');
    const field = `withdraw-${id}`;
    if (!fits(IsoDate, since)) {
      const errors = { [field]: 'Velg datoen kommunen trekker seg.' };
      return fail(400, { kind: 'withdraw' as const, values: { since }, errors, id });
    }
    if (!isConfirmed(form)) {
      const project = await api(event, (client) => client.projects.getForEdit.query({ slug }));
      const row = project.participations.find((p) => p.id === id);
      if (row) {
        const when = formatDateNb(since);
        const asked = withdrawConfirmation(row.municipality.name, project.title, when);
        return { ...askFirst(event, form, asked), values: { since }, id };
      }
    }
    const result = await attempt(event, (client) =>
      client.participations.withdraw.mutate({ id, version, since }),
    );
    if (result.ok) done(slug, 'trukket-ut');
    const errors = { [field]: result.failure.message };
    return fail(refused(result.failure.code), {
      kind: 'withdraw' as const,
      values: { since },
      errors,
      id,
    });
  },

  kontakt: async (event) => {
    const { slug } = event.params;
    const { form, id, version } = await rowForm(event);
    const contact = text(form, 'contact');
    const field = `contact-${id}`;
    const result = await attempt(event, (client) =>
      client.participations.setContact.mutate({
        id,
        version,
        contact: contact === '' ? null : contact,
      }),
    );
    if (result.ok) done(slug, 'kontakt');
    const errors = failureErrors(result.failure, { contact: field }, field);
    return fail(refused(result.failure.code), {
      kind: 'contact' as const,
      values: { contact },
      errors,
      id,
    });
  },
};
