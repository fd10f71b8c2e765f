import { writeFileSync } from 'node:fs';
import { htmlWithScript, pdfFile, pngImage, svgWithScript } from '@klimakommuner/files/fixtures';
import { expect, type Page, test } from '@playwright/test';
import { accounts } from '../accounts.ts';
import { urls } from '../servers.ts';
import { expectNoAxeViolations } from './axe.ts';
import { sweepTemplates } from './reflow.ts';
import { editorPage, portalPage, signIn } from './sign-in.ts';

// The resource library end to end: an editor makes a resource with a PDF and an image, publishes
// it, and the public finds it by another form of a word, narrows by two facets, opens it and
// downloads the file. Refused uploads say why in Norwegian and keep what was typed; a draft is
// never found.

test.use({ baseURL: urls.admin });

const KKO = 'kommunenettverk-for-klimaomstilling';

const NOT_ALLOWED = /^Filen er ikke en av de tillatte typene \(PDF, Word/;

const readAll = async (stream: NodeJS.ReadableStream): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
};

const fileField = (page: Page) => page.getByLabel('Fil', { exact: true });
const attachmentsGroup = (page: Page) => page.getByRole('group', { name: 'Vedlegg', exact: true });

test('refused uploads say why in Norwegian, keep what was typed and store nothing (without JavaScript)', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await editorPage(browser, accounts.kkoEditor, false);
  await page.goto(`/organisasjoner/${KKO}/ressurser/ny`);
  const title = 'Veileder som ikke får feil vedlegg';
  await page.getByLabel('Tittel', { exact: true }).fill(title);
  await page.getByLabel('Sammendrag', { exact: true }).fill('Skrevet før opplastingen.');

  const pdf = pdfFile({ pages: [['Veileder for klimabudsjett']] });
  // Over the 20 MB limit: a file on disk, as a browser would send it.
  const oversized = test.info().outputPath('stor.pdf');
  writeFileSync(
    oversized,
    Buffer.concat([pdf, Buffer.alloc(20 * 1024 * 1024 + 1024 - pdf.length, 32)]),
  );
  const refused = [
    {
      file: { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: svgWithScript() },
      message: NOT_ALLOWED,
    },
    {
      file: { name: 'rapport.pdf', mimeType: 'application/pdf', buffer: htmlWithScript() },
      message: NOT_ALLOWED,
    },
    // A PDF renamed to .png: an allowed kind, but not the one its name says.
    {
      file: { name: 'kart.png', mimeType: 'image/png', buffer: pdf },
      message:
        'Filen heter .png, men innholdet er PDF. Sjekk at du har valgt riktig fil, eller gi den endelsen .pdf.',
    },
    { file: oversized, message: /^Filen er større enn 20 MB\.$/ },
  ];
  for (const { file, message } of refused) {
    await fileField(page).setInputFiles(file);
    await page.getByRole('button', { name: 'Last opp vedlegget' }).click();
    await expect(page.locator('#newFile-feil')).toHaveText(message);
    await expect(page.getByLabel('Tittel', { exact: true })).toHaveValue(title);
    await expect(page.getByLabel('Sammendrag', { exact: true })).toHaveValue(
      'Skrevet før opplastingen.',
    );
    await expect(attachmentsGroup(page).getByText('Ingen vedlegg ennå.')).toBeVisible();
  }
  // The error summary links to the file field.
  await expect(page.getByRole('link', { name: 'Filen er større enn 20 MB.' })).toHaveAttribute(
    'href',
    '#newFile',
  );

  // Without JavaScript, a file chosen when saving is uploaded with the form.
  await fileField(page).setInputFiles({
    name: 'veileder.pdf',
    mimeType: 'application/pdf',
    buffer: pdf,
  });
  await page.getByRole('button', { name: 'Opprett ressursen' }).click();
  await expect(page.getByText('Ressursen er opprettet som utkast.')).toBeVisible();
  await expect(page.getByLabel('Tittel på vedlegg 1')).toHaveValue('veileder');

  // Publishing it without a theme is refused next to «Tema», linked from the summary; the
  // attachment it has is not asked for.
  await page.getByRole('button', { name: 'Publiser', exact: true }).click();
  await page.getByRole('button', { name: 'Ja, publiser' }).click();
  const noTheme = 'Velg minst ett tema og lagre før ressursen publiseres.';
  await expect(page.getByRole('group', { name: 'Tema' })).toContainText(noTheme);
  await expect(page.getByRole('link', { name: noTheme })).toHaveAttribute('href', '#themes');
  await expect(page.locator('#attachments-feil')).toHaveCount(0);
  await page.context().close();
});

test('an editor uploads a PDF and an image, publishes; the public finds, narrows, opens and downloads it', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const stamp = String(Date.now() % 100000);
  const title = `Mal for klimavennlige anskaffelser ${stamp}`;
  const summary = 'En mal kommunene kan bruke når de kjøper inn med klimakrav.';

  await signIn(page, accounts.kkoEditor);
  await page.goto(`/organisasjoner/${KKO}/ressurser`);
  await page.getByRole('link', { name: 'Ny ressurs' }).click();
  await expect(page).toHaveURL(/\/ressurser\/ny$/);

  await page.getByLabel('Tittel', { exact: true }).fill(title);
  await page.getByLabel('Sammendrag', { exact: true }).fill(summary);
  await page
    .getByLabel('Beskrivelse (Markdown)', { exact: true })
    .fill('Bruk malen i **alle** innkjøp over terskelverdien.');
  await page.getByLabel('Type ressurs', { exact: true }).selectOption({ label: 'Mal' });
  await page.getByRole('group', { name: 'Tema' }).getByLabel('Utslippskutt').check();
  await page.getByLabel('Sist gjennomgått', { exact: true }).fill('2026-10-01');

  // «Last opp vedlegget» without a file: the server says so next to the field (axe with it on).
  await page.getByRole('button', { name: 'Last opp vedlegget' }).click();
  await expect(page.locator('#newFile-feil')).toHaveText('Velg en fil å laste opp.');
  await expect(page.getByLabel('Tittel', { exact: true })).toHaveValue(title);
  await expectNoAxeViolations(page);

  // The PDF, with JavaScript: uploaded first with a progress bar, then added as a row.
  await page.getByLabel('Tittel på vedlegget', { exact: true }).fill('Malen som PDF');
  await fileField(page).setInputFiles({
    name: 'mal.pdf',
    mimeType: 'application/pdf',
    buffer: pdfFile({ pages: [['Klimakrav i offentlige anskaffelser', 'Mal for kommunene']] }),
  });
  await page.getByRole('button', { name: 'Last opp vedlegget' }).click();
  // The answer opens at the attachments and says there what was done, not at the page's top.
  const attachments = page.getByRole('group', { name: 'Vedlegg', exact: true });
  await expect(attachments.getByText('Vedlegget er lagt til.')).toBeVisible();
  await expect(page).toHaveURL(/#attachments$/);
  await expect(attachments).toBeInViewport();
  await expect(page.getByLabel('Tittel på vedlegg 1')).toHaveValue('Malen som PDF');
  await expect(page.getByLabel('Tittel', { exact: true })).toHaveValue(title);

  // An image needs alt text: refused without it, next to the field, everything kept.
  const png = await pngImage({ width: 800, height: 600 });
  await page.getByLabel('Tittel på vedlegget', { exact: true }).fill('Flytskjema');
  await fileField(page).setInputFiles({ name: 'flyt.png', mimeType: 'image/png', buffer: png });
  await page.getByRole('button', { name: 'Last opp vedlegget' }).click();
  await expect(page.locator('.upload-status')).toContainText(/alternativ tekst/i);
  // The last round's «lagt til» does not stand beside the refusal.
  await expect(attachments.getByText('Vedlegget er lagt til.')).toHaveCount(0);
  await expect(page.getByLabel('Tittel på vedlegg 1')).toHaveValue('Malen som PDF');
  await page
    .getByLabel('Alternativ tekst (bare for bilder)', { exact: true })
    .fill('Flytskjema for et innkjøp med klimakrav');
  await page.getByRole('button', { name: 'Last opp vedlegget' }).click();
  await expect(page.getByLabel('Tittel på vedlegg 2')).toHaveValue('Flytskjema');
  await expect(page.getByLabel('Alternativ tekst for bildet i vedlegg 2')).toHaveValue(
    'Flytskjema for et innkjøp med klimakrav',
  );

  // Reorder: the image first, then back.
  await page.getByRole('button', { name: 'Flytt opp vedlegg 2' }).click();
  await expect(page.getByLabel('Tittel på vedlegg 1')).toHaveValue('Flytskjema');
  await expect(attachments.getByText('Vedlegget er flyttet opp.')).toBeInViewport();
  await page.getByRole('button', { name: 'Flytt ned vedlegg 1' }).click();
  await expect(page.getByLabel('Tittel på vedlegg 1')).toHaveValue('Malen som PDF');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Opprett ressursen' }).click();
  await expect(page.getByText('Ressursen er opprettet som utkast.')).toBeVisible();
  const slug = new URL(page.url()).pathname.split('/').pop() ?? '';
  await expect(page.getByLabel('Tittel på vedlegg 2')).toHaveValue('Flytskjema');

  // A draft is not found: neither its page nor in the search.
  const anonymous = await portalPage(browser);
  expect((await anonymous.goto(`/verktoy/${slug}`))?.status()).toBe(404);
  await anonymous.goto(`/verktoy?q=${encodeURIComponent(`anskaffelser ${stamp}`)}`);
  await expect(anonymous.getByRole('link', { name: title })).toHaveCount(0);

  // The preview shows the draft as the public will see it, with its files.
  await page.getByRole('link', { name: 'Forhåndsvis siden slik publikum ser den' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'Flytskjema for et innkjøp med klimakrav' }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goBack();

  // A change not saved yet is not lost to a workflow button: it asks first, and «Avbryt»
  // keeps the change in the field.
  const titleField = page.getByLabel('Tittel', { exact: true });
  await titleField.fill(`${title} (ikke lagret)`);
  await page.getByRole('button', { name: 'Publiser', exact: true }).click();
  const unsaved = page.getByRole('dialog', { name: 'Endringene er ikke lagret' });
  await expect(unsaved).toBeVisible();
  await unsaved.getByRole('button', { name: 'Avbryt' }).click();
  await expect(titleField).toHaveValue(`${title} (ikke lagret)`);
  await titleField.fill(title);

  await page.getByRole('button', { name: 'Publiser', exact: true }).click();
  await unsaved.getByRole('button', { name: 'Fortsett uten å lagre' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ja, publiser' }).click();
  await expect(page.getByText(/Publiseringsstatusen er endret til «Publisert»/)).toBeVisible();

  // The public: another form of the word, two facets, the page, the file.
  const reader = await portalPage(browser, '/verktoy');
  await reader.getByLabel('Søk i verktøy og ressurser').fill('anskaffelse');
  await reader
    .getByRole('search', { name: 'Verktøy og ressurser' })
    .getByRole('button', { name: 'Søk', exact: true })
    .click();
  await expect(reader).toHaveURL(/\/verktoy\?q=anskaffelse$/);
  const facets = reader.getByRole('navigation', { name: 'Filtrer ressursene' });
  await facets
    .getByRole('region', { name: 'Type' })
    .getByRole('link', { name: /^Mal \(\d+\)$/ })
    .click();
  await expect(reader).toHaveURL(/type=template/);
  await facets
    .getByRole('region', { name: 'Tema' })
    .getByRole('link', { name: /^Utslippskutt \(\d+\)$/ })
    .click();
  await expect(reader).toHaveURL(/type=template/);
  await expect(reader).toHaveURL(/tema=/);
  await expect(reader.getByLabel('Søk i verktøy og ressurser')).toHaveValue('anskaffelse');
  const hit = reader
    .getByRole('listitem')
    .filter({ has: reader.getByRole('link', { name: title }) });
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toHaveText(/anskaffelse/i);
  await expect(hit).toContainText('PDF');
  await expectNoAxeViolations(reader);

  await hit.getByRole('link', { name: title }).click();
  await expect(reader.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(reader.locator('dt', { hasText: 'Sist gjennomgått' })).toBeVisible();
  await expect(reader.locator('dd', { hasText: '1. oktober 2026' })).toBeVisible();
  const attachment = reader.getByRole('region', { name: 'Vedlegg' }).getByRole('listitem');
  await expect(attachment).toContainText('Malen som PDF');
  await expect(attachment).toContainText(/\(PDF, \d+(,\d)?\s(byte|kB)\)/);
  await expect(
    reader.getByRole('img', { name: 'Flytskjema for et innkjøp med klimakrav' }),
  ).toHaveAttribute('srcset', /\/filer\/[0-9a-f-]+\/w320 320w/);
  await expect(reader.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  const download = reader.waitForEvent('download');
  await attachment.getByRole('link', { name: /Malen som PDF/ }).click();
  const file = await (await download).createReadStream();
  expect((await readAll(file)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expectNoAxeViolations(reader);

  // Listed on the project-less owner's page and in the sitemap.
  const sitemap = await reader.request.get('/sitemap.xml');
  expect(await sitemap.text()).toContain(`/verktoy/${slug}</loc>`);
  await reader.goto(`/nettverk/${KKO}`);
  await expect(
    reader
      .getByRole('region', { name: /^Verktøy og ressurser fra/ })
      .getByRole('link', { name: title }),
  ).toBeVisible();

  // The new templates reflow at 320 and 1280 px and pass axe, on both apps.
  await sweepTemplates(reader, [
    '/verktoy',
    `/verktoy?q=anskaffelse&type=template`,
    '/verktoy?q=ingenting-slikt-finnes',
    `/verktoy/${slug}`,
  ]);
  await sweepTemplates(page, [
    `/organisasjoner/${KKO}/ressurser`,
    `/organisasjoner/${KKO}/ressurser/ny`,
    `/ressurser/${slug}`,
    `/ressurser/${slug}/forhandsvisning`,
  ]);

  // Deleting asks first; then the resource is gone from the public site.
  await page.goto(`/ressurser/${slug}`);
  await page.getByRole('button', { name: 'Slett ressursen' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('90 dager');
  await dialog.getByRole('button', { name: 'Ja, slett ressursen' }).click();
  await expect(page.getByText('Ressursen er slettet.')).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);
  const after = await portalPage(browser);
  expect((await after.goto(`/verktoy/${slug}`))?.status()).toBe(404);
  await after.context().close();
  await reader.context().close();
  await anonymous.context().close();
});

test('an upload from another site is refused before it reaches the API', async ({ request }) => {
  const response = await request.post(`/organisasjoner/${KKO}/ressurser/opplasting`, {
    headers: { origin: 'https://angriper.example' },
    multipart: {
      file: {
        name: 'veileder.pdf',
        mimeType: 'application/pdf',
        buffer: pdfFile({ pages: [['x']] }),
      },
    },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
});
