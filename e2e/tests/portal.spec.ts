import { expect, test } from '@playwright/test';
import { urls } from '../servers.ts';
import { expectNoAxeViolations } from './axe.ts';

test.use({ baseURL: urls.portal });

const pages = [
  ['/', 'Klimakommuner'],
  ['/nettverk', 'Nettverk'],
  ['/nettverk/kommunenettverk-for-klimaomstilling', 'Kommunenettverk for klimaomstilling'],
  ['/nettverk/ken', 'Klima- og energinettverk i Folloregionen'],
  ['/nettverk/akershus-fylkeskommune', 'Akershus fylkeskommune'],
  ['/kommuner', 'Kommuner'],
  ['/kommuner?nettverk=ken', 'Kommuner'],
  ['/kommuner?fylke=abc', 'Kommuner'],
  ['/kommuner/asker', 'Asker'],
  ['/kommuner/al', 'Ål'],
  ['/prosjekter', 'Prosjekter'],
  ['/prosjekter?status=ongoing', 'Prosjekter'],
  ['/prosjekter/ombruk-i-egen-kommuneorganisasjon', 'Ombruk i egen kommuneorganisasjon'],
  ['/tema', 'Tema'],
  ['/tema/sirkularitet', 'Sirkularitet'],
] as const;

for (const [path, heading] of pages) {
  test(`${path} renders in Norwegian, with a unique title and no axe violations`, async ({
    page,
  }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
    await expect(page.getByRole('link', { name: 'Hopp til hovedinnhold' })).toBeAttached();
    await expect(page.locator('main#main')).toBeVisible();
    expect(await page.title()).toMatch(/Klimakommuner/);
    await expectNoAxeViolations(page);
  });
}

test('every page has its own title', async ({ page }) => {
  const titles = new Set<string>();
  const distinct = pages.filter(([path]) => !path.includes('?'));
  for (const [path] of distinct) {
    await page.goto(path);
    titles.add(await page.title());
  }
  expect(titles.size).toBe(distinct.length);
});

test('the front page introduces the three publishers', async ({ page }) => {
  await page.goto('/');
  const main = page.getByRole('region', { name: 'Utgivere' });
  await expect(
    main.getByRole('link', { name: /Kommunenettverk for klimaomstilling/ }),
  ).toBeVisible();
  await expect(
    main.getByRole('link', { name: /Klima- og energinettverk i Folloregionen|KEN/ }).first(),
  ).toBeVisible();
  await expect(main.getByRole('link', { name: /Akershus fylkeskommune/ })).toBeVisible();
});

test('a network page lists its members, the Hallingdal municipalities under their region', async ({
  page,
}) => {
  await page.goto('/nettverk/kommunenettverk-for-klimaomstilling');
  const main = page.getByRole('region', { name: 'Medlemmer', exact: true });
  for (const name of ['Asker', 'Bærum', 'Drammen', 'Gjøvik', 'Aurskog-Høland']) {
    await expect(main.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(main.getByText(/Hallingdalsregionen/).first()).toBeVisible();
  for (const name of ['Gol', 'Hemsedal', 'Ål', 'Hol', 'Flå', 'Nesbyen']) {
    await expect(main.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(main.getByText('3203')).toBeVisible();
});

test('the municipality list shows all 30 member municipalities with numbers and counties', async ({
  page,
}) => {
  await page.goto('/kommuner');
  const rows = page.locator('main table tbody tr');
  await expect(rows).toHaveCount(30);
  const asker = rows.filter({ hasText: 'Asker' });
  await expect(asker).toContainText('3203');
  await expect(asker).toContainText('Akershus');
  await expect(asker).toContainText('98 815');
  const aal = rows.filter({ has: page.getByRole('link', { name: 'Ål', exact: true }) });
  await expect(aal).toContainText('3328');
  await expect(aal).toContainText('Buskerud');
});

test('a municipality page shows number, county, population and memberships', async ({ page }) => {
  await page.goto('/kommuner/al');
  const main = page.locator('main');
  await expect(main).toContainText('3328');
  await expect(main).toContainText('Buskerud');
  await expect(
    page
      .getByRole('region', { name: 'Medlemskap' })
      .getByRole('link', { name: /Kommunenettverk for klimaomstilling/ }),
  ).toBeVisible();
  await expect(main).toContainText(/Hallingdalsregionen/);
});

test('an unknown page answers with a Norwegian 404', async ({ page }) => {
  for (const path of ['/finnes-ikke', '/kommuner/finnes-ikke', '/nettverk/finnes-ikke']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/[Ff]ant ikke/);
    await expectNoAxeViolations(page);
  }
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the filters work as a plain GET form', async ({ page }) => {
    await page.goto('/kommuner');
    await page.getByLabel('Nettverk', { exact: true }).selectOption('ken');
    await page.getByRole('button', { name: 'Vis kommuner' }).click();
    await expect(page).toHaveURL(/nettverk=ken/);
    const rows = page.locator('main table tbody tr');
    await expect(rows).toHaveCount(6);
    await expect(rows.filter({ hasText: 'Nordre Follo' })).toHaveCount(1);

    await page
      .getByLabel('Nettverk', { exact: true })
      .selectOption('kommunenettverk-for-klimaomstilling');
    await page.getByLabel('Fylke', { exact: true }).selectOption('34');
    await page.getByRole('button', { name: 'Vis kommuner' }).click();
    await expect(page).toHaveURL(/fylke=34/);
    await expect(rows.filter({ hasText: 'Gjøvik' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Asker' })).toHaveCount(0);
  });

  test('the project filters work as a plain GET form', async ({ page }) => {
    await page.goto('/prosjekter');
    await expect(page.locator('main')).toContainText('Viser 6 prosjekter');
    await page.getByLabel('Tema', { exact: true }).selectOption('mobilitet');
    await page.getByRole('button', { name: 'Vis prosjekter' }).click();
    await expect(page).toHaveURL(/tema=mobilitet/);
    await expect(page.locator('main')).toContainText('Viser 1 prosjekt');
    await expect(page.getByRole('link', { name: 'Grønn mobilitet' })).toBeVisible();

    for (const query of ['status=Pågår', 'tema=finnes-ikke', 'kommune=9999']) {
      expect((await page.goto(`/prosjekter?${query}`))?.status()).toBe(200);
      await expect(page.locator('main')).toContainText('Ingen prosjekter passer til filteret.');
    }
  });

  test('a filter that makes no sense shows an empty result with a message', async ({ page }) => {
    for (const query of ['fylke=abc', 'nettverk=finnes-ikke', 'fylke=03']) {
      const response = await page.goto(`/kommuner?${query}`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('main')).toContainText('Ingen kommuner passer til filteret');
      await expect(page.locator('main table tbody tr')).toHaveCount(0);
    }
  });
});

test('the portal sends a Content-Security-Policy without inline scripts, and no CSP violation happens', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto('/kommuner');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toMatch(/script-src 'self'/);
  expect(csp).not.toContain('unsafe-inline');
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  expect(response?.headers()['referrer-policy']).toBeTruthy();
  await page.goto('/nettverk/kommunenettverk-for-klimaomstilling');
  expect(violations).toEqual([]);
});

test('a page the cache holds is answered the same, with its ETag, and 304 when the browser has it', async ({
  request,
}) => {
  const path = '/tema/sirkularitet';
  const first = await request.get(path);
  expect(first.status()).toBe(200);
  const etag = first.headers().etag ?? '';
  expect(etag).toMatch(/^"/);
  // The second request finds it in the cache (answered by server.js before SvelteKit).
  const second = await request.get(path);
  expect(second.status()).toBe(200);
  expect(second.headers()['x-cache']).toBe('hit');
  expect(await second.text()).toBe(await first.text());
  for (const header of ['content-security-policy', 'x-content-type-options', 'cache-control']) {
    expect(second.headers()[header], header).toBe(first.headers()[header]);
  }
  const revalidated = await request.get(path, { headers: { 'If-None-Match': etag } });
  expect(revalidated.status()).toBe(304);
  expect(await revalidated.text()).toBe('');
  const head = await request.head(path);
  expect(head.status()).toBe(200);
  expect(head.headers()['content-length']).toBe(String(Buffer.byteLength(await first.text())));
});
