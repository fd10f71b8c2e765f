import { expect, test } from '@playwright/test';
import { urls } from '../servers.ts';
import { expectNoAxeViolations } from './axe.ts';

test.use({ baseURL: urls.admin });

test('the admin overview lists the organisations', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  const main = page.locator('main');
  await expect(
    main.getByRole('link', { name: /Kommunenettverk for klimaomstilling/ }),
  ).toBeVisible();
  await expect(main.getByRole('link', { name: /Akershus fylkeskommune/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Hopp til hovedinnhold' })).toBeAttached();
  await expectNoAxeViolations(page);
});

test('the admin shows an organisation with its members and edits nothing yet', async ({ page }) => {
  await page.goto('/');
  await page
    .locator('main')
    .getByRole('link', { name: /Klima- og energinettverk i Folloregionen|KEN/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'Klima- og energinettverk i Folloregionen',
  );
  await expect(page.locator('main table tbody tr')).toHaveCount(6);
  await expect(page.locator('main form[method="post"]')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('the admin lists the member municipalities', async ({ page }) => {
  const response = await page.goto('/kommuner');
  expect(response?.status()).toBe(200);
  await expect(page.locator('main')).toContainText('Asker');
  await expectNoAxeViolations(page);
});

test('the admin answers an unknown page with a Norwegian 404', async ({ page }) => {
  const response = await page.goto('/finnes-ikke');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/[Ff]ant ikke/);
  await expectNoAxeViolations(page);
});
