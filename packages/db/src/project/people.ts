import { isUuid, type PersonEditView, type PersonView, publicContact } from '@klimakommuner/domain';
import type { InferResult, Kysely } from 'kysely';
import { byNameThenId, collator } from '../content/order.ts';
import { municipalityRefJson } from '../municipality/refs.ts';
import { organisationRefJson } from '../network/refs.ts';
import type { Database } from '../schema.ts';

export const selectPeople = (db: Kysely<Database>) =>
  db
    .selectFrom('person as p')
    .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
    .leftJoin('municipality as m', 'm.number', 'p.municipality_number')
    .leftJoin('county as c', 'c.number', 'm.county_number')
    .select([
      'p.id',
      'p.name',
      'p.title',
      'p.organisation_id',
      'p.email',
      'p.phone',
      'p.consent',
      'p.version',
      organisationRefJson('o').as('organisation'),
      municipalityRefJson('m', 'c').as('municipality'),
    ]);

export type PersonRow = InferResult<ReturnType<typeof selectPeople>>[number];

/** The editors' view: the real email and phone, the consent and the version. */
export const personEditView = (row: PersonRow): PersonEditView => ({
  id: row.id,
  name: row.name,
  title: row.title,
  organisation: row.organisation,
  municipality: row.municipality,
  email: row.email,
  phone: row.phone,
  consent: row.consent,
  version: row.version,
});

/** What the public sees: email and phone through the domain's publicContact (null without consent). */
export const personView = (row: PersonRow): PersonView => {
  const { consent: _c, version: _v, ...view } = personEditView(row);
  return { ...view, ...publicContact(row) };
};

/** People by id, in one query whatever the count. */
export const loadPeople = async (
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, PersonRow>> => {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await selectPeople(db).where('p.id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r]));
};

/**
 * The public view of an organisation's people (OrganisationDetail.people): sorted by role title,
 * then name, so «Overordnet prosjektleder» comes before «Prosjektleder»; one query.
 */
export const organisationPeople = async (
  db: Kysely<Database>,
  organisation: string,
): Promise<PersonView[]> =>
  (await selectPeople(db).where('o.slug', '=', organisation).execute())
    .map(personView)
    .sort(
      (a, b) =>
        collator.compare(a.title, b.title) ||
        collator.compare(a.name, b.name) ||
        a.id.localeCompare(b.id),
    );

/** Someone an article can name as its author: a person without contact details. */
export interface AuthorCandidate {
  readonly id: string;
  readonly name: string;
  readonly title: string;
}

/** The people of the organisation `organisation` (slug) as authors, sorted by name; one query. */
export const authorCandidates = async (
  db: Kysely<Database>,
  organisation: string,
): Promise<AuthorCandidate[]> =>
  (
    await db
      .selectFrom('person as p')
      .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
      .select(['p.id', 'p.name', 'p.title'])
      .where('o.slug', '=', organisation)
      .execute()
  ).sort(byNameThenId);

export interface PeopleFilter {
  /** Organisation slug: the people of that organisation. */
  readonly organisation?: string | undefined;
  /** Kommunenummer: the people of that municipality. */
  readonly municipality?: string | undefined;
}

/** People for editors, sorted by name; both filters together return people matching either. */
export const listPeople = async (
  db: Kysely<Database>,
  filter: PeopleFilter = {},
): Promise<PersonEditView[]> => {
  let query = selectPeople(db);
  const { organisation, municipality } = filter;
  if (organisation !== undefined || municipality !== undefined) {
    query = query.where((eb) =>
      eb.or([
        ...(organisation !== undefined ? [eb('o.slug', '=', organisation)] : []),
        ...(municipality !== undefined ? [eb('p.municipality_number', '=', municipality)] : []),
      ]),
    );
  }
  return (await query.execute()).map(personEditView).sort(byNameThenId);
};

/** Someone who may be a participation's contact: a person without their email and phone. */
export type ContactCandidate = Omit<PersonView, 'email' | 'phone'>;

/**
 * Who may be the contact of a participation in the project: the people of the project's owner
 * organisation and the people of every municipality with a participation in it (a withdrawn one
 * too, since it keeps its contact and may rejoin), sorted by name. A participation's own
 * candidates are the owner's people plus those whose `municipality.number` is its municipality
 * (what setParticipationContact accepts). Null when there is no such project.
 */
export const listContactCandidates = async (
  db: Kysely<Database>,
  projectSlug: string,
): Promise<ContactCandidate[] | null> => {
  const project = await db
    .selectFrom('project')
    .select(['id', 'owner_organisation_id'])
    .where('slug', '=', projectSlug)
    .executeTakeFirst();
  if (!project) return null;
  const rows = await selectPeople(db)
    .where((eb) =>
      eb.or([
        eb('p.organisation_id', '=', project.owner_organisation_id),
        eb(
          'p.municipality_number',
          'in',
          eb
            .selectFrom('participation')
            .select('municipality_number')
            .where('project_id', '=', project.id),
        ),
      ]),
    )
    .execute();
  return rows
    .map((row): ContactCandidate => {
      const { email: _e, phone: _p, consent: _c, version: _v, ...candidate } = personEditView(row);
      return candidate;
    })
    .sort(byNameThenId);
};

export const getPersonForEdit = async (
  db: Kysely<Database>,
  id: string,
): Promise<PersonEditView | null> => {
  if (!isUuid(id)) return null;
  const row = await selectPeople(db).where('p.id', '=', id).executeTakeFirst();
  return row ? personEditView(row) : null;
};

/** The slug of the organisation a person belongs to (for the access check); null for none. */
export const personOrganisation = async (
  db: Kysely<Database>,
  id: string,
): Promise<string | null> => (await getPersonForEdit(db, id))?.organisation?.slug ?? null;
