import { expect, type Page, test } from '@playwright/test';
import { urls } from '../servers.ts';

test.use({ baseURL: urls.portal });

// The browser tests' database has the marked demo participations (start-api.ts runs
// `db:seed --demo`): in «Strategisk klimaarbeid» all three of them have withdrawn (Asker among
// them), which is what made the pages disagree before there was one definition of taking part.

const KKO = '/nettverk/kommunenettverk-for-klimaomstilling';

/** «3 kommuner» → 3, from a project card's «Deltakere». */
const participantsOnCard = async (page: Page, title: string): Promise<number> => {
  const card = page
    .locator('.project-card')
    .filter({ has: page.getByRole('link', { name: title }) });
  const text = (await card.locator('dt:text-is("Deltakere") + dd').textContent())?.trim() ?? '';
  return Number(/^(\d+)/.exec(text)?.[1] ?? Number.NaN);
};

const rowNames = async (page: Page, table: string): Promise<string[]> => {
  const found = page.getByRole('table', { name: table, exact: true });
  if ((await found.count()) === 0) return [];
  return (await found.locator('tbody th').allInnerTexts()).map(
    (t) => t.split('\n')[0]?.trim() ?? '',
  );
};

test('2: one definition of taking part: the list, the project page and the matrix give the same counts', async ({
  page,
}) => {
  await page.goto('/prosjekter');
  const titles = await page.locator('.project-card h2 a').allInnerTexts();
  expect(titles).toHaveLength(6);
  const onList = new Map<string, number>();
  for (const title of titles) onList.set(title, await participantsOnCard(page, title));

  await page.goto(KKO);
  const matrix = page.getByRole('table', { name: 'Deltakelse i fellesprosjekter' });
  const headers = await matrix.locator('thead th').allInnerTexts();
  const totals = await matrix.locator('tfoot td').allInnerTexts();
  for (const [title, count] of onList) {
    const column = headers.indexOf(title) - 1;
    expect(Number(totals[column]), `matrix total of ${title}`).toBe(count);
  }

  for (const [title, count] of onList) {
    await page.goto('/prosjekter');
    await page.getByRole('link', { name: title, exact: true }).click();
    // The click navigates; read the table only once the project page is there (rowNames
    // counts at once, so reading mid-navigation found no table and said «0»).
    await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
    const taking = await rowNames(page, 'Deltakende kommuner');
    expect(taking, title).toHaveLength(count);
    await expect(page.locator('main')).toContainText(
      count === 0
        ? 'Ingen kommuner er med i prosjektet nå.'
        : `${count} ${count === 1 ? 'kommune' : 'kommuner'} er med i prosjektet nå.`,
    );
  }
});

test('2: a project whose three municipalities all withdrew says so everywhere', async ({
  page,
}) => {
  await page.goto('/prosjekter');
  expect(await participantsOnCard(page, 'Strategisk klimaarbeid')).toBe(0);

  await page.goto('/prosjekter/strategisk-klimaarbeid');
  const main = page.locator('main');
  await expect(main).toContainText('Ingen kommuner er med i prosjektet nå.');
  await expect(main).not.toContainText('3 kommuner er med');
  const gone = page.getByRole('table', { name: 'Kommuner som ikke er med nå' });
  await expect(gone.locator('tbody tr')).toHaveCount(3);
  await expect(gone.getByRole('row', { name: /Asker/ })).toContainText('Trukket seg');
});

test('2: a municipality page lists the same projects as filtering projects by that municipality', async ({
  page,
}) => {
  for (const [slug, name, number] of [
    ['asker', 'Asker', '3203'],
    ['baerum', 'Bærum', '3201'],
    ['drammen', 'Drammen', '3301'],
  ] as const) {
    await page.goto(`/kommuner/${slug}`);
    const onPage = await rowNames(page, `Fellesprosjekter ${name} er med i`);
    await page.goto(`/prosjekter?kommune=${number}`);
    const filtered = await page.locator('.project-card h2 a').allInnerTexts();
    expect(filtered.sort(), name).toEqual([...onPage].sort());
  }
  // Asker withdrew from «Strategisk klimaarbeid»: not among its projects, listed apart.
  await page.goto('/kommuner/asker');
  await expect(page.locator('main')).toContainText('Asker er ikke med i noen fellesprosjekter nå.');
  expect(await rowNames(page, 'Prosjekter Asker ikke er med i nå')).toEqual([
    'Strategisk klimaarbeid',
  ]);
  await page.goto('/prosjekter?kommune=3203');
  await expect(page.locator('main')).toContainText('Ingen prosjekter passer til filteret.');
});

test('4: demo participations are marked on the matrix, municipality, list, theme and project pages', async ({
  page,
}) => {
  const notice = page.getByRole('note').filter({ hasText: 'Demodata' });

  await page.goto(KKO);
  const matrix = page.getByRole('table', { name: 'Deltakelse i fellesprosjekter' });
  await expect(notice).toBeVisible();
  await expect(matrix.getByRole('row', { name: /Bærum/ })).toContainText('Demodata');
  // The hidden part says what the mark means, at the cell itself.
  await expect(matrix.getByRole('row', { name: /Bærum/ })).toContainText('ikke ekte deltakelse');

  await page.goto('/kommuner/baerum');
  await expect(notice).toBeVisible();
  const table = page.getByRole('table', { name: 'Fellesprosjekter Bærum er med i' });
  await expect(table.getByRole('row', { name: /Grønn mobilitet/ })).toContainText('Demodata');

  await page.goto('/prosjekter');
  await expect(notice).toBeVisible();
  const card = page.locator('.project-card').filter({ hasText: 'Grønn mobilitet' });
  await expect(card).toContainText(/herav\s+\d+\s+Demodata/);

  await page.goto('/tema/mobilitet');
  await expect(notice).toBeVisible();

  await page.goto('/prosjekter/gronn-mobilitet');
  await expect(notice).toBeVisible();
  const participants = page.getByRole('table', { name: 'Deltakende kommuner' });
  await expect(participants.getByRole('row', { name: /Bærum/ })).toContainText('Demodata');

  // KEN has no demo participations, but demo events (db:seed --demo): each is marked where it is.
  await page.goto('/nettverk/ken');
  const events = page.getByRole('region', { name: 'Kommende arrangementer' });
  const listed = await events.locator('li').count();
  expect(listed).toBeGreaterThan(0);
  await expect(events.locator('li').filter({ hasText: 'Demodata' })).toHaveCount(listed);
  await expect(page.getByRole('table', { name: /^Medlemskommuner/ })).not.toContainText('Demodata');

  // Pages without demo content carry no mark.
  for (const path of ['/nettverk/akershus-fylkeskommune', '/kommuner/nordre-follo']) {
    await page.goto(path);
    await expect(page.locator('main')).not.toContainText('Demodata');
  }
});
