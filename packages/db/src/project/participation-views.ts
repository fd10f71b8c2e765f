import {
  type IsoDate,
  type ParticipationEditView,
  type ParticipationStepView,
  takesPartOn,
  todayIso,
} from '@klimakommuner/domain';
import type { Kysely, Selectable } from 'kysely';
import { collator } from '../content/order.ts';
import { loadMunicipalityRefs } from '../municipality/refs.ts';
import type { Database, ParticipationTable } from '../schema.ts';
import { loadPeople, personView } from './people.ts';

type ParticipationRow = Selectable<ParticipationTable>;

/**
 * Views of participation rows, by project id, sorted by municipality name; three queries.
 * `takesPart` is the domain's takesPartOn over the loaded history on `today`.
 */
export const participationViews = async (
  db: Kysely<Database>,
  rows: readonly ParticipationRow[],
  today: IsoDate = todayIso(),
): Promise<Map<string, ParticipationEditView[]>> => {
  if (rows.length === 0) return new Map();
  const [events, people, municipalities] = await Promise.all([
    db
      .selectFrom('participation_event')
      .select(['participation_id', 'status', 'since'])
      .where(
        'participation_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('since')
      .orderBy('id')
      .execute(),
    loadPeople(
      db,
      rows.flatMap((r) => (r.contact_person_id === null ? [] : [r.contact_person_id])),
    ),
    loadMunicipalityRefs(db, [...new Set(rows.map((r) => r.municipality_number))]),
  ]);
  const history = new Map<string, ParticipationStepView[]>();
  for (const e of events) {
    const list = history.get(e.participation_id) ?? [];
    list.push({ status: e.status, since: e.since });
    history.set(e.participation_id, list);
  }
  const result = new Map<string, ParticipationEditView[]>();
  for (const row of rows) {
    const municipality = municipalities.get(row.municipality_number);
    if (!municipality) throw new Error(`Unknown municipality ${row.municipality_number}`);
    const contact = row.contact_person_id === null ? undefined : people.get(row.contact_person_id);
    const list = result.get(row.project_id) ?? [];
    const steps = history.get(row.id) ?? [];
    list.push({
      id: row.id,
      municipality,
      status: row.status,
      since: row.since,
      note: row.note,
      contact: contact ? personView(contact) : null,
      history: steps,
      takesPart: takesPartOn({ status: row.status, since: row.since, history: steps }, today),
      demo: row.demo,
      version: row.version,
    });
    result.set(row.project_id, list);
  }
  for (const list of result.values()) {
    list.sort((a, b) => collator.compare(a.municipality.name, b.municipality.name));
  }
  return result;
};
