import { error, fail, redirect } from '@sveltejs/kit';
import { type FieldErrors, parseVersion, text } from '#lib/forms.ts';
import { mayIn } from '#lib/policy.ts';
import { type ApiFailure, attempt, load as api } from '#lib/server/api.ts';
import type { Actions, PageServerLoad } from './$types';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const load: PageServerLoad = async (event) => {
  const { slug } = event.params;
  if (!mayIn(event.locals.me, 'membership.manage', slug))
    error(403, 'Du har ikke tilgang til å gjøre dette.');
  const [organisation, memberships, municipalities] = await api(event, (client) =>
    Promise.all([
      client.organisations.get.query({ slug }),
      client.memberships.list.query({ organisation: slug }),
      client.municipalities.list.query({ limit: 500 }),
    ]),
  );
  return {
    organisation,
    memberships,
    municipalities: municipalities.items.map(({ number, name }) => ({ number, name })),
    added: event.url.searchParams.get('lagt-til') === '1',
    ended: event.url.searchParams.get('avsluttet') === '1',
  };
};

/** Where a rule's message belongs: the date for date rules, the member for the rest. */
function fieldForRule(failure: ApiFailure, memberField: string, dateField: string): string {
  const tag = typeof failure.data.tag === 'string' ? failure.data.tag : '';
  const path = failure.issues[0]?.path[0];
  if (path === 'from' || path === 'to' || tag === 'MembershipEndsBeforeStart') return dateField;
  return memberField;
}

export const actions: Actions = {
  leggTil: async (event) => {
    const { slug } = event.params;
    const form = await event.request.formData();
    const values = {
      kind: text(form, 'kind') === 'region' ? ('region' as const) : ('municipality' as const),
      municipality: text(form, 'municipality'),
      region: text(form, 'region').toLowerCase(),
      from: text(form, 'from'),
    };
    const errors: FieldErrors = {};
    if (values.kind === 'municipality' && !/^\d{4}$/.test(values.municipality)) {
      errors.municipality = 'Skriv kommunenummeret med fire sifre, for eksempel 3203.';
    }
    if (values.kind === 'region' && !/^[a-z0-9-]+$/.test(values.region)) {
      errors.region = 'Skriv adressenavnet til regionen, for eksempel hallingdal.';
    }
    if (!ISO_DATE.test(values.from)) errors.from = 'Velg datoen medlemskapet begynner.';
    if (Object.keys(errors).length > 0)
      return fail(400, { kind: 'add' as const, values, errors, id: null });

    const member =
      values.kind === 'region' ? { region: values.region } : { municipality: values.municipality };
    const result = await attempt(event, (client) =>
      client.memberships.add.mutate({ organisation: slug, from: values.from, ...member }),
    );
    if (result.ok) redirect(303, `/organisasjoner/${slug}/medlemmer?lagt-til=1`);
    const field = fieldForRule(result.failure, values.kind, 'from');
    return fail(422, {
      kind: 'add' as const,
      values,
      errors: { [field]: result.failure.message },
      id: null,
    });
  },

  avslutt: async (event) => {
    const { slug } = event.params;
    const form = await event.request.formData();
    const id = text(form, 'id');
    const to = text(form, 'to');
    const version = parseVersion(text(form, 'version'));
    if (id === '' || version === null) error(400, 'Ugyldig skjema. Last siden på nytt.');
    const field = `to-${id}`;
    if (!ISO_DATE.test(to)) {
      return fail(400, {
        kind: 'end' as const,
        id,
        to,
        errors: { [field]: 'Velg siste dag i medlemskapet.' },
      });
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
