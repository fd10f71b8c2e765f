import { addDays, fromOsloLocal, todayIso } from '@klimakommuner/domain';
import { Result } from 'effect';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { createEvent, type NewEvent, transitionEvent } from './event-edit.ts';
import { getEventForEdit } from './events.ts';

// `pnpm dev` (apps/api main.ts) and `pnpm db:seed --demo` (the browser tests) only: a marked demo set of events, so the list, the
// archive, the calendars and the detail pages have something to show. Production seeding adds
// none. One runs across the end of summer time (2026-10-25 01:30–03:30 in Oslo), one is
// cancelled, one lasts all day, one is upcoming without a registration link.

const KEN = 'ken';
const KKO = 'kommunenettverk-for-klimaomstilling';
const DEMO_TEXT = 'Demodata: eksempel laget for utvikling, ikke et ekte arrangement.';

const description = (text: string) => `${text}\n\n_${DEMO_TEXT}_`;
const descriptionHtml = (text: string) => `<p>${text}</p>\n<p><em>${DEMO_TEXT}</em></p>`;

/** The instant a wall-clock time in Oslo stands for (the demo's times are never skipped ones). */
const oslo = (local: string): string => {
  const result = fromOsloLocal(local);
  if (Result.isFailure(result)) throw new Error(`Demo time ${local} is not a time in Oslo`);
  return result.success.instant;
};

const event = (
  title: string,
  text: string,
  fields: Partial<NewEvent> & Pick<NewEvent, 'timing'>,
): NewEvent => ({
  title,
  summary: text,
  description: description(text),
  descriptionHtml: descriptionHtml(text),
  address: null,
  onlineUrl: null,
  organiser: KKO,
  project: null,
  themes: ['utslippskutt'],
  municipalities: [],
  registrationUrl: null,
  registrationDeadline: null,
  capacityNote: '',
  status: 'planned',
  statusNote: '',
  demo: true,
  ...fields,
});

/** The demo events, dated from `today` (except the one across the end of summer time 2026). */
export const demoEvents = (today: string): NewEvent[] => {
  const day = (n: number) => addDays(today, n);
  return [
    event(
      'Nattseminar om energibruk (demo)',
      'Et seminar som går over natten sommertiden slutter: klokken stilles fra 03.00 til 02.00.',
      {
        timing: {
          allDay: false,
          start: '2026-10-24T23:30:00.000Z',
          end: '2026-10-25T02:30:00.000Z',
        },
        onlineUrl: 'https://example.org/nattseminar',
        themes: ['utslippskutt'],
      },
    ),
    event(
      'Klimabudsjett i praksis (demo)',
      'Erfaringer fra kommuner som har brukt klimabudsjett i flere år.',
      {
        timing: {
          allDay: false,
          start: oslo(`${day(14)}T09:00`),
          end: oslo(`${day(14)}T15:30`),
        },
        address: 'Rådhuset i Ås, Skoleveien 1, 1430 Ås',
        organiser: KEN,
        municipalities: ['3218'],
        registrationUrl: 'https://example.org/pamelding-klimabudsjett',
        registrationDeadline: oslo(`${day(7)}T12:00`),
        capacityNote: '40 plasser',
      },
    ),
    event('Ombruksdagen (demo)', 'En hel dag om ombruk av møbler og utstyr i kommunen.', {
      timing: { allDay: true, startDate: day(30), endDate: day(30) },
      address: 'Kulturhuset, Storgata 5',
      themes: ['sirkularitet'],
      project: 'ombruk-i-egen-kommuneorganisasjon',
    }),
    event(
      'Webinar om grønne anskaffelser (demo)',
      'Et webinar om klimakrav i innkjøp; påmeldingslenken kommer.',
      {
        timing: {
          allDay: false,
          start: oslo(`${day(21)}T13:00`),
          end: oslo(`${day(21)}T14:30`),
        },
        onlineUrl: 'https://example.org/webinar-anskaffelser',
        themes: ['anskaffelser'],
      },
    ),
    event(
      'Sykkelbyseminar (demo)',
      'Et seminar om tilrettelegging for sykkel i byer og tettsteder.',
      {
        timing: {
          allDay: false,
          start: oslo(`${day(10)}T10:00`),
          end: oslo(`${day(10)}T12:00`),
        },
        address: 'Bibliotekets storsal',
        organiser: KEN,
        themes: ['mobilitet'],
        registrationUrl: 'https://example.org/pamelding-sykkel',
        status: 'cancelled',
        statusNote: 'Avlyst fordi foredragsholderne er forhindret. Nytt seminar kommer til våren.',
      },
    ),
  ];
};

/** Adds and publishes the demo events once (a second run finds the first and adds none). */
export const seedDemoEvents = async (
  db: Kysely<Database>,
  today: string = todayIso(),
): Promise<{ added: number }> => {
  if ((await getEventForEdit(db, 'nattseminar-om-energibruk-demo')) !== null) {
    return { added: 0 };
  }
  let added = 0;
  for (const draft of demoEvents(today)) {
    const created = await createEvent(db, draft, null);
    if (Result.isFailure(created)) throw created.failure;
    const published = await transitionEvent(
      db,
      { slug: created.success.slug, version: created.success.version, transition: 'publish' },
      null,
    );
    if (Result.isFailure(published)) throw published.failure;
    added += 1;
  }
  return { added };
};
