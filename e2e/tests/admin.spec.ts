import { expect, test } from '@playwright/test';
import { accounts } from '../accounts.ts';
import { urls } from '../servers.ts';
import { expectNoAxeViolations } from './axe.ts';
import { portalPage, signIn } from './sign-in.ts';

test.use({ baseURL: urls.admin });

test('anonymous visitors are sent to sign in; a wrong password keeps the email and explains', async ({
  page,
}) => {
  await page.goto('/organisasjoner/ken');
  await expect(page).toHaveURL(/\/logg-inn\?til=/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logg inn');
  await expectNoAxeViolations(page);

  await page.getByLabel('E-post', { exact: true }).fill(accounts.kenEditor.email);
  await page.getByLabel('Passord', { exact: true }).fill('ikke-det-riktige-passordet');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByText('Feil e-post eller passord.').first()).toBeVisible();
  await expect(page.getByLabel('E-post', { exact: true })).toHaveValue(accounts.kenEditor.email);
  await expect(page.getByLabel('Passord', { exact: true })).toHaveValue('');
  await expectNoAxeViolations(page);
});

test('admin pages have a CSP without inline scripts and refuse framing', async ({ page }) => {
  const response = await page.goto('/logg-inn');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
});

test('a cross-site form post is refused', async ({ request }) => {
  const response = await request.post('/logg-inn', {
    headers: {
      origin: 'https://angriper.example',
      'content-type': 'application/x-www-form-urlencoded',
    },
    data: `email=${encodeURIComponent(accounts.admin.email)}&password=x`,
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
});

test('an editor edits and publishes the profile, and the portal shows it', async ({ page }) => {
  await signIn(page, accounts.kkoEditor);
  await expectNoAxeViolations(page);
  await page.goto('/organisasjoner/kommunenettverk-for-klimaomstilling/profil');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Profil for Kommunenettverk');
  const description = `Nettverket samler kommuner som **kutter utslipp** sammen. Sjekk ${Date.now()}`;
  await page
    .getByLabel('Beskrivelse', { exact: true })
    .fill(`${description}\n\n<script>alert(1)</script>`);
  await page.getByLabel('Nettsted', { exact: true }).fill('https://klimaomstilling.no');
  await page.getByLabel('E-post for kontakt', { exact: true }).fill('post@klimaomstilling.no');
  // «Forhåndsvis» shows the unsaved text as it will look, sanitised, and keeps every field.
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  const preview = page.getByRole('region', { name: 'Forhåndsvisning av teksten du har skrevet' });
  await expect(preview.locator('strong', { hasText: 'kutter utslipp' })).toBeVisible();
  await expect(preview.locator('script')).toHaveCount(0);
  await expect(page.getByLabel('Nettsted', { exact: true })).toHaveValue(
    'https://klimaomstilling.no',
  );
  await expect(page.getByLabel('Beskrivelse', { exact: true })).toHaveValue(
    `${description}\n\n<script>alert(1)</script>`,
  );
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Lagre profilen' }).click();
  await expect(page.getByText('Profilen er lagret.')).toBeVisible();
  await expectNoAxeViolations(page);

  // A bad website keeps what was typed and explains next to the field.
  await page.getByLabel('Nettsted', { exact: true }).fill('ikke en adresse');
  await page.getByRole('button', { name: 'Lagre profilen' }).click();
  await expect(page.getByLabel('Nettsted', { exact: true })).toHaveValue('ikke en adresse');
  await expect(page.getByLabel('Nettsted', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expectNoAxeViolations(page);

  await page.goto('/organisasjoner/kommunenettverk-for-klimaomstilling/profil');
  await page.getByRole('button', { name: 'Publiser', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ja, publiser' }).click();
  await expect(page.getByText(/Publiseringsstatusen er endret til/)).toBeVisible();

  const portal = await page.context().newPage();
  await portal.goto(`${urls.portal}/nettverk/kommunenettverk-for-klimaomstilling`);
  await expect(portal.locator('main')).toContainText('kutter utslipp');
  await expect(portal.locator('main strong', { hasText: 'kutter utslipp' })).toBeVisible();
  await expect(portal.locator('main script')).toHaveCount(0);
  await expect(portal.getByRole('link', { name: 'https://klimaomstilling.no' })).toBeVisible();

  await page.goto('/historikk/organisation/kommunenettverk-for-klimaomstilling');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Historikk');
  await expectNoAxeViolations(page);
});

test('two tabs: the second save meets a conflict and keeps what was typed', async ({ context }) => {
  const first = await context.newPage();
  await signIn(first, accounts.admin);
  const second = await context.newPage();
  const form = '/organisasjoner/akershus-fylkeskommune/profil';
  await first.goto(form);
  await second.goto(form);

  await first.getByLabel('Beskrivelse', { exact: true }).fill('Skrevet i den første fanen.');
  await first.getByRole('button', { name: 'Lagre profilen' }).click();
  await expect(first.getByText('Profilen er lagret.')).toBeVisible();

  await second.getByLabel('Beskrivelse', { exact: true }).fill('Skrevet i den andre fanen.');
  await second.getByRole('button', { name: 'Lagre profilen' }).click();
  await expect(second.getByText(/Noen andre har endret/).first()).toBeVisible();
  await expect(second.getByRole('heading', { name: 'Din versjon' })).toBeVisible();
  await expect(second.getByRole('heading', { name: 'Lagret versjon nå' })).toBeVisible();
  await expect(second.getByLabel('Beskrivelse', { exact: true })).toHaveValue(
    'Skrevet i den andre fanen.',
  );
  await expect(second.locator('main')).toContainText('Skrevet i den første fanen.');
  await expectNoAxeViolations(second);

  await second.getByRole('button', { name: 'Lagre min versjon likevel' }).click();
  await expect(second.getByText('Profilen er lagret.')).toBeVisible();
  await expect(second.getByLabel('Beskrivelse', { exact: true })).toHaveValue(
    'Skrevet i den andre fanen.',
  );
});

test('an editor adds a member and ends the membership; the portal follows', async ({
  page,
  browser,
}) => {
  await signIn(page, accounts.kenEditor);
  await page.goto('/organisasjoner/ken/medlemmer');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Medlemskap i');
  await expectNoAxeViolations(page);

  // An overlapping membership is refused with the rule explained next to the field.
  await page.getByLabel('Kommune eller region', { exact: true }).fill('3207');
  await page.getByLabel('Medlem fra', { exact: true }).fill('2024-01-01');
  await page.getByRole('button', { name: 'Legg til medlem' }).click();
  await expect(page.getByText(/overlapp|allerede/i).first()).toBeVisible();
  await expect(page.getByLabel('Kommune eller region', { exact: true })).toHaveValue('3207');
  await expectNoAxeViolations(page);

  await page.getByLabel('Kommune eller region', { exact: true }).fill('Oslo');
  await page.getByLabel('Medlem fra', { exact: true }).fill('2025-01-01');
  await page.getByRole('button', { name: 'Legg til medlem' }).click();
  await expect(page).toHaveURL(/lagt-til=1/);

  // Public pages may be cached by the browser for a minute: look with a fresh one each time.
  let portal = await portalPage(browser, '/kommuner?nettverk=ken');
  await expect(portal.locator('main table tbody tr')).toHaveCount(7);
  await portal.goto('/kommuner/oslo');
  await expect(
    portal.locator('main').getByRole('link', { name: /Klima- og energinettverk/ }),
  ).toBeVisible();

  await page.getByLabel('Siste dag for Oslo (0301)').fill('2025-12-31');
  await page
    .locator('form', { has: page.getByLabel('Siste dag for Oslo (0301)') })
    .getByRole('button', { name: 'Avslutt' })
    .click();
  await expect(page).toHaveURL(/avsluttet=1/);
  portal = await portalPage(browser, '/kommuner?nettverk=ken');
  await expect(portal.locator('main table tbody tr')).toHaveCount(6);
});

test('an editor of one organisation cannot change another', async ({ page }) => {
  await signIn(page, accounts.kenEditor);
  const response = await page.goto('/organisasjoner/kommunenettverk-for-klimaomstilling/profil');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ingen tilgang');
  await expectNoAxeViolations(page);
  expect((await page.goto('/brukere'))?.status()).toBe(403);
});

test('every administrator page passes axe', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, accounts.admin);
  for (const path of [
    '/',
    '/organisasjoner/ken',
    '/organisasjoner/ken/profil',
    '/organisasjoner/ken/medlemmer',
    '/kommuner',
    '/brukere',
    '/tokener',
    '/logg',
    '/meg',
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  }
  await page.goto('/brukere');
  await page.locator('main table a').first().click();
  await expect(page).toHaveURL(/\/brukere\/.+/);
  await expectNoAxeViolations(page);

  const missing = await page.goto('/finnes-ikke');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/[Ff]ant ikke/);
  await expectNoAxeViolations(page);
});

test('signing out ends the session on the server', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: urls.admin });
  const page = await context.newPage();
  await signIn(page, accounts.kkoEditor);
  const before = await context.cookies();
  expect(before.find((c) => c.name.includes('kk_session'))?.httpOnly).toBe(true);

  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page).toHaveURL(/\/logg-inn/);
  await expect(page.getByText('Du er logget ut.')).toBeVisible();

  // The old cookie, replayed from another browser, no longer opens anything.
  const replay = await browser.newContext({ baseURL: urls.admin });
  await replay.addCookies(before);
  const stolen = await replay.newPage();
  await stolen.goto('/meg');
  await expect(stolen).toHaveURL(/\/logg-inn/);
  await replay.close();
  await context.close();
});

test('after signing in, only a path on this site is followed; anything else ends on the dashboard', async ({
  page,
}) => {
  const signInWith = async (til: string) => {
    await page.context().clearCookies();
    await page.goto(`/logg-inn?til=${til}`);
    await page.getByLabel('E-post', { exact: true }).fill(accounts.kenEditor.email);
    await page.getByLabel('Passord', { exact: true }).fill(accounts.kenEditor.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
  };
  // Written into the address as an attacker's link would: raw, and percent-encoded.
  for (const til of [
    '//evil.example',
    '/..//evil.example',
    '/%5Cevil.example',
    encodeURIComponent('/\\evil.example'),
    encodeURIComponent('/%2F%2Fevil.example'),
    encodeURIComponent('/\t/evil.example'),
    'javascript:alert(1)',
  ]) {
    await signInWith(til);
    await expect(page, til).toHaveURL(`${urls.admin}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Oversikt');
  }
  await signInWith(encodeURIComponent('/organisasjoner/ken/profil'));
  await expect(page).toHaveURL(`${urls.admin}/organisasjoner/ken/profil`);
});
