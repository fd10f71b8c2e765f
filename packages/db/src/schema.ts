import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** A `date` column: read as 'YYYY-MM-DD' on both engines (see client.ts), written as the same. */
type IsoDateColumn = string;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface CountyTable {
  number: string;
  name: string;
}

export interface MunicipalityTable {
  number: string;
  name: string;
  slug: string;
  county_number: string;
  population: number | null;
  population_year: number | null;
}

export interface OrganisationTable {
  id: Generated<string>;
  slug: string;
  name: string;
  short_name: string | null;
  kind: 'network' | 'county-authority';
  established: number | null;
  county_number: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

export interface RegionTable {
  id: Generated<string>;
  slug: string;
  name: string;
}

export interface RegionMunicipalityTable {
  region_id: string;
  municipality_number: string;
}

export interface MembershipTable {
  id: Generated<string>;
  organisation_id: string;
  municipality_number: string | null;
  region_id: string | null;
  from_date: IsoDateColumn;
  to_date: IsoDateColumn | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Generated<number>;
}

export interface Database {
  county: CountyTable;
  municipality: MunicipalityTable;
  organisation: OrganisationTable;
  region: RegionTable;
  region_municipality: RegionMunicipalityTable;
  membership: MembershipTable;
}

export type MunicipalityRow = Selectable<MunicipalityTable>;
export type NewMunicipality = Insertable<MunicipalityTable>;
export type OrganisationRow = Selectable<OrganisationTable>;
export type MembershipRow = Selectable<MembershipTable>;
