import { expect, test } from '@playwright/test';
import { urls } from '../servers.ts';

test.use({ baseURL: urls.portal });

test('5: the network page names its four project leaders with their roles, contact only with consent', async ({
  page,
}) => {
  await page.goto('/nettverk/kommunenettverk-for-klimaomstilling');
  const people = page.getByRole('region', { name: /^Personer i / });
  await expect(people).toContainText('vises bare for dem som har sagt ja til det');
  const cards = people.locator('.person-card');
  const expected = [
    ['Ragnhild Waagaard', 'Overordnet prosjektleder'],
    ['Annette Anker Flaten', 'Prosjektleder'],
    ['Per Kristian Elgseter Sundet', 'Prosjektleder'],
    ['Sandra Mauer', 'Prosjektleder'],
  ] as const;
  for (const [name, role] of expected) {
    const card = cards.filter({ has: page.getByRole('heading', { name, exact: true }) });
    await expect(card).toContainText(role);
    // None of the seeded people has consented: no email or phone is shown.
    await expect(card.getByRole('link')).toHaveCount(0);
  }
  // The overall project leader comes first.
  await expect(cards.first().getByRole('heading')).toHaveText('Ragnhild Waagaard');
});

test('5: the county authority is shown as a publisher, not as a network with «0 kommuner»', async ({
  page,
}) => {
  await page.goto('/nettverk');
  const networks = page.getByRole('table', { name: /^Nettverk/ });
  await expect(networks.locator('tbody tr')).toHaveCount(2);
  await expect(networks).not.toContainText('Akershus fylkeskommune');
  const publisher = page.getByRole('region', { name: 'Utgiver sammen med nettverkene' });
  await expect(publisher.getByRole('link', { name: 'Akershus fylkeskommune' })).toBeVisible();
  await expect(publisher).toContainText('ikke et nettverk');

  await page.goto('/nettverk/akershus-fylkeskommune');
  const main = page.locator('main');
  await expect(main).toContainText('Utgiver av Klimakommuner');
  await expect(main).not.toContainText('0 kommuner');
  await expect(main).not.toContainText('Medlemskommuner');
  await expect(page.getByRole('region', { name: 'Medlemmer' })).toHaveCount(0);

  // The front page's publishers: the county authority by its county, never «0 kommuner».
  await page.goto('/');
  const publishers = page.getByRole('region', { name: 'Utgivere' });
  await expect(publishers).toContainText('Fylkeskommune · Akershus');
  await expect(publishers).not.toContainText('0 kommuner');
});

test('5: Hallingdal and Follo have region pages listing their municipalities, linked from network and municipality pages', async ({
  page,
}) => {
  await page.goto('/nettverk/kommunenettverk-for-klimaomstilling');
  await page.getByRole('link', { name: 'Om Hallingdalsregionen' }).click();
  await expect(page).toHaveURL(/\/regioner\/hallingdal$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hallingdalsregionen');
  const hallingdal = page.getByRole('table', { name: /Kommunene i Hallingdalsregionen/ });
  await expect(hallingdal.locator('tbody tr')).toHaveCount(6);
  for (const name of ['Flå', 'Gol', 'Hemsedal', 'Hol', 'Nesbyen', 'Ål']) {
    await expect(hallingdal.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Nettverk' })).toContainText(
    'Kommunenettverk for klimaomstilling',
  );

  await page.goto('/kommuner/nordre-follo');
  await page.getByRole('region', { name: 'Regioner' }).getByRole('link', { name: 'Follo' }).click();
  await expect(page).toHaveURL(/\/regioner\/follo$/);
  const follo = page.getByRole('table', { name: /Kommunene i Follo/ });
  await expect(follo.locator('tbody tr')).toHaveCount(6);
  await expect(follo.getByRole('row', { name: /Nordre Follo/ })).toContainText('KEN');
  await expect(page.locator('main')).toContainText('ikke medlem av noe nettverk som region');

  await page.goto('/regioner');
  await expect(page.getByRole('link', { name: 'Follo', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Hallingdalsregionen' })).toBeVisible();

  expect((await page.goto('/regioner/finnes-ikke'))?.status()).toBe(404);
});
