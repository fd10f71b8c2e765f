import { formatPopulation } from '@klimakommuner/domain';

export { formatDateNb, formatPopulation, organisationKindLabel } from '@klimakommuner/domain';
export { countMunicipalities } from '@klimakommuner/ui/format';

/** «1 prosjekt», «6 prosjekter». */
export function countProjects(count: number): string {
  return `${formatPopulation(count)} ${count === 1 ? 'prosjekt' : 'prosjekter'}`;
}
