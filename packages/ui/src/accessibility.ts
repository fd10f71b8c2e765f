/**
 * The source of the public site's accessibility statement (tilgjengelighetserklæring) and of
 * what the browser tests check: e2e/tests/axe.ts runs axe-core with AXE_TAGS, the reflow sweep
 * (e2e/tests/reflow.ts) uses REFLOW_WIDTHS, and the portal's statement page lists, per WCAG 2.1
 * criterion, the axe-core rules those tags select plus OWN_CHECKS. Change a test here and the
 * statement follows; change what the tests check and STATEMENT_DATE must move with it.
 */

/** The day the statement was last brought in line with the tests. */
export const STATEMENT_DATE = '2026-11-30';

/** The axe-core tags every page template is tested with (WCAG 2.0 and 2.1, levels A and AA). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/** Viewport widths (CSS px) at which no page may scroll sideways; 320 px is WCAG's reflow width. */
export const REFLOW_WIDTHS = [320, 1280] as const;

export interface Criterion {
  readonly id: string;
  readonly name: string;
  readonly level: 'A' | 'AA';
}

const c = (id: string, name: string, level: 'A' | 'AA'): Criterion => ({ id, name, level });

/** WCAG 2.1, levels A and AA, with the Norwegian names Tilsynet for universell utforming uses. */
export const WCAG21_CRITERIA: readonly Criterion[] = [
  c('1.1.1', 'Ikke-tekstlig innhold', 'A'),
  c('1.2.1', 'Bare lyd og bare video (forhåndsinnspilt)', 'A'),
  c('1.2.2', 'Teksting (forhåndsinnspilt)', 'A'),
  c('1.2.3', 'Synstolking eller mediealternativ (forhåndsinnspilt)', 'A'),
  c('1.2.4', 'Teksting (direkte)', 'AA'),
  c('1.2.5', 'Synstolking (forhåndsinnspilt)', 'AA'),
  c('1.3.1', 'Informasjon og relasjoner', 'A'),
  c('1.3.2', 'Meningsfylt rekkefølge', 'A'),
  c('1.3.3', 'Sensoriske egenskaper', 'A'),
  c('1.3.4', 'Visningsretning', 'AA'),
  c('1.3.5', 'Identifiser formål med inndata', 'AA'),
  c('1.4.1', 'Bruk av farge', 'A'),
  c('1.4.2', 'Styring av lyd', 'A'),
  c('1.4.3', 'Kontrast (minimum)', 'AA'),
  c('1.4.4', 'Endring av tekststørrelse', 'AA'),
  c('1.4.5', 'Bilder av tekst', 'AA'),
  c('1.4.10', 'Dynamisk tilpasning (Reflow)', 'AA'),
  c('1.4.11', 'Kontrast for ikke-tekstlig innhold', 'AA'),
  c('1.4.12', 'Tekstavstand', 'AA'),
  c('1.4.13', 'Pekerbevegelse eller fokus som utløser innhold', 'AA'),
  c('2.1.1', 'Tastatur', 'A'),
  c('2.1.2', 'Ingen tastaturfelle', 'A'),
  c('2.1.4', 'Hurtigtaster som består av ett tegn', 'A'),
  c('2.2.1', 'Justerbar hastighet', 'A'),
  c('2.2.2', 'Pause, stopp, skjul', 'A'),
  c('2.3.1', 'Terskelverdi på maksimalt tre glimt', 'A'),
  c('2.4.1', 'Hoppe over blokker', 'A'),
  c('2.4.2', 'Sidetittel', 'A'),
  c('2.4.3', 'Fokusrekkefølge', 'A'),
  c('2.4.4', 'Formål med lenke (i kontekst)', 'A'),
  c('2.4.5', 'Flere måter', 'AA'),
  c('2.4.6', 'Overskrifter og ledetekster', 'AA'),
  c('2.4.7', 'Synlig fokus', 'AA'),
  c('2.5.1', 'Pekerbevegelser', 'A'),
  c('2.5.2', 'Pekeravbrytelse', 'A'),
  c('2.5.3', 'Ledetekst i navn', 'A'),
  c('2.5.4', 'Bevegelsesaktivering', 'A'),
  c('3.1.1', 'Språk på siden', 'A'),
  c('3.1.2', 'Språk på deler av innhold', 'AA'),
  c('3.2.1', 'Fokus', 'A'),
  c('3.2.2', 'Inndata', 'A'),
  c('3.2.3', 'Konsekvent navigering', 'AA'),
  c('3.2.4', 'Konsekvent identifikasjon', 'AA'),
  c('3.3.1', 'Identifikasjon av feil', 'A'),
  c('3.3.2', 'Ledetekster eller instruksjoner', 'A'),
  c('3.3.3', 'Forslag ved feil', 'AA'),
  c('3.3.4', 'Forhindring av feil (juridiske feil, økonomiske feil, datafeil)', 'AA'),
  c('4.1.1', 'Parsing (oppdeling)', 'A'),
  c('4.1.2', 'Navn, rolle, verdi', 'A'),
  c('4.1.3', 'Statusbeskjeder', 'AA'),
];

/** What the portal's own browser tests check beyond axe-core, by criterion (e2e/tests). */
export const OWN_CHECKS: Readonly<Record<string, readonly string[]>> = {
  '1.4.10': [
    `Ingen sidemal ruller sideveis ved ${REFLOW_WIDTHS.join(' og ')} CSS-piksler bredde; brede tabeller ruller i et eget område med synlig hint.`,
  ],
  '2.1.1': ['Tabeller som ruller sideveis, kan få fokus og rulles med tastaturet.'],
  '2.4.1': ['Hver side har lenken «Hopp til hovedinnhold».'],
  '2.4.2': ['Hver side har en egen tittel.'],
  '3.1.1': ['Hver side er merket med norsk bokmål (lang="nb").'],
};

/** Criteria that were judged by hand not to apply to the site as it is, and why. */
export const NOT_APPLICABLE: Readonly<Record<string, string>> = {
  '1.2.1': 'Nettstedet har ikke lyd eller video.',
  '1.2.2': 'Nettstedet har ikke lyd eller video.',
  '1.2.3': 'Nettstedet har ikke lyd eller video.',
  '1.2.4': 'Nettstedet har ikke lyd eller video.',
  '1.2.5': 'Nettstedet har ikke lyd eller video.',
  '1.4.2': 'Nettstedet spiller ikke av lyd.',
  '2.2.1': 'Nettstedet har ingen tidsbegrensninger.',
  '2.3.1': 'Nettstedet har ikke innhold som blinker.',
  '3.3.4': 'Nettstedet har ingen skjemaer som gir juridiske eller økonomiske forpliktelser.',
};

/** What is known not to be right, or not yet checked; say it plainly. */
export const KNOWN_DEVIATIONS: readonly string[] = [
  'Kravene som ikke testes automatisk, er ikke gjennomgått manuelt i sin helhet ennå, blant annet med skjermleser. De er derfor ikke bekreftet oppfylt.',
  'Orddeling av lange ord avhenger av nettleseren: der nettleseren ikke kan dele norske ord, brytes de uten bindestrek.',
];

export interface AxeRuleInfo {
  readonly ruleId: string;
  readonly tags: readonly string[];
}

export interface CriterionCoverage extends Criterion {
  /** axe-core rules (run with AXE_TAGS) that test part of the criterion. */
  readonly axeRules: readonly string[];
  readonly ownChecks: readonly string[];
  /** Why it does not apply, when that was judged by hand. */
  readonly notApplicable: string | null;
}

/** 'wcag143' → '1.4.3', 'wcag1410' → '1.4.10'; other tags → null. */
export const criterionOfTag = (tag: string): string | null => {
  const match = /^wcag(\d)(\d)(\d{1,2})$/.exec(tag);
  return match ? `${match[1]}.${match[2]}.${match[3]}` : null;
};

/** Every criterion with what tests it: the axe-core rules given (from AXE_TAGS) and our own. */
export const coverage = (axeRules: readonly AxeRuleInfo[]): CriterionCoverage[] =>
  WCAG21_CRITERIA.map((criterion) => ({
    ...criterion,
    axeRules: axeRules
      .filter((rule) => rule.tags.some((tag) => criterionOfTag(tag) === criterion.id))
      .map((rule) => rule.ruleId)
      .sort(),
    ownChecks: OWN_CHECKS[criterion.id] ?? [],
    notApplicable: NOT_APPLICABLE[criterion.id] ?? null,
  }));
