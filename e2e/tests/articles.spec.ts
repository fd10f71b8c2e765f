import { pngImage } from '@klimakommuner/files/fixtures';
import { expect, test } from '@playwright/test';
import { parseFeed } from '@rowanmanning/feed-parser';
import { accounts } from '../accounts.ts';
import { urls } from '../servers.ts';
import { expectNoAxeViolations } from './axe.ts';
import { sweepTemplates } from './reflow.ts';
import { editorPage, portalPage } from './sign-in.ts';

// News («Aktuelt») end to end: an editor writes an article with an image (alt text and credit),
// previews it, publishes it, and the public finds it on /aktuelt, on its own page (with its
// image, dates, JSON-LD and OpenGraph), in the RSS and Atom feeds and on the network's page; a
// draft is nowhere. The new templates reflow at 320 and 1280 px and pass axe.

test.use({ baseURL: urls.admin });
// One after the other: two uploads through the admin at once on a loaded machine have had the
// forwarded body cut off once (the API answered early; «Opplastingen feilet …»).
test.describe.configure({ mode: 'serial' });

const KKO = 'kommunenettverk-for-klimaomstilling';

test('an editor writes and publishes an article; the public reads it, its feeds and its page', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const title = `Kommunene deler klimaregnskap ${stamp}`;
  const page = await editorPage(browser, accounts.kkoEditor);
  await page.goto(`/organisasjoner/${KKO}/aktuelt`);
  await page.getByRole('link', { name: 'Ny artikkel' }).click();
  await page.getByLabel('Tittel', { exact: true }).fill(title);
  await page.getByLabel('Ingress', { exact: true }).fill('Et felles regnskap viser utslippene.');
  await page
    .getByLabel('Tekst (Markdown)', { exact: true })
    .fill('## Bakgrunn\n\nKommunene trengte **felles** tall.');
  await page.getByLabel('Alternativ tekst for bildet', { exact: true }).fill('Solceller på et tak');
  await page.getByLabel('Kreditering', { exact: true }).fill('Foto: Ola Hansen');
  // The author: one of the organisation's people, chosen from the list.
  await page
    .getByRole('group', { name: 'Skrevet av' })
    .getByLabel('Person', { exact: true })
    .selectOption({ label: 'Ragnhild Waagaard (Overordnet prosjektleder)' });
  await page.getByLabel('Bildefil', { exact: true }).setInputFiles({
    name: 'tak.png',
    mimeType: 'image/png',
    buffer: await pngImage({ width: 800, height: 500 }),
  });
  await page.getByRole('button', { name: 'Opprett artikkelen' }).click();
  await expect(page.getByText('Artikkelen er opprettet som utkast.')).toBeVisible();
  const slug = new URL(page.url()).pathname.split('/').pop() ?? '';
  await expect(page.getByLabel('Alternativ tekst for bildet', { exact: true })).toHaveValue(
    'Solceller på et tak',
  );

  // A draft is not public: neither its page, the list nor the feed.
  const anonymous = await portalPage(browser);
  expect((await anonymous.goto(`/aktuelt/${slug}`))?.status()).toBe(404);
  const draftFeed = await anonymous.request.get('/aktuelt/rss.xml');
  expect(await draftFeed.text()).not.toContain(title);

  // The preview shows the draft as the public will see it.
  await page.getByRole('link', { name: 'Forhåndsvis siden slik publikum ser den' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Solceller på et tak' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goBack();

  await page.getByRole('button', { name: 'Publiser', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ja, publiser' }).click();
  await expect(page.getByText(/Publiseringsstatusen er endret til «Publisert»/)).toBeVisible();

  // The public list, newest first, with the feed links.
  const reader = await portalPage(browser, '/aktuelt');
  await expect(reader.getByRole('link', { name: title })).toBeVisible();
  await expect(reader.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
    'href',
    '/aktuelt/rss.xml',
  );
  await expect(reader.getByRole('link', { name: 'Abonner (RSS)' })).toBeVisible();
  await expectNoAxeViolations(reader);

  // The filter by publisher lives in the URL.
  await reader.getByLabel('Utgiver').selectOption(KKO);
  await reader.getByRole('button', { name: 'Vis nyheter' }).click();
  await expect(reader).toHaveURL(new RegExp(`utgiver=${KKO}`));
  await expect(reader.getByRole('link', { name: title })).toBeVisible();
  await expect(reader.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
    'href',
    `/aktuelt/rss.xml?utgiver=${KKO}`,
  );
  // Only what public articles have is offered: the project select holds no project without news.
  await expect(reader.getByLabel('Prosjekt').locator('option')).toHaveCount(1);

  // The article's page.
  await reader.getByRole('link', { name: title }).click();
  await expect(reader.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(reader.getByText(/^Publisert \d{1,2}\. \p{L}+ \d{4}/u)).toBeVisible();
  await expect(reader.getByText('Foto: Ola Hansen')).toBeVisible();
  await expect(reader.getByText('Ragnhild Waagaard, Overordnet prosjektleder')).toBeVisible();
  await expect(reader.getByRole('img', { name: 'Solceller på et tak' })).toHaveAttribute(
    'srcset',
    /\/filer\/[0-9a-f-]+\/w320 320w/,
  );
  await expect(reader.locator('strong', { hasText: 'felles' })).toBeVisible();
  await expect(reader.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expect(reader.locator('meta[property="og:image"]')).toHaveAttribute(
    'content',
    new RegExp(`^${urls.portal}/filer/[0-9a-f-]+/w\\d+$`),
  );
  const jsonLd = JSON.parse(
    (await reader.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
  ) as { '@type'?: string; headline?: string };
  expect(jsonLd).toMatchObject({ '@type': 'NewsArticle', headline: title });
  const image = await reader.request.get(
    (await reader.locator('meta[property="og:image"]').getAttribute('content')) ?? '',
  );
  expect(image.status()).toBe(200);
  await expectNoAxeViolations(reader);

  // The feeds: RSS and Atom, parsed.
  const rss = await reader.request.get(`/aktuelt/rss.xml?utgiver=${KKO}`);
  expect(rss.headers()['content-type']).toBe('application/rss+xml; charset=utf-8');
  const rssFeed = parseFeed(await rss.text());
  const item = rssFeed.items.find((i) => i.title === title);
  expect(item?.url).toBe(`${urls.portal}/aktuelt/${slug}`);
  const atom = await reader.request.get('/aktuelt/atom.xml');
  expect(atom.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  expect(parseFeed(await atom.text()).items.map((i) => i.title)).toContain(title);

  // «Siste nytt» on the publisher's page, with its feed; the sitemap lists the article.
  await reader.goto(`/nettverk/${KKO}`);
  const news = reader.getByRole('region', { name: /^Siste nytt fra/ });
  await expect(news.getByRole('link', { name: title })).toBeVisible();
  await expect(news.getByRole('link', { name: /^Abonner \(RSS\)/ })).toHaveAttribute(
    'href',
    `/aktuelt/rss.xml?utgiver=${KKO}`,
  );
  const sitemap = await reader.request.get('/sitemap.xml');
  expect(await sitemap.text()).toContain(`/aktuelt/${slug}</loc>`);

  // The new templates reflow at 320 and 1280 px and pass axe, on both apps.
  await sweepTemplates(reader, ['/aktuelt', `/aktuelt?utgiver=${KKO}`, `/aktuelt/${slug}`]);
  await sweepTemplates(page, [
    `/organisasjoner/${KKO}/aktuelt`,
    `/organisasjoner/${KKO}/aktuelt/ny`,
    `/aktuelt/${slug}`,
    `/aktuelt/${slug}/forhandsvisning`,
  ]);
  await reader.context().close();
  await anonymous.context().close();
  await page.context().close();
});

test('without JavaScript: an image without alt text is refused in Norwegian, what was typed is kept, the image can be replaced, and a publish without a text is refused next to it', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await editorPage(browser, accounts.kkoEditor, false);
  await page.goto(`/organisasjoner/${KKO}/aktuelt/ny`);
  const title = `Nyhet uten JavaScript ${Date.now().toString(36)}`;
  await page.getByLabel('Tittel', { exact: true }).fill(title);
  await page.getByLabel('Ingress', { exact: true }).fill('Skrevet før bildet.');
  const file = {
    name: 'bilde.png',
    mimeType: 'image/png',
    buffer: await pngImage({ width: 640, height: 400 }),
  };
  // Saved with no title and a file that is no image: both problems are told in one round.
  await page.getByLabel('Tittel', { exact: true }).fill('');
  await page.getByLabel('Bildefil', { exact: true }).setInputFiles({
    name: 'bilde.png',
    mimeType: 'image/png',
    buffer: Buffer.from('ikke et bilde'),
  });
  await page.getByRole('button', { name: 'Opprett artikkelen' }).click();
  await expect(page.locator('#title-feil')).toHaveText('Skriv en tittel på artikkelen.');
  await expect(page.locator('#newFile-feil')).toContainText('Filen er ikke en av de tillatte');
  await expect(page.getByLabel('Ingress', { exact: true })).toHaveValue('Skrevet før bildet.');
  await page.getByLabel('Tittel', { exact: true }).fill(title);

  await page.getByLabel('Bildefil', { exact: true }).setInputFiles(file);
  await page.getByRole('button', { name: 'Last opp bildet' }).click();
  await expect(page.locator('#newAltText-feil')).toHaveText(
    'Skriv en alternativ tekst som forteller hva bildet viser.',
  );
  await expect(page.getByLabel('Tittel', { exact: true })).toHaveValue(title);
  await expect(page.getByLabel('Ingress', { exact: true })).toHaveValue('Skrevet før bildet.');

  await page.getByLabel('Alternativ tekst for bildet', { exact: true }).fill('Et fargefelt');
  await page.getByLabel('Bildefil', { exact: true }).setInputFiles(file);
  await page.getByRole('button', { name: 'Last opp bildet' }).click();
  await expect(
    page.getByText('Bildet er lastet opp. Lagre artikkelen for å beholde endringen.'),
  ).toBeVisible();
  await expect(page.getByLabel('Alternativ tekst for bildet', { exact: true })).toHaveValue(
    'Et fargefelt',
  );
  await page.getByRole('button', { name: 'Fjern bildet' }).click();
  await expect(
    page.getByText('Bildet er fjernet. Lagre artikkelen for å beholde endringen.'),
  ).toBeVisible();
  await expect(page.getByLabel('Bildefil', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Opprett artikkelen' }).click();
  await expect(page.getByText('Artikkelen er opprettet som utkast.')).toBeVisible();

  // Publishing it without a text is refused next to the text, linked from the summary; the lead
  // it has is not asked for.
  await page.getByRole('button', { name: 'Publiser', exact: true }).click();
  await page.getByRole('button', { name: 'Ja, publiser' }).click();
  const noBody = 'Skriv en tekst og lagre før artikkelen publiseres.';
  await expect(page.locator('#body-feil')).toHaveText(noBody);
  await expect(page.getByRole('link', { name: noBody })).toHaveAttribute('href', '#body');
  await expect(page.locator('#lead-feil')).toHaveCount(0);
  await expect(page.locator('.ds-error-summary')).toBeFocused();
  await page.context().close();
});

test('two tabs: the later save meets a conflict, shows what is stored and keeps what was typed', async ({
  browser,
}) => {
  // The save, conflict and status actions are shared by every content kind's edit page
  // (apps/admin/src/lib/server/content-page.ts); an article stands in for them.
  const title = `Artikkel i to faner ${Date.now().toString(36)}`;
  const first = await editorPage(browser, accounts.kkoEditor, false);
  await first.goto(`/organisasjoner/${KKO}/aktuelt/ny`);
  await first.getByLabel('Tittel', { exact: true }).fill(title);
  await first.getByRole('button', { name: 'Opprett artikkelen' }).click();
  await expect(first.getByText('Artikkelen er opprettet som utkast.')).toBeVisible();
  const second = await first.context().newPage();
  await second.goto(first.url());

  await first.getByLabel('Tittel', { exact: true }).fill(`${title} (endret)`);
  await first.getByRole('button', { name: 'Lagre artikkelen' }).click();
  await expect(first.getByText('Artikkelen er lagret.')).toBeVisible();

  await second.getByLabel('Ingress', { exact: true }).fill('Skrevet i den andre fanen.');
  await second.getByRole('button', { name: 'Lagre artikkelen' }).click();
  await expect(second.getByText('Noen andre har lagret artikkelen mens du skrev.')).toBeVisible();
  await expect(second.getByText(`${title} (endret)`).first()).toBeVisible();
  await expect(second.getByLabel('Ingress', { exact: true })).toHaveValue(
    'Skrevet i den andre fanen.',
  );

  // Saving anyway, from the version now stored, keeps what the second tab typed.
  await second.getByRole('button', { name: 'Lagre min versjon likevel' }).click();
  await expect(second.getByText('Artikkelen er lagret.')).toBeVisible();
  await expect(second.getByLabel('Ingress', { exact: true })).toHaveValue(
    'Skrevet i den andre fanen.',
  );
  await first.context().close();
});
