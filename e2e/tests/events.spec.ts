import { expect, test } from '@playwright/test';
import ICAL from 'ical.js';
import { accounts } from '../accounts.ts';
import { urls } from '../servers.ts';
import { expectNoAxeViolations } from './axe.ts';
import { sweepTemplates } from './reflow.ts';
import { editorPage, portalPage } from './sign-in.ts';

// Events («Arrangementer», issue 12) end to end: the demo events `db:seed --demo` adds (one
// across the end of summer time, one cancelled, one all day), their pages and calendars read
// back with ical.js, reflow and axe; then an editor makes an event in Norwegian time, publishes
// it, and the public sees it.

test.use({ baseURL: urls.portal });

const NIGHT = 'nattseminar-om-energibruk-demo';
const CANCELLED = 'sykkelbyseminar-demo';
const ALL_DAY = 'ombruksdagen-demo';
const KEN = 'ken';

const parse = (text: string) => {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
};

test('the list puts upcoming events first, the archive has the past, filters live in the URL', async ({
  page,
}) => {
  await page.goto('/arrangementer');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Arrangementer');
  await expect(
    page.getByRole('navigation', { name: 'Hovedmeny' }).or(page.locator('header nav')).first(),
  ).toContainText('Arrangementer');
  const list = page.locator('.event-list');
  await expect(list.getByRole('link', { name: 'Avlyst: Sykkelbyseminar (demo)' })).toBeVisible();
  await expect(list.getByRole('link', { name: 'Ombruksdagen (demo)' })).toBeVisible();
  await expect(list.getByRole('link', { name: /Nattseminar/ })).toHaveCount(0);
  await expect(page.locator('link[rel="alternate"][type="text/calendar"]')).toHaveAttribute(
    'href',
    '/arrangementer/kalender.ics',
  );
  // Subscribing opens the calendar application on the feed; the file is there to download too.
  await expect(page.getByRole('link', { name: 'Abonner i kalenderprogrammet' })).toHaveAttribute(
    'href',
    `webcal://${new URL(urls.portal).host}/arrangementer/kalender.ics`,
  );
  await expect(page.getByRole('link', { name: 'last ned kalenderfilen' })).toHaveAttribute(
    'href',
    '/arrangementer/kalender.ics',
  );

  await page.getByRole('link', { name: 'Tidligere arrangementer' }).click();
  await expect(page).toHaveURL(/tid=tidligere/);
  await expect(page.getByRole('link', { name: 'Nattseminar om energibruk (demo)' })).toBeVisible();
  await expect(page.getByText('søndag 25. oktober 2026 kl. 01.30–03.30')).toBeVisible();

  // Without JavaScript the filter form is a GET form: the choice ends up in the address.
  await page.goto('/arrangementer');
  await page.getByLabel('Arrangør').selectOption(KEN);
  await page.getByRole('button', { name: 'Vis arrangementer' }).click();
  await expect(page).toHaveURL(/arrangor=ken/);
  await expect(page.getByRole('link', { name: 'Klimabudsjett i praksis (demo)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ombruksdagen (demo)' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Abonner i kalenderprogrammet/ })).toHaveAttribute(
    'href',
    `webcal://${new URL(urls.portal).host}/arrangementer/kalender.ics?arrangor=ken`,
  );

  // The network's own page subscribes to its events the same way; the head links the feed.
  await page.goto(`/nettverk/${KEN}`);
  await expect(page.getByRole('link', { name: /^Abonner på kalender/ })).toHaveAttribute(
    'href',
    `webcal://${new URL(urls.portal).host}/arrangementer/kalender.ics?arrangor=ken`,
  );
  await expect(page.locator('link[rel="alternate"][type="text/calendar"]')).toHaveAttribute(
    'href',
    '/arrangementer/kalender.ics?arrangor=ken',
  );
});

test('an event page shows Norwegian time, a cancelled one says so with the reason, JSON-LD says both', async ({
  page,
}) => {
  await page.goto(`/arrangementer/${NIGHT}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Nattseminar om energibruk (demo)',
  );
  await expect(page.getByText('søndag 25. oktober 2026 kl. 01.30–03.30')).toBeVisible();
  await expect(page.getByText('Demodata').first()).toBeVisible();
  const night = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
  );
  expect(night).toMatchObject({
    '@type': 'Event',
    startDate: '2026-10-25T01:30:00+02:00',
    endDate: '2026-10-25T03:30:00+01:00',
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
    location: { '@type': 'VirtualLocation' },
  });

  await page.goto(`/arrangementer/${CANCELLED}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Avlyst:');
  await expect(page.getByRole('note')).toContainText(
    'Avlyst fordi foredragsholderne er forhindret.',
  );
  const cancelled = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
  );
  expect(cancelled.eventStatus).toBe('https://schema.org/EventCancelled');
  expect(cancelled.location).toMatchObject({ '@type': 'Place', address: 'Bibliotekets storsal' });

  await page.goto(`/arrangementer/${ALL_DAY}`);
  await expect(page.getByText(/, hele dagen$/)).toBeVisible();
});

test('«Legg til i kalender» and the feeds are iCalendar that ical.js reads right', async ({
  page,
  request,
}) => {
  await page.goto(`/arrangementer/${NIGHT}`);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Legg til i kalender/ }).click();
  expect((await download).suggestedFilename()).toBe(`${NIGHT}.ics`);

  const single = await request.get(`/arrangementer/${NIGHT}/kalender.ics`);
  expect(single.status()).toBe(200);
  expect(single.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const [event] = parse(await single.text());
  expect(event?.startDate.toJSDate().toISOString()).toBe('2026-10-24T23:30:00.000Z');
  expect(event?.endDate.toJSDate().toISOString()).toBe('2026-10-25T02:30:00.000Z');
  expect(event?.uid).toMatch(/@klimakommuner\.no$/);

  const feed = await request.get('/arrangementer/kalender.ics?arrangor=ken');
  expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const events = parse(await feed.text());
  const cancelled = events.find((e) => e.summary.includes('Sykkelbyseminar'));
  expect(cancelled?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  expect(
    events.every((e) =>
      e.component.getFirstPropertyValue('url')?.toString().includes('/arrangementer/'),
    ),
  ).toBe(true);
  expect(events.some((e) => e.summary.includes('Ombruksdagen'))).toBe(false);
  expect((await request.get('/arrangementer/kalender.ics?tema=ikke%20en%20slug')).status()).toBe(
    404,
  );
});

test('the events pages reflow at 320 and 1280 px and pass axe', async ({ page }) => {
  test.setTimeout(180_000);
  await sweepTemplates(page, [
    '/arrangementer',
    '/arrangementer?tid=tidligere',
    `/arrangementer/${NIGHT}`,
    `/arrangementer/${CANCELLED}`,
    `/arrangementer/${ALL_DAY}`,
  ]);
});

test('an editor makes an event in Norwegian time, publishes it, and the public sees it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await editorPage(browser, accounts.kenEditor);
  await page.goto(`/organisasjoner/${KEN}/arrangementer/ny`);
  const title = 'Klimafrokost i Follo';
  await page.getByLabel('Tittel', { exact: true }).fill(title);
  await page.getByLabel('Sammendrag', { exact: true }).fill('Frokostmøte om klimabudsjett.');
  // The night summer time begins: 02:30 never happens; the form says so and keeps what was typed.
  await page.getByLabel('Startdato').fill('2027-03-28');
  await page.getByLabel('Starttid').fill('02:30');
  await page.getByLabel('Sluttid').fill('04:00');
  await page.getByLabel('Adresse').fill('Rådhuset i Ås');
  await page.getByRole('button', { name: 'Opprett arrangementet' }).click();
  await expect(page.locator('#startTime-feil')).toContainText('finnes ikke natt til 28.03.2027');
  await expect(page.getByLabel('Tittel', { exact: true })).toHaveValue(title);

  await page.getByLabel('Startdato').fill('2027-03-30');
  await page.getByLabel('Starttid').fill('08:00');
  await page.getByLabel('Sluttid').fill('09:30');
  await page.getByRole('button', { name: 'Opprett arrangementet' }).click();
  await expect(page.getByText('Arrangementet er opprettet som utkast.')).toBeVisible();
  const slug = new URL(page.url()).pathname.split('/').pop() ?? '';
  expect(slug).toBe('klimafrokost-i-follo');

  // A draft is nobody's but its editors'.
  const anonymous = await portalPage(browser);
  expect((await anonymous.goto(`/arrangementer/${slug}`))?.status()).toBe(404);

  await page.getByRole('link', { name: 'Forhåndsvis siden slik publikum ser den' }).click();
  await expect(page.getByText('tirsdag 30. mars 2027 kl. 08.00–09.30')).toBeVisible();
  await page.goBack();

  await page.getByRole('button', { name: 'Publiser', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ja, publiser' }).click();
  await expect(page.getByText(/Publiseringsstatusen er endret til «Publisert»/)).toBeVisible();
  await page.getByRole('link', { name: 'Se endringshistorikken for arrangementet' }).click();
  await expect(page.getByText('Publiserte arrangementet')).toBeVisible();
  await expect(page.getByText('Opprettet arrangementet')).toBeVisible();

  // No registration link: the dashboard reminds the editor.
  await page.goto('/');
  await expect(
    page.getByRole('region', { name: 'Kommende arrangementer uten påmeldingslenke' }),
  ).toContainText(title);

  const reader = await portalPage(browser, `/arrangementer/${slug}`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(reader.getByText('tirsdag 30. mars 2027 kl. 08.00–09.30')).toBeVisible();
  const list = await portalPage(browser, '/arrangementer?arrangor=ken');
  await expect(list.getByRole('link', { name: title })).toBeVisible();
  const sitemap = await list.request.get('/sitemap.xml');
  expect(await sitemap.text()).toContain(`/arrangementer/${slug}</loc>`);
});

test('the admin’s event pages reflow and pass axe, the form with its errors shown', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await editorPage(browser, accounts.kenEditor);
  await sweepTemplates(page, [
    `/organisasjoner/${KEN}/arrangementer`,
    `/organisasjoner/${KEN}/arrangementer/ny`,
    // A demo event of KEN's (the one with a registration link and a deadline).
    '/arrangementer/klimabudsjett-i-praksis-demo',
    '/arrangementer/klimabudsjett-i-praksis-demo/forhandsvisning',
  ]);
  // The repeated hour the night summer time ends: the form asks, and the answer is kept.
  await page.setViewportSize({ width: 320, height: 900 });
  await page.goto(`/organisasjoner/${KEN}/arrangementer/ny`);
  await page.getByLabel('Tittel', { exact: true }).fill('Nattmøte');
  await page.getByLabel('Startdato').fill('2027-10-31');
  await page.getByLabel('Starttid').fill('02:15');
  await page.getByLabel('Sluttid').fill('02:45');
  await page.getByLabel('Lenke til digitalt møte').fill('https://example.org/natt');
  await page.getByRole('button', { name: 'Opprett arrangementet' }).click();
  await expect(page.locator('#repeatedConfirmed-feil')).toContainText(
    'finnes to ganger natt til 31.10.2027',
  );
  await expectNoAxeViolations(page);
  await page.getByLabel(/Ja, bruk den andre gangen/).check();
  await page.getByRole('button', { name: 'Opprett arrangementet' }).click();
  await expect(page.getByText('Arrangementet er opprettet som utkast.')).toBeVisible();
  await page.getByRole('link', { name: 'Forhåndsvis siden slik publikum ser den' }).click();
  await expect(page.getByText('søndag 31. oktober 2027 kl. 02.15–02.45')).toBeVisible();
});
