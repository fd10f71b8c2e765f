import { Readable } from 'node:stream';
import {
  createResource,
  type DbHandle,
  getResourceForEdit,
  type NewResource,
  recordFile,
  transitionResource,
} from '@klimakommuner/db';
import { todayIso } from '@klimakommuner/domain';
import { intakeStream, KINDS, type Storage } from '@klimakommuner/files';
import { pdfFile, pngImage, xlsxFile } from '@klimakommuner/files/fixtures';
import { Result } from 'effect';

// `pnpm dev` only (main.ts, NODE_ENV=development): a marked demo set of resources with real small
// files made here (a PDF, a spreadsheet, an image), stored through intake as uploads are, so
// every page of the library has something to show. Production seeding adds none.

const KEN = 'ken';
const KKO = 'kommunenettverk-for-klimaomstilling';
const DEMO_TEXT = 'Demodata: eksempel laget for utvikling, ikke en ekte ressurs.';

/** Stores `bytes` as `organisation`'s upload; the file's id. */
export const store = async (
  handle: DbHandle,
  storage: Storage,
  organisation: string,
  bytes: Buffer,
  altText?: string,
): Promise<string> => {
  const intake = await intakeStream(storage, Readable.from([bytes]), {
    ...(altText === undefined ? {} : { altText }),
  });
  if (!intake.ok) throw new Error(`Demo file refused: ${intake.refusal.message}`);
  const recorded = await recordFile(
    handle.db,
    { file: { ...intake.file, kindLabel: KINDS[intake.file.kind].label }, organisation },
    null,
  );
  if (Result.isFailure(recorded)) throw recorded.failure;
  return intake.file.id;
};

const body = (text: string) => `${text}\n\n_${DEMO_TEXT}_`;
const bodyHtml = (text: string) => `<p>${text}</p>\n<p><em>${DEMO_TEXT}</em></p>`;

/**
 * Adds the demo resources once (a second run finds the first and adds nothing): three
 * published ones with files and links, and one draft. Returns how many it added.
 */
export const seedDemoResources = async (
  handle: DbHandle,
  storage: Storage,
): Promise<{ added: number }> => {
  if ((await getResourceForEdit(handle.db, 'veileder-for-klimabudsjett-demo')) !== null) {
    return { added: 0 };
  }
  const pdf = await store(
    handle,
    storage,
    KEN,
    pdfFile({
      title: 'Veileder for klimabudsjett',
      pages: [
        ['Veileder for klimabudsjett (demo)', 'Slik lager kommunene i Follo et klimabudsjett.'],
        ['Steg 1: Kartlegg utslippene.', 'Steg 2: Velg tiltak og ansvarlige.'],
      ],
    }),
  );
  const sheet = await store(
    handle,
    storage,
    KKO,
    xlsxFile([
      ['Tiltak', 'Kommune', 'Tonn CO2e'],
      ['Ombruk av møbler', 'Gjøvik', 12],
      ['Fossilfri byggeplass', 'Asker', 40],
    ]),
  );
  const image = await store(
    handle,
    storage,
    KKO,
    await pngImage({ width: 800, height: 450 }),
    'Fargefelt som illustrerer ombruk (demobilde)',
  );
  const today = todayIso();
  const resources: NewResource[] = [
    {
      title: 'Veileder for klimabudsjett (demo)',
      summary: 'Hvordan kommunene i Follo setter opp et klimabudsjett, steg for steg.',
      body: body('Veilederen viser hvordan kommunen kartlegger utslipp og velger tiltak.'),
      bodyHtml: bodyHtml('Veilederen viser hvordan kommunen kartlegger utslipp og velger tiltak.'),
      kind: 'guide',
      themes: ['utslippskutt'],
      project: null,
      owner: KEN,
      municipalities: ['3218', '3207'],
      audience: ['advisers', 'leaders'],
      language: 'nb',
      attachments: [{ file: pdf, title: 'Veilederen som PDF', altText: null }],
      links: [],
      publishedOn: '2026-03-01',
      lastReviewedOn: today,
      demo: true,
    },
    {
      title: 'Regneark for ombruksgevinster (demo)',
      summary: 'Et regneark som regner ut utslippskutt av ombruk i kommuneorganisasjonen.',
      body: body('Fyll inn tiltakene og se hvor mye utslippene går ned.'),
      bodyHtml: bodyHtml('Fyll inn tiltakene og se hvor mye utslippene går ned.'),
      kind: 'tool',
      themes: ['sirkularitet'],
      project: 'ombruk-i-egen-kommuneorganisasjon',
      owner: KKO,
      municipalities: ['3407'],
      audience: ['employees'],
      language: 'nb',
      attachments: [
        { file: sheet, title: 'Regnearket', altText: null },
        {
          file: image,
          title: 'Illustrasjon',
          altText: 'Fargefelt som illustrerer ombruk (demobilde)',
        },
      ],
      links: [],
      publishedOn: '2026-05-15',
      lastReviewedOn: null,
      demo: true,
    },
    {
      title: 'Innkjøp med klimakrav: lenkesamling (demo)',
      summary: 'Lenker til maler og veiledere for klimavennlige anskaffelser.',
      body: body('En samling lenker for innkjøpere som vil stille klimakrav.'),
      bodyHtml: bodyHtml('En samling lenker for innkjøpere som vil stille klimakrav.'),
      kind: 'template',
      themes: ['anskaffelser'],
      project: null,
      owner: KKO,
      municipalities: [],
      audience: ['employees'],
      language: 'nb',
      attachments: [],
      links: [{ title: 'Anskaffelser.no', url: 'https://anskaffelser.no/' }],
      publishedOn: '2026-09-01',
      lastReviewedOn: null,
      demo: true,
    },
  ];
  let added = 0;
  for (const resource of resources) {
    const created = await createResource(handle.db, resource, null);
    if (Result.isFailure(created)) throw created.failure;
    const published = await transitionResource(
      handle.db,
      { slug: created.success.slug, version: 1, transition: 'publish' },
      null,
    );
    if (Result.isFailure(published)) throw published.failure;
    added++;
  }
  const draft = await createResource(
    handle.db,
    {
      ...resources[0],
      title: 'Utkast: mal for klimarapport (demo)',
      kind: 'template',
      attachments: [],
      links: [],
      themes: [],
    } as NewResource,
    null,
  );
  if (Result.isFailure(draft)) throw draft.failure;
  return { added: added + 1 };
};
