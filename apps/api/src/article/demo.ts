import {
  createArticle,
  type DbHandle,
  getArticleForEdit,
  type NewArticle,
  transitionArticle,
} from '@klimakommuner/db';
import type { Storage } from '@klimakommuner/files';
import { pngImage } from '@klimakommuner/files/fixtures';
import { Result } from 'effect';
import { store } from '../resource/demo.ts';

// `pnpm dev` only (main.ts, NODE_ENV=development): marked demo articles, two with images made
// here and stored through intake as uploads are, so /aktuelt, the feeds and the «Siste nytt»
// blocks have something to show. Production seeding adds none.

const KEN = 'ken';
const KKO = 'kommunenettverk-for-klimaomstilling';
const DEMO_TEXT = 'Demodata: eksempel laget for utvikling, ikke en ekte nyhet.';
const FIRST = 'felles-klimaregnskap-i-follo-demo';

const body = (text: string) => `${text}\n\n_${DEMO_TEXT}_`;
const bodyHtml = (text: string) => `<p>${text}</p>\n<p><em>${DEMO_TEXT}</em></p>`;

const article = (fields: Omit<NewArticle, 'body' | 'bodyHtml' | 'demo'> & { text: string }) => {
  const { text, ...rest } = fields;
  return { ...rest, body: body(text), bodyHtml: bodyHtml(text), demo: true } as NewArticle;
};

/**
 * Adds the demo articles once (a second run finds the first and adds nothing): four published
 * ones (publication times a few days apart, two with images) and one waiting in review. Returns
 * how many it added.
 */
export const seedDemoArticles = async (
  handle: DbHandle,
  storage: Storage,
  now: Date = new Date(),
): Promise<{ added: number }> => {
  if ((await getArticleForEdit(handle.db, FIRST)) !== null) return { added: 0 };
  const roof = await store(
    handle,
    storage,
    KEN,
    await pngImage({ width: 1280, height: 720 }),
    'Fargefelt som illustrerer solceller på et tak (demobilde)',
  );
  const chairs = await store(
    handle,
    storage,
    KKO,
    await pngImage({ width: 960, height: 640 }),
    'Fargefelt som illustrerer brukte kontorstoler (demobilde)',
  );
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const published: [NewArticle, string][] = [
    [
      article({
        title: 'Felles klimaregnskap i Follo (demo)',
        lead: 'Kommunene i Follo har fått et felles klimaregnskap som viser utslippene sektor for sektor.',
        text: 'Klimaregnskapet gjør det lettere å velge tiltak som virker, og å følge med år for år.',
        image: {
          file: roof,
          altText: 'Fargefelt som illustrerer solceller på et tak (demobilde)',
          credit: 'Illustrasjon: Klimakommuner (demo)',
        },
        publisher: KEN,
        project: null,
        themes: ['utslippskutt'],
        municipalities: ['3218', '3207'],
        author: { name: 'Kari Nordmann (demo)', person: null },
      }),
      daysAgo(2),
    ],
    [
      article({
        title: 'Ombruk av kontormøbler sparer penger og utslipp (demo)',
        lead: 'Kommunene i ombruksprosjektet har tatt vare på over tusen kontorstoler i år.',
        text: 'Møblene repareres og flyttes mellom kommunene i stedet for å kjøpes nye.',
        image: {
          file: chairs,
          altText: 'Fargefelt som illustrerer brukte kontorstoler (demobilde)',
          credit: 'Foto: Ola Hansen (demo)',
        },
        publisher: KKO,
        project: 'ombruk-i-egen-kommuneorganisasjon',
        themes: ['sirkularitet'],
        municipalities: ['3407'],
        author: { name: 'Ola Hansen (demo)', person: null },
      }),
      daysAgo(5),
    ],
    [
      article({
        title: 'Nettverksmøte om fossilfri transport (demo)',
        lead: 'Nettverket samler klimarådgiverne til et møte om fossilfri transport i kommunene.',
        text: 'Møtet tar for seg erfaringer fra kommuner som har gått over til elektriske tjenestebiler.',
        image: null,
        publisher: KKO,
        project: null,
        themes: ['mobilitet'],
        municipalities: [],
        author: null,
      }),
      daysAgo(9),
    ],
    [
      article({
        title: 'Grønne anskaffelser: nye maler (demo)',
        lead: 'Innkjøperne har fått nye maler for klimakrav i anbud.',
        text: 'Malene er laget sammen med kommunene som har prøvd dem i praksis.',
        image: null,
        publisher: KEN,
        project: null,
        themes: ['anskaffelser'],
        municipalities: [],
        author: null,
      }),
      daysAgo(14),
    ],
  ];
  let added = 0;
  for (const [draft, publishAt] of published) {
    const created = await createArticle(handle.db, draft, null);
    if (Result.isFailure(created)) throw created.failure;
    const moved = await transitionArticle(
      handle.db,
      { slug: created.success.slug, version: 1, transition: 'publish', publishAt },
      null,
    );
    if (Result.isFailure(moved)) throw moved.failure;
    added++;
  }
  const review = await createArticle(
    handle.db,
    article({
      title: 'Utkast: klimabudsjett for 2027 (demo)',
      lead: 'Et utkast som venter på godkjenning.',
      text: 'Teksten er ikke ferdig ennå.',
      image: null,
      publisher: KEN,
      project: null,
      themes: [],
      municipalities: [],
      author: null,
    }),
    null,
  );
  if (Result.isFailure(review)) throw review.failure;
  const submitted = await transitionArticle(
    handle.db,
    { slug: review.success.slug, version: 1, transition: 'submit' },
    null,
  );
  if (Result.isFailure(submitted)) throw submitted.failure;
  return { added: added + 1 };
};
