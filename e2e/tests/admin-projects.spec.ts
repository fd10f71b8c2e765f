import { expect, type Page, test } from '@playwright/test';
import { accounts } from '../accounts.ts';
import { urls } from '../servers.ts';
import { expectNoAxeViolations } from './axe.ts';
import { signIn } from './sign-in.ts';

test.use({ baseURL: urls.admin });

// Known XSS payloads: none of them may run in the admin preview or on the portal.
const payloads = [
  '<script>window.__xss = "script"</script>',
  '<img src=x onerror="window.__xss = \'img\'">',
  '[klikk](javascript:window.__xss="link")',
  '<svg><script>window.__xss = "svg"</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss = \'mathml\'"></style></mglyph></table></mtext></math>',
  '<a href="javascript:window.__xss=\'a\'">lenke</a>',
];

const expectNothingRan = async (page: Page) => {
  expect(await page.evaluate(() => (window as { __xss?: string }).__xss ?? null)).toBeNull();
  await expect(page.locator('main script')).toHaveCount(0);
  await expect(page.locator('main [onerror]')).toHaveCount(0);
  await expect(page.locator('main a[href^="javascript:"]')).toHaveCount(0);
};

test('an editor creates a project, adds three municipalities, moves one on, publishes; the public sees it everywhere', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const title = `Lokal energideling ${Date.now() % 100000}`;
  const org = 'kommunenettverk-for-klimaomstilling';

  await signIn(page, accounts.kkoEditor);
  await page.goto(`/organisasjoner/${org}/prosjekter`);
  await page.getByRole('link', { name: 'Nytt prosjekt' }).click();
  await expect(page).toHaveURL(/\/prosjekter\/ny$/);
  await expectNoAxeViolations(page);

  await page.getByLabel('Tittel', { exact: true }).fill(title);
  await page
    .getByLabel('Sammendrag', { exact: true })
    .fill('Kommunene deler overskuddsstrøm fra egne bygg.');
  await page
    .getByLabel('Beskrivelse (Markdown)', { exact: true })
    .fill(`Et **felles** prosjekt.\n\n${payloads.join('\n\n')}`);
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Pågår' });
  await page.getByLabel('Startdato', { exact: true }).fill('2026-01-01');
  await page.getByRole('group', { name: 'Tema' }).getByLabel('Utslippskutt').check();
  await page
    .getByRole('group', { name: 'Prosjektledere' })
    .getByLabel(/Ragnhild Waagaard/)
    .check();

  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  await expect(
    page.getByRole('heading', { name: /Forhåndsvisning av beskrivelsen/ }),
  ).toBeVisible();
  await expect(page.locator('main strong', { hasText: 'felles' }).first()).toBeVisible();
  await expectNothingRan(page);
  await expect(page.getByLabel('Tittel', { exact: true })).toHaveValue(title);

  await page.getByRole('button', { name: 'Opprett prosjektet' }).click();
  await expect(page.getByText('Prosjektet er opprettet som utkast.')).toBeVisible();
  const projectPath = new URL(page.url()).pathname;
  const slug = projectPath.split('/').pop() ?? '';
  await expectNoAxeViolations(page);

  // The draft is not public yet.
  const anonymous = await (await browser.newContext()).newPage();
  expect((await anonymous.goto(`${urls.portal}/prosjekter/${slug}`))?.status()).toBe(404);

  await page.goto(`${projectPath}/deltakere`);
  const add = page.getByRole('region', { name: 'Legg til kommune' });
  for (const number of ['3203', '3201', '3324']) {
    await add.getByLabel('Kommunenummer', { exact: true }).fill(number);
    await add.getByLabel('Status', { exact: true }).selectOption({ label: 'Deltar' });
    await add.getByLabel('Fra dato', { exact: true }).fill('2026-02-01');
    await add.getByRole('button', { name: 'Legg til kommune' }).click();
    await expect(page.getByText('Kommunen er lagt til i prosjektet.')).toBeVisible();
  }

  // A municipality outside the network is refused, with the reason in Norwegian next to the field.
  await add.getByLabel('Kommunenummer', { exact: true }).fill('0301');
  await add.getByLabel('Fra dato', { exact: true }).fill('2026-02-01');
  await add.getByRole('button', { name: 'Legg til kommune' }).click();
  await expect(page.getByText(/Oslo er ikke medlem av/).first()).toBeVisible();
  await expect(add.getByLabel('Kommunenummer', { exact: true })).toHaveValue('0301');
  await expectNoAxeViolations(page);

  const asker = page.getByRole('group', { name: 'Endre status for Asker' });
  await asker.getByLabel('Status', { exact: true }).selectOption({ label: 'Gjennomfører' });
  await asker.getByLabel('Fra dato', { exact: true }).fill('2026-03-01');
  await asker.getByRole('button', { name: /Lagre status/ }).click();
  await expect(page.getByText('Statusen er endret.')).toBeVisible();

  const contact = page.getByRole('group', { name: 'Kontaktperson for Asker' });
  await contact
    .getByLabel('Kontaktperson', { exact: true })
    .selectOption({ label: 'Sandra Mauer (Prosjektleder)' });
  await contact.getByRole('button', { name: /Lagre kontaktperson/ }).click();
  await expect(page.getByText('Kontaktpersonen er lagret.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(projectPath);
  await page.getByRole('button', { name: 'Publiser', exact: true }).click();
  await expect(page.getByText(/Statusen er endret til «Publisert»/)).toBeVisible();
  expect(dialogs).toEqual([]);

  // The public: project, municipality, theme and network pages, each in a fresh browser.
  const fresh = async (path: string) => {
    const p = await (await browser.newContext({ javaScriptEnabled: true })).newPage();
    p.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const response = await p.goto(`${urls.portal}${path}`);
    expect(response?.status(), path).toBe(200);
    return p;
  };

  const project = await fresh(`/prosjekter/${slug}`);
  await expect(project.getByRole('heading', { level: 1 })).toHaveText(title);
  const participants = project.getByRole('table', { name: /Deltakende kommuner/ });
  await expect(participants.locator('tbody tr')).toHaveCount(3);
  await expect(participants.getByRole('row', { name: /Asker/ })).toContainText('Gjennomfører');
  await expect(participants.getByRole('row', { name: /Gol/ })).toContainText('Deltar');
  await expect(participants.getByRole('row', { name: /Asker/ })).toContainText('Sandra Mauer');
  await expect(project.getByText('Ragnhild Waagaard').first()).toBeVisible();
  await expectNothingRan(project);
  await expectNoAxeViolations(project);

  const municipality = await fresh('/kommuner/asker');
  await expect(municipality.getByRole('link', { name: title })).toBeVisible();

  const theme = await fresh('/tema/utslippskutt');
  await expect(theme.getByRole('link', { name: title })).toBeVisible();

  const network = await fresh(`/nettverk/${org}`);
  const matrix = network.getByRole('table', { name: /Deltakelse i fellesprosjekter/ });
  await expect(matrix.getByRole('columnheader', { name: title })).toBeVisible();
  await expect(matrix.getByRole('row', { name: /Asker/ })).toContainText('Gjennomfører');
  await expectNoAxeViolations(network);

  const list = await fresh(`/prosjekter?tema=utslippskutt&kommune=3324`);
  await expect(list.getByRole('link', { name: title })).toBeVisible();
  expect(dialogs).toEqual([]);
});

test('the participation matrix editor and people pages pass axe', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, accounts.kkoEditor);
  for (const path of [
    '/organisasjoner/kommunenettverk-for-klimaomstilling/prosjekter',
    '/organisasjoner/kommunenettverk-for-klimaomstilling/deltakelse',
    '/organisasjoner/kommunenettverk-for-klimaomstilling/personer',
  ]) {
    expect((await page.goto(path))?.status(), path).toBe(200);
    await expectNoAxeViolations(page);
  }
});
