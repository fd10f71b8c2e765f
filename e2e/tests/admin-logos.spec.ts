import { pdfFile, pngImage } from '@klimakommuner/files/fixtures';
import { expect, test } from '@playwright/test';
import { accounts } from '../accounts.ts';
import { urls } from '../servers.ts';
import { expectNoAxeViolations } from './axe.ts';
import { portalPage, signIn } from './sign-in.ts';

// The front page is the site's hub (issue 12 item 7): a search field, the latest news, the next
// events, the newest resources, the joint projects, and the three publishers with their logos,
// which administrators set (an image with alt text) and editors cannot.

test.use({ baseURL: urls.admin });

const KEN = 'ken';

test('an administrator gives KEN a logo; the front page shows it with its alt text', async ({
  page,
  browser,
}) => {
  await signIn(page, accounts.admin);
  await page.goto(`/organisasjoner/${KEN}/profil`);
  const logo = page.getByRole('region', { name: 'Logo' });
  await expect(logo).toBeVisible();

  // No alt text and a PDF: both refused, each next to its field, what was typed kept.
  await logo.getByLabel('Alternativ tekst for logoen').fill('');
  await page.locator('#logoFile').setInputFiles({
    name: 'logo.pdf',
    mimeType: 'application/pdf',
    buffer: pdfFile({ pages: [['Ikke en logo']] }),
  });
  await logo.getByRole('button', { name: 'Lagre logoen' }).click();
  await expect(page.locator('#logoAlt')).toHaveAttribute('aria-invalid', 'true');
  await logo.getByLabel('Alternativ tekst for logoen').fill('Logo: KEN – Klima- og energinettverk');
  await page.locator('#logoFile').setInputFiles({
    name: 'logo.pdf',
    mimeType: 'application/pdf',
    buffer: pdfFile({ pages: [['Ikke en logo']] }),
  });
  await logo.getByRole('button', { name: 'Lagre logoen' }).click();
  await expect(page.locator('#logoFile-feil')).toContainText('bilde');
  await expect(page.getByLabel('Alternativ tekst for logoen')).toHaveValue(
    'Logo: KEN – Klima- og energinettverk',
  );
  await expectNoAxeViolations(page);

  await page.locator('#logoFile').setInputFiles({
    name: 'ken.png',
    mimeType: 'image/png',
    buffer: await pngImage({ width: 300, height: 100 }),
  });
  await page.getByRole('button', { name: 'Lagre logoen' }).click();
  await expect(page.getByText('Logoen er lagret.')).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'Logo: KEN – Klima- og energinettverk' }),
  ).toBeVisible();

  const portal = await portalPage(browser, '/');
  const publishers = portal.getByRole('region', { name: 'Utgivere' });
  const image = publishers.getByRole('img', { name: 'Logo: KEN – Klima- og energinettverk' });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expectNoAxeViolations(portal);
});

test('an editor of the organisation sees no logo form and cannot post one', async ({ page }) => {
  await signIn(page, accounts.kkoEditor);
  await page.goto('/organisasjoner/kommunenettverk-for-klimaomstilling/profil');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Profil for');
  await expect(page.getByRole('region', { name: 'Logo' })).toHaveCount(0);
  const response = await page.request.post(
    '/organisasjoner/kommunenettverk-for-klimaomstilling/profil?/fjernlogo',
    { headers: { origin: urls.admin }, form: {} },
  );
  expect(response.status()).toBe(403);
});

test('the front page is the hub: search, news, events, resources, projects and publishers', async ({
  browser,
}) => {
  const portal = await portalPage(browser, '/');
  for (const heading of [
    'Siste nytt',
    'Kommende arrangementer',
    'Nyeste verktøy og ressurser',
    'Fellesprosjekter',
    'Utgivere',
  ]) {
    await expect(portal.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(portal.getByRole('region', { name: 'Fellesprosjekter' }).locator('h3')).toHaveCount(
    6,
  );
  // The demo events (db:seed --demo) are upcoming.
  await expect(
    portal.getByRole('region', { name: 'Kommende arrangementer' }).locator('h3').first(),
  ).toBeVisible();
  await expect(portal.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveCount(1);
  const search = portal.getByRole('search', { name: 'Hele nettstedet' });
  await search.getByRole('searchbox').fill('mobilitet');
  await search.getByRole('button', { name: 'Søk' }).click();
  await expect(portal).toHaveURL(/\/sok\?q=mobilitet$/);
  await expect(portal.getByRole('link', { name: 'Grønn mobilitet', exact: true })).toBeVisible();
});
