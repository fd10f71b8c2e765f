import type {
  IsoDate,
  MatrixView,
  MunicipalityRef,
  ParticipationStatus,
  RegionRef,
} from '@klimakommuner/domain';
import { type Kysely, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { nbOrder } from '../content/order.ts';
import { municipalityRefJson } from '../municipality/refs.ts';
import { membersOnSql } from '../network/members.ts';
import { regionRefJson } from '../network/refs.ts';
import type { Database } from '../schema.ts';
import { publicProjectSql } from './rows.ts';
import { takesPartSql } from './takes-part.ts';

interface CellJson {
  readonly status: ParticipationStatus;
  readonly since: IsoDate;
  readonly participationId: string;
  readonly takesPart: boolean;
  readonly demo: boolean;
}

/**
 * An organisation's current members (membersOnSql, today) against its public projects, in one
 * statement. Cells are aligned with `projects` (both sorted by title in SQL); withdrawn
 * participations show as such.
 */
export const participationMatrix = async (
  db: Kysely<Database>,
  organisationSlug: string,
  today: IsoDate,
  now: Date = new Date(),
): Promise<MatrixView | null> => {
  const publicOwn = sql<boolean>`p.owner_organisation_id = org.id and ${publicProjectSql('p', now)}`;
  const row = await db
    .selectFrom('organisation as org')
    .select(['org.slug', 'org.name', 'org.short_name', 'org.kind'])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('project as p')
          .select(['p.slug', 'p.title'])
          .where(publicOwn)
          .orderBy(nbOrder('p', 'title')),
      ).as('projects'),
      jsonArrayFrom(
        eb
          .selectFrom(membersOnSql(db, today).as('cm'))
          .innerJoin('municipality as m', 'm.number', 'cm.municipality_number')
          .innerJoin('county as c', 'c.number', 'm.county_number')
          .leftJoin('region as r', 'r.slug', 'cm.via')
          .select([
            sql<MunicipalityRef>`${municipalityRefJson('m', 'c')}`.as('municipality'),
            regionRefJson('r').as('via'),
            sql<(CellJson | null)[]>`(select coalesce(json_agg(
                case when pa.id is null then null else json_build_object(
                  'status', pa.status, 'since', pa.since, 'participationId', pa.id,
                  'takesPart', ${takesPartSql(today, 'pa')}, 'demo', pa.demo) end
                order by p.sort_key, p.title collate "C", p.slug), '[]'::json)
              from project p
              left join participation pa on pa.project_id = p.id and pa.municipality_number = m.number
              where ${publicOwn})`.as('cells'),
          ])
          .where(sql<boolean>`cm.organisation_id = org.id`)
          .orderBy(nbOrder('m', 'name', 'number')),
      ).as('rows'),
    ])
    .where('org.slug', '=', organisationSlug)
    .executeTakeFirst();
  if (!row) return null;
  return {
    organisation: {
      slug: row.slug,
      name: row.name,
      shortName: row.short_name,
      kind: row.kind,
    },
    projects: row.projects,
    rows: row.rows.map((r) => ({
      municipality: r.municipality,
      via: r.via as RegionRef | null,
      cells: r.cells,
    })),
  };
};
