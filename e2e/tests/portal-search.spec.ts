import { expect, test } from '@playwright/test';
import { urls } from '../servers.ts';
import { sweepTemplates } from './reflow.ts';

test.use({ baseURL: urls.portal });

// One search over everything (issue 12 item 4): a field in the header of every page, `/sok` with
// one ranked list and the kinds as a facet, the state in the URL, no JavaScript needed.

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header field searches the whole site from any page, on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto('/prosjekter');
    const field = page.getByRole('searchbox', { name: 'Søk på nettstedet' });
    await field.fill('Asker');
    await field.press('Enter');
    await expect(page).toHaveURL(/\/sok\?q=Asker$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Søk');
    await expect(page.getByRole('searchbox', { name: 'Søkeord' })).toHaveValue('Asker');
    const first = page.locator('main ol > li').first();
    await expect(first).toContainText('Kommune');
    await first.getByRole('link', { name: 'Asker', exact: true }).click();
    await expect(page).toHaveURL(/\/kommuner\/asker$/);
  });

  test('the kind facet narrows the list and keeps the words; «Alle» widens it again', async ({
    page,
  }) => {
    await page.goto('/sok?q=kommune');
    const facet = page.getByRole('navigation', { name: 'Filtrer treffene' });
    const projects = facet.getByRole('link', { name: /^Prosjekter \(\d+\)$/ });
    const count = Number(/\((\d+)\)/.exec((await projects.textContent()) ?? '')?.[1]);
    await projects.click();
    await expect(page).toHaveURL(/\/sok\?q=kommune&type=project$/);
    const hits = page.locator('main ol > li');
    await expect(hits).toHaveCount(count);
    for (const kind of await hits.locator('.hit-kind strong').allInnerTexts()) {
      expect(kind).toBe('Prosjekt');
    }
    await expect(facet.locator('a[aria-current="true"]')).toContainText('Prosjekter');
    await facet.getByRole('link', { name: /^Alle/ }).click();
    await expect(page).toHaveURL(/\/sok\?q=kommune$/);
    await expect(page.locator('main')).toContainText('Kommune');
  });

  test('a query that is too long is kept in the field with a Norwegian message next to it', async ({
    page,
  }) => {
    const long = 'klima '.repeat(40).trim();
    await page.goto(`/sok?q=${encodeURIComponent(long)}`);
    const field = page.getByRole('searchbox', { name: 'Søkeord' });
    await expect(field).toHaveValue(long);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#sok-q-error')).toContainText('høyst 200 tegn');
    await expect(page.getByRole('heading', { level: 2, name: 'Ingen treff' })).toBeVisible();
    // The page title holds the first words only, not all 239 characters.
    expect([...(await page.title())].length).toBeLessThan(100);
    // The library's own search says the same next to its field.
    await page.goto(`/verktoy?q=${encodeURIComponent(long)}`);
    const library = page.getByRole('searchbox', { name: 'Søk i verktøy og ressurser' });
    await expect(library).toHaveValue(long);
    await expect(library).toHaveAttribute('aria-invalid', 'true');
    await expect(library).toHaveAccessibleDescription(/høyst 200 tegn/);
  });
});

test('result pages are not for search engines, their links are', async ({ page }) => {
  await page.goto('/sok?q=klima');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, follow');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${urls.portal}/sok`);
  await page.goto('/sok');
  await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
});

test('1.4.10 reflow: /sok, its results and a narrowed list at 320 and 1280 px, axe clean', async ({
  page,
}) => {
  await sweepTemplates(page, [
    '/sok',
    '/sok?q=klima',
    '/sok?q=klima&type=project',
    '/sok?q=zzzqqq',
  ]);
});
