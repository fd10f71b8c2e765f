import { expect, type Page, test } from '@playwright/test';
import { type Account, accounts } from '../accounts.ts';
import { urls } from '../servers.ts';
import { expectNoAxeViolations } from './axe.ts';
import { editorPage, portalPage, signIn } from './sign-in.ts';

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
  await page.getByLabel('Prosjektstatus', { exact: true }).selectOption({ label: 'Pågår' });
  await page.getByLabel('Startdato', { exact: true }).fill('2026-01-01');
  await page.getByRole('group', { name: 'Tema' }).getByLabel('Utslippskutt').check();
  await page
    .getByRole('group', { name: 'Prosjektledere' })
    .getByLabel(/Ragnhild Waagaard/)
    .check();

  // The preview is the public page with what is typed, not only the description.
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  const preview = page.getByRole('region', { name: 'Forhåndsvisning (ikke lagret)' });
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(preview.locator('.public-preview strong', { hasText: 'felles' })).toBeVisible();
  await expect(preview.getByRole('link', { name: 'Utslippskutt' })).toBeVisible();
  await expect(preview.getByText('Ragnhild Waagaard')).toBeVisible();
  await expect(preview.getByText('Pågår')).toBeVisible();
  await expectNothingRan(page);
  await expect(page.getByLabel('Tittel', { exact: true })).toHaveValue(title);

  await page.getByRole('button', { name: 'Opprett prosjektet' }).click();
  await expect(page.getByText('Prosjektet er opprettet som utkast.')).toBeVisible();
  const projectPath = new URL(page.url()).pathname;
  const slug = projectPath.split('/').pop() ?? '';
  await expectNoAxeViolations(page);

  // The draft is not public yet.
  const anonymous = await portalPage(browser);
  expect((await anonymous.goto(`/prosjekter/${slug}`))?.status()).toBe(404);

  await page.goto(`${projectPath}/deltakere`);
  const add = page.getByRole('region', { name: 'Legg til kommune' });
  for (const number of ['3203', '3201', '3324']) {
    await add.getByLabel('Kommune', { exact: true }).fill(number);
    await add.getByLabel('Deltakelsesstatus', { exact: true }).selectOption({ label: 'Deltar' });
    await add.getByLabel('Fra dato', { exact: true }).fill('2026-02-01');
    await add.getByRole('button', { name: 'Legg til kommune' }).click();
    await expect(page.getByText('Kommunen er lagt til i prosjektet.')).toBeVisible();
  }

  // A municipality outside the network is refused, with the reason in Norwegian next to the field.
  await add.getByLabel('Kommune', { exact: true }).fill('Oslo');
  await add.getByLabel('Fra dato', { exact: true }).fill('2026-02-01');
  await add.getByRole('button', { name: 'Legg til kommune' }).click();
  await expect(page.getByText(/Oslo er ikke medlem av/).first()).toBeVisible();
  await expect(add.getByLabel('Kommune', { exact: true })).toHaveValue('Oslo');
  await expectNoAxeViolations(page);

  const asker = page.getByRole('group', { name: 'Endre deltakelsesstatus for Asker' });
  await asker
    .getByLabel('Deltakelsesstatus', { exact: true })
    .selectOption({ label: 'Gjennomfører' });
  await asker.getByLabel('Fra dato', { exact: true }).fill('2026-03-01');
  await asker.getByRole('button', { name: /Lagre deltakelsesstatus/ }).click();
  await expect(page.getByText('Deltakelsesstatusen er endret.')).toBeVisible();

  const contact = page.getByRole('group', { name: 'Kontaktperson for Asker' });
  await contact
    .getByLabel('Kontaktperson', { exact: true })
    .selectOption({ label: 'Sandra Mauer (Prosjektleder)' });
  await contact.getByRole('button', { name: /Lagre kontaktperson/ }).click();
  await expect(page.getByText('Kontaktpersonen er lagret.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(projectPath);
  await page.getByRole('button', { name: 'Publiser', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ja, publiser' }).click();
  await expect(page.getByText(/Publiseringsstatusen er endret til «Publisert»/)).toBeVisible();
  expect(dialogs).toEqual([]);

  // The public: project, municipality, theme and network pages, each in a fresh browser.
  const fresh = async (path: string) => {
    const p = await portalPage(browser);
    p.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const response = await p.goto(path);
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

test('two editors change one participation cell: the later save meets a conflict and sees both versions', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const cell =
    '/organisasjoner/kommunenettverk-for-klimaomstilling/deltakelse/strategisk-klimaarbeid/3330';
  const cellPage = async (account: Account) => {
    const page = await editorPage(browser, account);
    await page.goto(cell);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Hol i /);
    return page;
  };
  const save = async (
    page: Page,
    status: string,
    since: string,
    button = 'Lagre deltakelsesstatus',
  ) => {
    await page.getByLabel('Deltakelsesstatus', { exact: true }).selectOption({ label: status });
    await page.getByLabel('Fra dato', { exact: true }).fill(since);
    await page.getByRole('button', { name: button }).click();
  };
  const expectConflict = async (page: Page, stored: string, mine: string) => {
    await expect(page.getByText(/Noen andre har endret/).first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Din versjon' })).toBeVisible();
    const storedSection = page.getByRole('region', { name: 'Lagret versjon nå' });
    await expect(storedSection).toContainText(stored);
    await expect(page.getByLabel('Deltakelsesstatus', { exact: true })).toHaveValue(mine);
    await expectNoAxeViolations(page);
  };

  // Both see Hol outside the project; the first adds it, the second's add is a conflict.
  const first = await cellPage(accounts.kkoEditor);
  const second = await cellPage(accounts.admin);
  await save(first, 'Interessert', '2026-01-05');
  await expect(first).toHaveURL(/deltakelse\?lagret=3330/);
  await save(second, 'Deltar', '2026-01-10');
  await expectConflict(second, 'Interessert', 'participating');
  await second.getByRole('button', { name: 'Lagre min versjon likevel' }).click();
  await expect(second).toHaveURL(/deltakelse\?lagret=3330/);

  // Both see the same version; the first saves, the second's save (of that version) is a conflict.
  await first.goto(cell);
  await second.goto(cell);
  await save(first, 'Gjennomfører', '2026-02-01');
  await expect(first).toHaveURL(/deltakelse\?lagret=3330/);
  await save(second, 'Fullført', '2026-02-15');
  await expectConflict(second, 'Gjennomfører', 'completed');
  await second.getByRole('button', { name: 'Lagre min versjon likevel' }).click();
  await expect(second).toHaveURL(/deltakelse\?lagret=3330/);
  await second.goto(cell);
  await expect(second.locator('main')).toContainText('Fullført');
});
