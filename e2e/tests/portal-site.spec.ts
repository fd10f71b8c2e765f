import {
  AXE_TAGS,
  KNOWN_DEVIATIONS,
  REFLOW_WIDTHS,
  STATEMENT_DATE,
} from '@klimakommuner/ui/accessibility';
import { expect, test } from '@playwright/test';
import { urls } from '../servers.ts';
import { PORTAL_TEMPLATES } from './portal-pages.ts';

test.use({ baseURL: urls.portal });

const SITE_PAGES = [
  ['Om nettstedet', '/om-nettstedet', 'Om nettstedet'],
  ['Kontakt', '/kontakt', 'Kontakt'],
  ['Personvern', '/personvern', 'Personvern'],
  ['Tilgjengelighetserklæring', '/tilgjengelighetserklaering', /Tilgjengelighets\u00ad?erklæring/],
] as const;

test('6: every page has a footer linking om nettstedet, kontakt, personvern and the accessibility statement', async ({
  page,
}) => {
  for (const path of ['/', '/kommuner/asker', '/prosjekter/gronn-mobilitet']) {
    await page.goto(path);
    const footer = page.getByRole('contentinfo');
    for (const [label, href] of SITE_PAGES) {
      await expect(footer.getByRole('link', { name: label, exact: true })).toHaveAttribute(
        'href',
        href,
      );
    }
  }
  for (const [label, href, heading] of SITE_PAGES) {
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  }
});

test('6: om nettstedet names the three publishers, the two networks and the county authority', async ({
  page,
}) => {
  await page.goto('/om-nettstedet');
  const publishers = page.getByRole('region', { name: 'Hvem gir ut nettstedet' });
  await expect(publishers.getByRole('listitem')).toHaveCount(3);
  await expect(publishers.getByRole('listitem').nth(0)).toContainText(
    'Kommunenettverk for klimaomstilling (nettverk',
  );
  await expect(publishers.getByRole('listitem').nth(1)).toContainText(
    'KEN – Klima- og energinettverk i Folloregionen (nettverk',
  );
  await expect(publishers.getByRole('listitem').nth(2)).toContainText(
    'Akershus fylkeskommune (fylkeskommune, Akershus)',
  );
  await page.goto('/kontakt');
  await expect(page.locator('main .ds-card')).toHaveCount(3);
});

test('6: personvern tells the truth: the portal sets no cookies', async ({ page, context }) => {
  for (const path of PORTAL_TEMPLATES) {
    const response = await page.goto(path);
    expect(response?.headers()['set-cookie'], path).toBeUndefined();
  }
  expect(await context.cookies()).toEqual([]);
  await page.goto('/personvern');
  await expect(page.locator('main')).toContainText('ingen informasjonskapsler');
});

test('6: the accessibility statement is generated from what the tests check, and dated', async ({
  page,
}) => {
  await page.goto('/tilgjengelighetserklaering');
  const main = page.locator('main');
  const [year, month, day] = STATEMENT_DATE.split('-').map(Number);
  await expect(main.locator(`time[datetime="${STATEMENT_DATE}"]`)).toContainText(
    `${day}. ${new Intl.DateTimeFormat('nb', { month: 'long' }).format(new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, 15)))} ${year}`,
  );
  await expect(main).toContainText(AXE_TAGS.join(', '));
  await expect(main).toContainText(`${REFLOW_WIDTHS.join(' og ')} CSS-piksler`);

  const automatic = page.getByRole('region', { name: /^Krav som testes automatisk/ });
  // From axe-core's rules for those tags: contrast and names of controls …
  await expect(automatic.getByRole('listitem').filter({ hasText: '1.4.3 Kontrast' })).toContainText(
    'color-contrast',
  );
  await expect(
    automatic.getByRole('listitem').filter({ hasText: '4.1.2 Navn, rolle, verdi' }),
  ).toContainText('button-name');
  // … and from our own tests: the reflow sweep.
  await expect(automatic.getByRole('listitem').filter({ hasText: '1.4.10' })).toContainText(
    '320 og 1280 CSS-piksler',
  );
  const manual = page.getByRole('region', { name: /^Krav som ikke testes automatisk/ });
  await expect(manual).toContainText('2.4.7 Synlig fokus');
  await expect(automatic).not.toContainText('2.4.7 Synlig fokus');
  const deviations = page.getByRole('region', { name: 'Kjente avvik' });
  for (const deviation of KNOWN_DEVIATIONS) await expect(deviations).toContainText(deviation);
});

test('7: every template has a description, a canonical URL and OpenGraph tags', async ({
  page,
}) => {
  const descriptions = new Set<string>();
  for (const path of PORTAL_TEMPLATES) {
    await page.goto(path);
    const head = page.locator('head');
    const description = await head.locator('meta[name="description"]').getAttribute('content');
    expect(description?.length ?? 0, `${path} description`).toBeGreaterThan(50);
    expect(description?.length ?? 0, `${path} description`).toBeLessThanOrEqual(200);
    descriptions.add(description ?? '');
    await expect(head.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      `${urls.portal}${path}`,
    );
    await expect(head.locator('meta[property="og:url"]')).toHaveAttribute(
      'content',
      `${urls.portal}${path}`,
    );
    await expect(head.locator('meta[property="og:title"]')).toHaveAttribute('content', /\S/);
    await expect(head.locator('meta[property="og:description"]')).toHaveAttribute(
      'content',
      description ?? '',
    );
    await expect(head.locator('meta[property="og:type"]')).toHaveAttribute(
      'content',
      /^(website|article)$/,
    );
    await expect(head.locator('meta[property="og:locale"]')).toHaveAttribute('content', 'nb_NO');
    // A picture for link previews on every page: the page's own, or the site's.
    await expect(head.locator('meta[property="og:image"]')).toHaveAttribute(
      'content',
      new RegExp(`^${urls.portal}/`),
    );
    await expect(head.locator('meta[property="og:image:alt"]')).toHaveAttribute('content', /\S/);
    await expect(head.locator('meta[property="og:site_name"]')).toHaveAttribute(
      'content',
      'Klimakommuner',
    );
  }
  expect(descriptions.size).toBe(PORTAL_TEMPLATES.length);
  const picture = await page.request.get(`${urls.portal}/deling.png`);
  expect(picture.status()).toBe(200);
  expect(picture.headers()['content-type']).toBe('image/png');
  // A filtered list points to the list itself.
  await page.goto('/kommuner?nettverk=ken');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    `${urls.portal}/kommuner`,
  );
});

test('7: robots.txt allows everything and names the sitemap; the sitemap lists every public page', async ({
  request,
}) => {
  const robots = await request.get(`${urls.portal}/robots.txt`);
  expect(robots.status()).toBe(200);
  expect(robots.headers()['content-type']).toContain('text/plain');
  expect(await robots.text()).toBe(
    `User-agent: *\nAllow: /\n\nSitemap: ${urls.portal}/sitemap.xml\n`,
  );

  const sitemap = await request.get(`${urls.portal}/sitemap.xml`);
  expect(sitemap.status()).toBe(200);
  expect(sitemap.headers()['content-type']).toContain('application/xml');
  const xml = await sitemap.text();
  expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');
  expect(new Set(locs).size).toBe(locs.length);
  for (const path of PORTAL_TEMPLATES) expect(locs).toContain(`${urls.portal}${path}`);
  // Every municipality (357), project, theme, network and region page.
  expect(locs.filter((loc) => loc.includes('/kommuner/'))).toHaveLength(357);
  expect(locs.filter((loc) => loc.includes('/prosjekter/')).length).toBeGreaterThanOrEqual(6);
  expect(locs.filter((loc) => loc.includes('/tema/'))).toHaveLength(5);
  expect(locs.filter((loc) => loc.includes('/nettverk/'))).toHaveLength(3);
  expect(locs.filter((loc) => loc.includes('/regioner/'))).toHaveLength(2);
  // Each listed page answers 200 (a sample of the municipalities, every other kind in full).
  const sample = locs.filter((loc, i) => !loc.includes('/kommuner/') || i % 25 === 0);
  for (const loc of sample) expect((await request.get(loc)).status(), loc).toBe(200);
});

test('12.5: network and municipality pages carry GovernmentOrganization JSON-LD, and no CSP violation', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const structured = async () =>
    JSON.parse(
      (await page.locator('script[type="application/ld+json"]').first().textContent()) ?? '{}',
    ) as Record<string, unknown>;
  await page.goto('/nettverk/ken');
  const ken = await structured();
  expect(ken).toMatchObject({
    '@context': 'https://schema.org',
    '@type': 'GovernmentOrganization',
    url: `${urls.portal}/nettverk/ken`,
  });
  expect((ken.member as unknown[]).length).toBeGreaterThan(3);
  await page.goto('/kommuner/asker');
  expect(await structured()).toMatchObject({
    '@type': 'GovernmentOrganization',
    name: 'Asker kommune',
    identifier: { value: '3203' },
  });
  expect(violations).toEqual([]);
});
