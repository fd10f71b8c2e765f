import { formatPopulation } from '@klimakommuner/domain';

/** «1 kommune», «6 kommuner». */
export function countMunicipalities(count: number): string {
  return `${formatPopulation(count)} ${count === 1 ? 'kommune' : 'kommuner'}`;
}
