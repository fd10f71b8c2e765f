import {
  IsoDate,
  lookUpMember,
  MEMBERSHIP_START_HINT,
  memberLookupMessage,
  parseMembershipStart,
} from '@klimakommuner/domain';
import { error, fail, redirect } from '@sveltejs/kit';
import { type FieldErrors, fits, INVALID_FORM, rowOf, text } from '#lib/forms.ts';
import { membershipErrors, membershipInput } from '#lib/membership-form.ts';
import { requireIn } from '#lib/server/access.ts';
import { load as api, attempt } from '#lib/server/api.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The municipalities and regions an editor picks from, by name. */
async function choices(event: RequestEvent | Parameters<PageServerLoad>[0]) {
  const [municipalities, regions] = await api(event, (client) =>
    Promise.all([client.municipalities.list.query({ limit: 500 }), client.regions.list.query()]),
  );
  return {
    municipalities: municipalities.items.map(({ number, name, county }) => ({
      number,
      name,
      county: { name: county.name },
    })),
    regions: regions.items,
  };
}

export const load: PageServerLoad = async (event) => {
  const { slug } = event.params;
  requireIn(event, 'membership.manage', slug);
  const [organisation, memberships, offered] = await Promise.all([
    api(event, (client) => client.organisations.get.query({ slug })),
    api(event, (client) => client.memberships.list.query({ organisation: slug })),
    choices(event),
  ]);
  return {
    organisation,
    memberships,
    ...offered,
    added: event.url.searchParams.get('lagt-til') === '1',
    ended: event.url.searchParams.get('avsluttet') === '1',
  };
};

export const actions: Actions = {
  leggTil: async (event) => {
    const { slug } = event.params;
    const form = await event.request.formData();
    const values = { member: text(form, 'member'), from: text(form, 'from') };
    const offered = await choices(event);
    const lookup = lookUpMember(values.member, offered.municipalities, offered.regions);
    const start = parseMembershipStart(values.from);
    // Every problem in one round: the member and the start are checked together.
    const errors: FieldErrors = {};
    const memberMessage = memberLookupMessage(lookup, 'kommune eller region');
    if (memberMessage !== null) errors.member = memberMessage;
    if (start === null) errors.from = MEMBERSHIP_START_HINT;
    if (lookup.kind !== 'found' || start === null) {
      return fail(400, { kind: 'add' as const, values, errors, id: null });
    }
    const input = { organisation: slug, ...membershipInput(lookup.member, start) };
    const result = await attempt(event, (client) => client.memberships.add.mutate(input));
    if (result.ok) redirect(303, `/organisasjoner/${slug}/medlemmer?lagt-til=1`);
    const fieldErrors = membershipErrors(result.failure);
    return fail(422, { kind: 'add' as const, values, errors: fieldErrors, id: null });
  },

  avslutt: async (event) => {
    const { slug } = event.params;
    const form = await event.request.formData();
    const row = rowOf(form);
    if (row === null) error(400, INVALID_FORM);
    const { id, version } = row;
    const to = text(form, 'to');
    const field = `to-${id}`;
    if (!fits(IsoDate, to)) {
      const errors = { [field]: 'Velg siste dag i medlemskapet.' };
      return fail(400, { kind: 'end' as const, id, to, errors });
    }
    const result = await attempt(event, (client) =>
      client.memberships.end.mutate({ id, to, version }),
    );
    if (result.ok) redirect(303, `/organisasjoner/${slug}/medlemmer?avsluttet=1`);
    return fail(result.failure.code === 'CONFLICT' ? 409 : 422, {
      kind: 'end' as const,
      id,
      to,
      errors: { [field]: result.failure.message },
    });
  },
};
