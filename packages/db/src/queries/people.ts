import {
  type AuditActor,
  type PersonEditView,
  type PersonView,
  publicContact,
} from '@klimakommuner/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { writeAudit } from './audit.ts';
import { notFound, type Outcome, ok, stale } from './outcome.ts';
import { isUuid } from './users.ts';
import { collator } from './world.ts';

const selectPeople = (db: Kysely<Database>) =>
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
      'o.slug as organisation_slug',
      'o.name as organisation_name',
      'o.short_name as organisation_short_name',
      'o.kind as organisation_kind',
      'm.number as municipality_number',
      'm.name as municipality_name',
      'm.slug as municipality_slug',
      'c.number as county_number',
      'c.name as county_name',
    ]);

export type PersonRow = Awaited<ReturnType<ReturnType<typeof selectPeople>['execute']>>[number];

/** The editors' view: the real email and phone, the consent and the version. */
export const personEditView = (row: PersonRow): PersonEditView => ({
  id: row.id,
  name: row.name,
  title: row.title,
  organisation:
    row.organisation_slug !== null
      ? {
          slug: row.organisation_slug,
          name: row.organisation_name ?? '',
          shortName: row.organisation_short_name,
          kind: row.organisation_kind ?? 'network',
        }
      : null,
  municipality:
    row.municipality_number !== null
      ? {
          number: row.municipality_number,
          name: row.municipality_name ?? '',
          slug: row.municipality_slug ?? '',
          county: { number: row.county_number ?? '', name: row.county_name ?? '' },
        }
      : null,
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
  const rows = await query.execute();
  return rows
    .map(personEditView)
    .sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
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
    .sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
};

export const getPersonForEdit = async (
  db: Kysely<Database>,
  id: string,
): Promise<PersonEditView | null> => {
  if (!isUuid(id)) return null;
  const row = await selectPeople(db).where('p.id', '=', id).executeTakeFirst();
  return row ? personEditView(row) : null;
};

export interface PersonInput {
  readonly name: string;
  readonly title: string;
  /** Organisation slug; null or absent: none. */
  readonly organisation?: string | null | undefined;
  /** Kommunenummer; null or absent: none. */
  readonly municipality?: string | null | undefined;
  /** Empty string, null or absent: none. */
  readonly email?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly consent: boolean;
}

export interface PersonUpdate extends PersonInput {
  readonly id: string;
  readonly version: number;
}

const orNull = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** The organisation id and municipality number of the input; not-found when either is unknown. */
const resolveOwner = async (trx: Kysely<Database>, input: PersonInput) => {
  const organisation = orNull(input.organisation);
  const municipality = orNull(input.municipality);
  const [org, mun] = await Promise.all([
    organisation === null
      ? null
      : trx
          .selectFrom('organisation')
          .select('id')
          .where('slug', '=', organisation)
          .executeTakeFirst(),
    municipality === null
      ? null
      : trx
          .selectFrom('municipality')
          .select('number')
          .where('number', '=', municipality)
          .executeTakeFirst(),
  ]);
  if (organisation !== null && !org) return notFound('organisation', organisation);
  if (municipality !== null && !mun) return notFound('municipality', municipality);
  return {
    kind: 'resolved' as const,
    values: {
      name: input.name.trim(),
      title: input.title.trim(),
      organisation_id: org?.id ?? null,
      municipality_number: mun?.number ?? null,
      email: orNull(input.email),
      phone: orNull(input.phone),
      consent: input.consent,
    },
  };
};

/** What the audit trail keeps of a person. */
const snapshot = (view: PersonEditView) => ({
  id: view.id,
  name: view.name,
  title: view.title,
  organisation: view.organisation?.slug ?? null,
  municipality: view.municipality?.number ?? null,
  email: view.email,
  phone: view.phone,
  consent: view.consent,
  version: view.version,
});

const mustPerson = async (trx: Kysely<Database>, id: string): Promise<PersonRow> => {
  const row = await selectPeople(trx).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw new Error(`Person ${id} vanished inside its transaction`);
  return row;
};

/** Adds a person; audited as person.create under the person's organisation (if any). */
export const createPerson = (
  db: Kysely<Database>,
  input: PersonInput,
  actor: AuditActor | null,
): Promise<Outcome<PersonEditView>> =>
  db.transaction().execute(async (trx) => {
    const resolved = await resolveOwner(trx, input);
    if (resolved.kind !== 'resolved') return resolved;
    const { id } = await trx
      .insertInto('person')
      .values(resolved.values)
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await mustPerson(trx, id);
    const view = personEditView(row);
    await writeAudit(trx, {
      actor,
      action: 'person.create',
      recordType: 'person',
      recordId: id,
      organisationId: row.organisation_id,
      before: null,
      after: snapshot(view),
    });
    return ok(view);
  });

const lockPerson = (trx: Transaction<Database>, id: string) =>
  trx
    .selectFrom('person')
    .select(['id', 'version'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();

/** Saves a person at `version`; stale → the stored person, nothing written. */
export const updatePerson = (
  db: Kysely<Database>,
  input: PersonUpdate,
  actor: AuditActor | null,
): Promise<Outcome<PersonEditView>> =>
  db.transaction().execute(async (trx) => {
    if (!isUuid(input.id)) return notFound('person', input.id);
    const locked = await lockPerson(trx, input.id);
    if (!locked) return notFound('person', input.id);
    const before = personEditView(await mustPerson(trx, input.id));
    if (locked.version !== input.version) {
      return stale('person', input.id, input.version, before);
    }
    const resolved = await resolveOwner(trx, input);
    if (resolved.kind !== 'resolved') return resolved;
    const updated = await trx
      .updateTable('person')
      .set({ ...resolved.values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', input.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new Error('The locked person changed underneath');
    const row = await mustPerson(trx, input.id);
    const after = personEditView(row);
    await writeAudit(trx, {
      actor,
      action: 'person.update',
      recordType: 'person',
      recordId: input.id,
      organisationId: row.organisation_id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return ok(after);
  });
