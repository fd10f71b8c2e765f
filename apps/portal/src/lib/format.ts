import { formatPopulation } from '@klimakommuner/domain';

export { formatDateNb, formatPopulation, organisationKindLabel } from '@klimakommuner/domain';

/** «1 kommune», «6 kommuner». */
export function countMunicipalities(count: number): string {
  return `${formatPopulation(count)} ${count === 1 ? 'kommune' : 'kommuner'}`;
}

/** «1 prosjekt», «6 prosjekter». */
export function countProjects(count: number): string {
  return `${formatPopulation(count)} ${count === 1 ? 'prosjekt' : 'prosjekter'}`;
}
