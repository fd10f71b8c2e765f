/**
 * Editors pick municipalities and regions by name, not by number or slug: a form offers the
 * names (`choiceLabels`) in a datalist, and `lookUpMember` reads back what was typed, whether a
 * name from the list, a name typed by hand (any case), a kommunenummer, or a region's slug.
 */

export interface MunicipalityChoice {
  readonly number: string;
  readonly name: string;
  readonly county: { readonly name: string };
}

export interface RegionChoice {
  readonly slug: string;
  readonly name: string;
}

export type PickedMember =
  | { readonly kind: 'municipality'; readonly number: string }
  | { readonly kind: 'region'; readonly slug: string };

export type MemberLookup =
  | { readonly kind: 'found'; readonly member: PickedMember }
  | { readonly kind: 'empty' }
  /** Several municipalities share the name (Herøy, Våler): their labels, to choose among. */
  | { readonly kind: 'ambiguous'; readonly labels: readonly string[] }
  | { readonly kind: 'not-found'; readonly text: string };

const key = (text: string): string =>
  text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');

/**
 * The name a form shows for each municipality: its name, or «Herøy (Nordland)» where two share a
 * name. Keyed by kommunenummer.
 */
export const municipalityLabels = (
  municipalities: readonly MunicipalityChoice[],
): ReadonlyMap<string, string> => {
  const count = new Map<string, number>();
  for (const m of municipalities) count.set(key(m.name), (count.get(key(m.name)) ?? 0) + 1);
  return new Map(
    municipalities.map((m) => [
      m.number,
      (count.get(key(m.name)) ?? 0) > 1 ? `${m.name} (${m.county.name})` : m.name,
    ]),
  );
};

const FOUR_DIGITS = /^\d{4}$/;
const NAME_WITH_NUMBER = /^(.*\S)\s*\((\d{4})\)$/;

/**
 * What an editor typed, as a municipality or a region. Four digits are taken as a kommunenummer
 * even when no municipality has it (the API explains an old or mistyped number); a name matches
 * regardless of case and spacing; «Asker (3203)» is read by its number.
 */
export const lookUpMember = (
  typed: string,
  municipalities: readonly MunicipalityChoice[],
  regions: readonly RegionChoice[] = [],
): MemberLookup => {
  const text = typed.normalize('NFKC').trim();
  if (text === '') return { kind: 'empty' };
  if (FOUR_DIGITS.test(text)) return found({ kind: 'municipality', number: text });
  const withNumber = NAME_WITH_NUMBER.exec(text);
  if (withNumber?.[2] !== undefined) return found({ kind: 'municipality', number: withNumber[2] });

  const wanted = key(text);
  const labels = municipalityLabels(municipalities);
  const byLabel = municipalities.filter((m) => key(labels.get(m.number) ?? m.name) === wanted);
  if (byLabel.length === 1 && byLabel[0]) {
    return found({ kind: 'municipality', number: byLabel[0].number });
  }
  const region = regions.find((r) => key(r.name) === wanted || key(r.slug) === wanted);
  if (region) return found({ kind: 'region', slug: region.slug });
  const byName = municipalities.filter((m) => key(m.name) === wanted);
  if (byName.length === 1 && byName[0]) {
    return found({ kind: 'municipality', number: byName[0].number });
  }
  if (byName.length > 1) {
    return { kind: 'ambiguous', labels: byName.map((m) => labels.get(m.number) ?? m.name) };
  }
  return { kind: 'not-found', text };
};

const found = (member: PickedMember): MemberLookup => ({ kind: 'found', member });

/** The Norwegian field message for a lookup that found nothing, or null when it found one. */
export const memberLookupMessage = (
  lookup: MemberLookup,
  what: 'kommune' | 'kommune eller region',
): string | null => {
  switch (lookup.kind) {
    case 'found':
      return null;
    case 'empty':
      return what === 'kommune'
        ? 'Skriv navnet på kommunen og velg den fra listen.'
        : 'Skriv navnet på kommunen eller regionen og velg fra listen.';
    case 'ambiguous':
      return `Flere kommuner heter det: ${lookup.labels.join(' og ')}. Velg den riktige fra listen.`;
    case 'not-found':
      return `Fant ingen ${what} som heter «${lookup.text}». Velg fra listen, eller skriv kommunenummeret med fire sifre.`;
  }
};
