import { expect, type Page, test } from '@playwright/test';
import { accounts } from '../accounts.ts';
import { urls } from '../servers.ts';
import { apiToken, callApi } from './api.ts';
import { expectReflow } from './reflow.ts';
import { portalPage } from './sign-in.ts';

// Walks that change public content through the API first (as an editor would), then look at the
// portal as the public. They run after the read-only portal tests (playwright.config.ts).

const KKO = 'kommunenettverk-for-klimaomstilling';

interface Person {
  readonly id: string;
  readonly name: string;
  readonly version: number;
}

const newProject = async (token: string, title: string) => {
  const people = await callApi<Person[]>(
    'people.list',
    { organisation: KKO },
    { token, query: true },
  );
  const leader = people.find((person) => person.name === 'Ragnhild Waagaard');
  return callApi<{ slug: string; version: number }>(
    'projects.create',
    {
      organisation: KKO,
      title,
      summary: 'Et prosjekt de automatiske testene legger inn.',
      body: '',
      themes: ['utslippskutt'],
      status: 'planned',
      leaders: [leader?.id],
    },
    { token },
  );
};

test('5: a person who consents is shown with email and phone; withdrawing consent hides them', async ({
  browser,
}) => {
  const token = await apiToken(accounts.kkoEditor);
  const person = await callApi<Person>(
    'people.create',
    {
      name: 'Vera Veileder',
      title: 'Prosjektleder',
      organisation: KKO,
      email: 'vera@example.no',
      phone: '+47 900 00 000',
      consent: true,
    },
    { token },
  );
  const card = (page: Page) =>
    page
      .locator('.person-card')
      .filter({ has: page.getByRole('heading', { name: 'Vera Veileder', exact: true }) });

  const shown = await portalPage(browser);
  await shown.goto(`/nettverk/${KKO}`);
  await expect(card(shown)).toContainText('Prosjektleder');
  await expect(card(shown).getByRole('link', { name: 'vera@example.no' })).toHaveAttribute(
    'href',
    'mailto:vera@example.no',
  );
  await expect(card(shown).getByRole('link', { name: '+47 900 00 000' })).toHaveAttribute(
    'href',
    'tel:+4790000000',
  );

  await callApi(
    'people.update',
    {
      id: person.id,
      version: person.version,
      name: 'Vera Veileder',
      title: 'Prosjektleder',
      organisation: KKO,
      email: 'vera@example.no',
      phone: '+47 900 00 000',
      consent: false,
    },
    { token },
  );
  const hidden = await portalPage(browser);
  await hidden.goto(`/nettverk/${KKO}`);
  await expect(card(hidden)).toContainText('Prosjektleder');
  await expect(card(hidden)).not.toContainText('vera@example.no');
  await expect(card(hidden).getByRole('link')).toHaveCount(0);
});

test('7: a draft project is in no sitemap and no page; once published it is in both', async ({
  browser,
  request,
}) => {
  const token = await apiToken(accounts.kkoEditor);
  const title = `Utkast som ikke skal vises ${Date.now() % 100000}`;
  const draft = await newProject(token, title);
  const loc = `<loc>${urls.portal}/prosjekter/${draft.slug}</loc>`;

  expect(await (await request.get(`${urls.portal}/sitemap.xml`)).text()).not.toContain(loc);
  const page = await portalPage(browser);
  expect((await page.goto(`/prosjekter/${draft.slug}`))?.status()).toBe(404);

  await callApi('projects.publish', { slug: draft.slug, version: draft.version }, { token });
  expect(await (await request.get(`${urls.portal}/sitemap.xml`)).text()).toContain(loc);
  const published = await portalPage(browser);
  expect((await published.goto(`/prosjekter/${draft.slug}`))?.status()).toBe(200);
  await expect(published.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    `${urls.portal}/prosjekter/${draft.slug}`,
  );
});

test('1: a project titled with one very long word reflows at 320 px on every page that shows it', async ({
  browser,
}) => {
  const token = await apiToken(accounts.kkoEditor);
  const word = 'Klimatilpasningsberedskapsplanleggingssamarbeidsprosjektet';
  const created = await newProject(token, `${word} ${Date.now() % 100000}`);
  await callApi('projects.publish', { slug: created.slug, version: created.version }, { token });

  const page = await portalPage(browser, undefined, 320);
  for (const path of [
    `/prosjekter/${created.slug}`,
    '/prosjekter',
    '/tema/utslippskutt',
    `/nettverk/${KKO}`,
  ]) {
    await page.goto(path);
    await expect(page.getByText(word).first()).toBeAttached();
    await expectReflow(page);
  }
  // On the project page the word breaks inside the heading instead of running off the screen.
  await page.goto(`/prosjekter/${created.slug}`);
  const box = await page.getByRole('heading', { level: 1 }).boundingBox();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(320);
});
