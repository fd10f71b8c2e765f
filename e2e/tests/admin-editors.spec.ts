import { expect, type Page, test } from '@playwright/test';
import { accounts } from '../accounts.ts';
import { urls } from '../servers.ts';
import { expectNoAxeViolations } from './axe.ts';
import { editorPage, portalPage } from './sign-in.ts';

// Issue 8, the editors' side: one walk per item (3, 8, 9, 10, 11, 12).

test.use({ baseURL: urls.admin });

const KKO = 'kommunenettverk-for-klimaomstilling';

/** Creates a draft project of KKO with a theme and a leader, so it can be published. */
const createProject = async (page: Page, title: string): Promise<string> => {
  await page.goto(`/organisasjoner/${KKO}/prosjekter/ny`);
  await page.getByLabel('Tittel', { exact: true }).fill(title);
  await page.getByLabel('Sammendrag', { exact: true }).fill('Et prosjekt for å prøve redaksjonen.');
  await page
    .getByLabel('Beskrivelse (Markdown)', { exact: true })
    .fill('Vi prøver **alt** sammen.');
  await page.getByLabel('Prosjektstatus', { exact: true }).selectOption({ label: 'Pågår' });
  await page.getByRole('group', { name: 'Tema' }).getByLabel('Mobilitet').check();
  await page
    .getByRole('group', { name: 'Prosjektledere' })
    .getByLabel(/Sandra Mauer/)
    .check();
  await page.getByRole('button', { name: 'Opprett prosjektet' }).click();
  await expect(page.getByText('Prosjektet er opprettet som utkast.')).toBeVisible();
  return new URL(page.url()).pathname.split('/').pop() ?? '';
};

const suffix = () => String(Date.now() % 1_000_000);

test('3 and 8: members are picked by name, their start is a year or a day as known, and a wrong number or region keeps everything typed', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await editorPage(browser, accounts.kkoEditor);
  await page.goto(`/organisasjoner/${KKO}/medlemmer`);

  // The reference facts give no join day: the seeded members' start is unknown, not 1 January.
  const asker = page.getByRole('row', { name: /^Asker \(3203\)/ });
  await expect(asker.getByRole('cell').first()).toHaveText('Ukjent');
  await expect(page.locator('main')).not.toContainText('1. januar 2016');

  const member = page.getByLabel('Kommune eller region', { exact: true });
  const from = page.getByLabel('Medlem fra', { exact: true });
  const add = page.getByRole('button', { name: 'Legg til medlem' });
  const options = page.locator('datalist#medlemsvalg option');
  await expect(options.and(page.locator('[value="Hallingdalsregionen"]'))).toHaveCount(1);
  await expect(options.and(page.locator('[value="Herøy (Nordland)"]'))).toHaveCount(1);

  // Asker's number before 2024: a field error that names today's number; nothing is lost.
  await member.fill('3025');
  await from.fill('2020');
  await add.click();
  await expect(page.locator('#member-feil')).toHaveText(
    '3025 var kommunenummeret til Asker før 2024. Asker har nå kommunenummer 3203.',
  );
  await expect(member).toHaveValue('3025');
  await expect(from).toHaveValue('2020');
  await expect(member).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Medlemskap i /);
  await expectNoAxeViolations(page);

  // Asker's number before 2020, and a region typed by a name that is not in the list.
  await member.fill('0220');
  await add.click();
  await expect(page.locator('#member-feil')).toContainText(
    'Ingen kommune har kommunenummer 0220 i dag.',
  );
  await expect(member).toHaveValue('0220');
  await member.fill('Folloregionen');
  await add.click();
  await expect(page.locator('#member-feil')).toContainText(
    'Fant ingen kommune eller region som heter «Folloregionen».',
  );
  await expect(from).toHaveValue('2020');

  // Both problems in one round.
  await member.fill('Askr');
  await from.fill('i fjor');
  await add.click();
  const summary = page.locator('.ds-error-summary');
  await expect(summary.getByRole('link')).toHaveCount(2);
  // The answer begins at the summary: a keyboard or screen reader is there first.
  await expect(summary).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(summary.getByRole('link').first()).toBeFocused();
  await expect(page.locator('#from-feil')).toContainText('Skriv året medlemskapet begynte');
  await expect(member).toHaveValue('Askr');
  await expectNoAxeViolations(page);

  // A region picked by its name is found (and here refused: it is a member already).
  await member.fill('Hallingdalsregionen');
  await from.fill('2024');
  await add.click();
  await expect(page.locator('#member-feil')).toContainText('overlapper');

  // Picked by name; only the year is known for one, the day for the other.
  await member.fill('Moss');
  await from.fill('2019');
  await add.click();
  await expect(page).toHaveURL(/lagt-til=1/);
  await member.fill('Halden');
  await from.fill('01.03.2025');
  await add.click();
  await expect(page).toHaveURL(/lagt-til=1/);
  await expect(
    page
      .getByRole('row', { name: /^Moss \(3103\)/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('2019');
  await expect(
    page
      .getByRole('row', { name: /^Halden \(3101\)/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('1. mars 2025');

  // The portal says exactly what is known.
  const moss = await portalPage(browser, '/kommuner/moss');
  await expect(moss.locator('main')).toContainText('medlem siden 2019');
  await expect(moss.locator('main')).not.toContainText('januar 2019');
  const askerPublic = await portalPage(browser, '/kommuner/asker');
  await expect(askerPublic.locator('main')).toContainText('startår ikke registrert');
  await expect(askerPublic.locator('main')).not.toContainText('1. januar 2016');
  const network = await portalPage(browser, `/nettverk/${KKO}`);
  const members = network.getByRole('table', { name: /direkte medlemmer/ });
  await expect(members.getByRole('columnheader', { name: 'Medlem siden' })).toBeVisible();
  await expect(members.getByRole('row', { name: /Moss/ })).toContainText('2019');
  await expect(members.getByRole('row', { name: /Halden/ })).toContainText('1. mars 2025');
  await expect(members.getByRole('row', { name: /Asker/ })).toContainText('Ukjent');
  await expect(network.locator('main')).not.toContainText('1. januar 2016');

  // End both again, so the network is as the other tests expect it.
  for (const [name, to] of [
    ['Moss (3103)', '2019-12-31'],
    ['Halden (3101)', '2025-12-31'],
  ] as const) {
    const field = page.getByLabel(`Siste dag for ${name}`);
    await field.fill(to);
    await page.locator('form', { has: field }).getByRole('button', { name: 'Avslutt' }).click();
    await expect(page).toHaveURL(/avsluttet=1/);
  }
  await page.context().close();
});

test('8: a participant is picked by name; an old kommunenummer is explained on the same form', async ({
  browser,
}) => {
  const page = await editorPage(browser, accounts.kkoEditor);
  await page.goto('/prosjekter/strategisk-klimaarbeid/deltakere');
  const add = page.getByRole('region', { name: 'Legg til kommune' });
  const municipality = add.getByLabel('Kommune', { exact: true });
  await expect(page.locator('datalist#medlemmer option[value="Gol"]')).toHaveCount(1);
  await municipality.fill('3025');
  await add.getByLabel('Notat', { exact: true }).fill('Skrevet før feilen');
  await add.getByRole('button', { name: 'Legg til kommune' }).click();
  await expect(page.locator('#municipality-feil')).toContainText('Asker har nå kommunenummer 3203');
  await expect(municipality).toHaveValue('3025');
  await expect(add.getByLabel('Notat', { exact: true })).toHaveValue('Skrevet før feilen');
  await municipality.fill('oslo');
  await add.getByRole('button', { name: 'Legg til kommune' }).click();
  await expect(page.locator('#municipality-feil')).toContainText('Oslo er ikke medlem av');
  await expect(municipality).toHaveValue('oslo');
  await expectNoAxeViolations(page);
  await page.context().close();
});

test('9: publish, unpublish, archive and withdraw ask first, in a dialog with JavaScript and on a page without', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await editorPage(browser, accounts.kkoEditor);
  const title = `Bekreftelser ${suffix()}`;
  const slug = await createProject(page, title);
  const status = page.getByRole('region', { name: 'Publisering' });

  // With JavaScript: a modal dialog says what will happen; «Avbryt» changes nothing.
  await status.getByRole('button', { name: 'Publiser', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Publisere «${title}»?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('blir synlig for alle på det offentlige nettstedet');
  await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(status).toContainText('har publiseringsstatus Utkast');
  await status.getByRole('button', { name: 'Publiser', exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await status.getByRole('button', { name: 'Publiser', exact: true }).click();
  await dialog.getByRole('button', { name: 'Ja, publiser' }).click();
  await expect(page.getByText('Publiseringsstatusen er endret til «Publisert».')).toBeVisible();

  // Without JavaScript: a confirmation page in its place; «Avbryt» goes back, nothing changed.
  const plain = await editorPage(browser, accounts.kkoEditor, false);
  await plain.goto(`/prosjekter/${slug}`);
  await plain.getByRole('button', { name: 'Avpubliser' }).click();
  await expect(plain.getByRole('heading', { level: 1 })).toHaveText(`Avpublisere «${title}»?`);
  await expect(plain.locator('main')).toContainText(
    'blir tatt bort fra det offentlige nettstedet med en gang og blir et utkast igjen',
  );
  await expect(plain).toHaveTitle(/^Bekreft: /);
  // (axe needs JavaScript; admin-reflow.spec.ts checks the confirmation page with it.)
  await plain.getByRole('link', { name: 'Avbryt' }).click();
  await expect(plain.getByRole('region', { name: 'Publisering' })).toContainText(
    'har publiseringsstatus Publisert',
  );
  await plain.getByRole('button', { name: 'Avpubliser' }).click();
  await plain.getByRole('button', { name: 'Ja, avpubliser' }).click();
  await expect(plain.getByText('Publiseringsstatusen er endret til «Utkast».')).toBeVisible();

  // Withdrawing a municipality: the day it takes effect is in the question.
  await plain.goto(`/prosjekter/${slug}/deltakere`);
  const add = plain.getByRole('region', { name: 'Legg til kommune' });
  await add.getByLabel('Kommune', { exact: true }).fill('Gol');
  await add.getByLabel('Fra dato', { exact: true }).fill('2026-02-01');
  await add.getByRole('button', { name: 'Legg til kommune' }).click();
  await expect(plain.getByText('Kommunen er lagt til i prosjektet.')).toBeVisible();
  const withdraw = plain.getByRole('group', { name: 'Trekk ut Gol' });
  await withdraw.getByLabel('Fra dato', { exact: true }).fill('2026-03-01');
  await withdraw.getByRole('button', { name: /Trekk ut/ }).click();
  await expect(plain.getByRole('heading', { level: 1 })).toHaveText(`Trekke Gol ut av «${title}»?`);
  await expect(plain.locator('main')).toContainText(
    'deltakelsesstatusen «Trukket seg» i prosjektet fra 1. mars 2026',
  );
  await plain.getByRole('button', { name: 'Ja, trekk ut Gol' }).click();
  await expect(plain.getByText('Kommunen er trukket ut av prosjektet.')).toBeVisible();

  // Archiving a draft: nothing public changes, and the page says so.
  await plain.goto(`/prosjekter/${slug}`);
  await plain.getByRole('button', { name: 'Arkiver' }).click();
  await expect(plain.locator('main')).toContainText('var ikke synlig for publikum');
  await plain.getByRole('button', { name: 'Ja, arkiver' }).click();
  await expect(plain.getByText('Publiseringsstatusen er endret til «Arkivert».')).toBeVisible();
  await plain.context().close();
  await page.context().close();
});

test('9: removing a role, deactivating a user and revoking a token ask first', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await editorPage(browser, accounts.admin);
  const name = `Bekreft Bruker ${suffix()}`;
  await page.goto('/brukere');
  await page.getByLabel('Navn', { exact: true }).fill(name);
  await page.getByLabel('E-post', { exact: true }).fill(`bekreft-${suffix()}@test.no`);
  await page.getByLabel('Førstegangspassord', { exact: true }).fill('et-langt-passord-for-test');
  await page
    .getByLabel('Organisasjon', { exact: true })
    .selectOption({ label: 'Klima- og energinettverk i Folloregionen' });
  await page.getByRole('button', { name: 'Opprett bruker' }).click();
  await page.getByRole('link', { name }).click();

  const role = 'Redaktør i Klima- og energinettverk i Folloregionen';
  await expect(page.locator('main')).toContainText(role);
  await page.getByRole('button', { name: `Fjern rollen ${role}` }).click();
  const removeDialog = page.getByRole('dialog', { name: `Fjerne rollen «${role}» fra ${name}?` });
  await expect(removeDialog).toContainText('mister med en gang det rollen gir tilgang til');
  await removeDialog.getByRole('button', { name: 'Ja, fjern rollen' }).click();
  await expect(page.getByText('Brukeren har ingen roller')).toBeVisible();

  await page.getByRole('button', { name: 'Deaktiver brukeren' }).click();
  const deactivate = page.getByRole('dialog', { name: `Deaktivere ${name}?` });
  await expect(deactivate).toContainText('alle øktene til brukeren avsluttes med en gang');
  await deactivate.getByRole('button', { name: 'Ja, deaktiver brukeren' }).click();
  await expect(
    page.getByText('Brukeren er deaktivert, og alle øktene er avsluttet.'),
  ).toBeVisible();

  const plain = await editorPage(browser, accounts.admin, false);
  const token = `Bekreftelsestoken ${suffix()}`;
  await plain.goto('/tokener');
  await plain.getByLabel('Navn', { exact: true }).fill(token);
  await plain
    .getByLabel('Organisasjon', { exact: true })
    .selectOption({ label: 'Klima- og energinettverk i Folloregionen' });
  await plain.getByRole('button', { name: 'Opprett token' }).click();
  await expect(plain.getByText(`Tokenet «${token}» er opprettet`)).toBeVisible();
  await plain.getByRole('button', { name: `Trekk tilbake ${token}` }).click();
  await expect(plain.getByRole('heading', { level: 1 })).toHaveText(
    `Trekke tilbake tokenet «${token}»?`,
  );
  await expect(plain.locator('main')).toContainText('Dette kan ikke angres');
  await plain.getByRole('button', { name: 'Ja, trekk tilbake tokenet' }).click();
  await expect(plain.getByText('Tokenet er trukket tilbake.')).toBeVisible();
  await plain.context().close();
  await page.context().close();
});

test('10: history names actions in Norwegian, shows the record by title with the changed fields, links back; the log filters by name and by action', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await editorPage(browser, accounts.kkoEditor);
  const title = `Historikk ${suffix()}`;
  const slug = await createProject(page, title);
  await page.getByLabel('Tittel', { exact: true }).fill(`${title} endret`);
  await page.getByLabel('Prosjektstatus', { exact: true }).selectOption({ label: 'Planlagt' });
  await page.getByRole('button', { name: 'Lagre prosjektet' }).click();
  await expect(page.getByText('Prosjektet er lagret.')).toBeVisible();

  await page.getByRole('link', { name: 'Se endringshistorikken for prosjektet' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Historikk for prosjekt «${title} endret»`,
  );
  const changed = page.getByRole('row', { name: /Endret prosjektet/ });
  await expect(changed).toContainText('Rita Redaktør');
  await expect(changed.locator('.changes li')).toHaveText([
    `Tittel: ${title} → endret til ${title} endret`,
    'Prosjektstatus: Pågår → endret til Planlagt',
  ]);
  // A creation lists what was set, people by name (the record holds their ids).
  await expect(page.getByRole('row', { name: /Opprettet prosjektet/ })).toContainText(
    'Prosjektledere: Sandra Mauer',
  );
  await expect(page.locator('main')).not.toContainText('project.update');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: `Tilbake til ${title} endret` }).click();
  await expect(page).toHaveURL(new RegExp(`/prosjekter/${slug}$`));

  const admin = await editorPage(browser, accounts.admin);
  await admin.goto('/logg');
  const actions = admin.getByLabel('Hva', { exact: true }).locator('option');
  expect(await actions.count()).toBeGreaterThan(30);
  for (const text of await actions.allInnerTexts()) expect(text).not.toMatch(/[a-z]\.[a-z]/);
  await admin.getByLabel('Hvem', { exact: true }).fill('rita');
  await admin.getByLabel('Hva', { exact: true }).selectOption({ label: 'Endret prosjektet' });
  await admin.getByRole('button', { name: 'Filtrer' }).click();
  const rows = admin.getByRole('table', { name: /Hendelser/ }).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) {
    await expect(row).toContainText('Rita Redaktør');
    await expect(row).toContainText('Endret prosjektet');
  }
  await expect(admin.getByRole('link', { name: `${title} endret` }).first()).toHaveAttribute(
    'href',
    `/prosjekter/${slug}`,
  );
  await expectNoAxeViolations(admin);
  await admin.context().close();
  await page.context().close();
});

test('11: the preview is the portal’s own page for the record, and a published record links to its public page', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await editorPage(browser, accounts.kkoEditor);
  const title = `Forhåndsvist ${suffix()}`;
  const slug = await createProject(page, title);

  await page.getByRole('link', { name: 'Forhåndsvis siden slik publikum ser den' }).click();
  await expect(page).toHaveURL(new RegExp(`/prosjekter/${slug}/forhandsvisning$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('.public-preview strong', { hasText: 'alt' })).toBeVisible();
  await expect(page.locator('main')).toContainText(
    'Publikum ser ikke prosjektet før det er publisert',
  );
  await expectNoAxeViolations(page);
  await expect(page.getByRole('link', { name: 'Se prosjektet på Klimakommuner' })).toHaveCount(0);

  // Unsaved changes are previewed as the whole public page too, and nothing is saved by it.
  await page.goto(`/prosjekter/${slug}`);
  const changed = `${title} (endret)`;
  await page.getByLabel('Tittel', { exact: true }).fill(changed);
  await page.getByLabel('Sammendrag', { exact: true }).fill('Et sammendrag som ikke er lagret.');
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  const draft = page.getByRole('region', { name: 'Forhåndsvisning (ikke lagret)' });
  await expect(draft.getByRole('heading', { level: 1 })).toHaveText(changed);
  await expect(draft).toContainText('Et sammendrag som ikke er lagret.');
  await expect(draft.getByRole('heading', { name: 'Deltakende kommuner' })).toBeVisible();
  await expect(page.getByLabel('Tittel', { exact: true })).toHaveValue(changed);
  await expectNoAxeViolations(page);
  // A form the preview cannot show gets its field errors, everything kept.
  await page.getByLabel('Tittel', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  await expect(page.getByText('Skriv en tittel på prosjektet.').first()).toBeVisible();
  await expect(page.getByLabel('Sammendrag', { exact: true })).toHaveValue(
    'Et sammendrag som ikke er lagret.',
  );
  await page.goto(`/prosjekter/${slug}`);
  await expect(page.getByLabel('Tittel', { exact: true })).toHaveValue(title);

  await page.getByRole('button', { name: 'Publiser', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ja, publiser' }).click();
  await expect(page.getByText('Publiseringsstatusen er endret til «Publisert».')).toBeVisible();
  const publicLink = page.getByRole('link', { name: 'Se prosjektet på Klimakommuner' });
  await expect(publicLink).toHaveAttribute('href', `${urls.portal}/prosjekter/${slug}`);

  // What the preview shows is, word for word, the body of the public page.
  await page.goto(`/prosjekter/${slug}/forhandsvisning`);
  const words = (text: string) => text.replace(/\s+/g, ' ').trim();
  // What a reader sees, so rendered text (innerText), not the DOM's text nodes.
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is compared
  const preview = words(await page.locator('.public-preview').innerText());
  const portal = await portalPage(browser, `/prosjekter/${slug}`);
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is compared
  const publicText = words(await portal.locator('main').innerText());
  expect(publicText).toContain(preview);
  await expect(portal.getByRole('heading', { level: 1 })).toHaveText(title);

  await page.goto(`/organisasjoner/${KKO}/prosjekter`);
  await expect(page.getByRole('link', { name: `Offentlig side for ${title}` })).toHaveAttribute(
    'href',
    `${urls.portal}/prosjekter/${slug}`,
  );
  await page.goto(`/organisasjoner/${KKO}`);
  await expect(
    page.getByRole('link', { name: 'Se Kommunenettverk for klimaomstilling på Klimakommuner' }),
  ).toHaveAttribute('href', `${urls.portal}/nettverk/${KKO}`);
  await page.context().close();
});

test('12: small things — «Redaktør i …», «Sist innlogget», «Ikke med», the statuses named apart, errors in one round', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const rita = await editorPage(browser, accounts.kkoEditor);
  const admin = await editorPage(browser, accounts.admin);
  await admin.goto('/brukere');
  const row = admin.getByRole('row', { name: /Rita Redaktør/ });
  await expect(row).toContainText('Redaktør i Kommunenettverk for klimaomstilling');
  await expect(row.getByRole('cell').last()).not.toHaveText('–');
  await expect(row.getByRole('cell').last()).toContainText(String(new Date().getFullYear()));

  // One word for a municipality that takes no part, on both matrices.
  await rita.goto(`/organisasjoner/${KKO}/deltakelse`);
  await expect(rita.locator('main dl')).toContainText('Ikke med');
  const network = await portalPage(browser, `/nettverk/${KKO}`);
  await expect(network.locator('main')).toContainText('Ikke med');
  await expect(network.locator('main')).not.toContainText('Deltar ikke');
  await expect(rita.locator('main')).not.toContainText('Deltar ikke');

  // The project's status and the publication status are never just «Status».
  await rita.goto(`/organisasjoner/${KKO}/prosjekter`);
  await expect(rita.getByRole('columnheader', { name: 'Publiseringsstatus' })).toBeVisible();
  await expect(rita.getByRole('columnheader', { name: 'Prosjektstatus' })).toBeVisible();
  await rita.goto('/prosjekter/gronn-mobilitet');
  await expect(rita.getByRole('region', { name: 'Publisering' })).toContainText(
    'har publiseringsstatus Publisert',
  );
  await expect(rita.getByLabel('Prosjektstatus', { exact: true })).toBeVisible();
  await expect(rita.getByLabel('Status', { exact: true })).toHaveCount(0);
  await rita.goto('/prosjekter/gronn-mobilitet/deltakere');
  await expect(
    rita.getByRole('region', { name: 'Legg til kommune' }).getByLabel('Deltakelsesstatus'),
  ).toBeVisible();
  const project = await portalPage(browser, '/prosjekter/gronn-mobilitet');
  await expect(project.locator('main dt', { hasText: 'Prosjektstatus' })).toBeVisible();

  // Errors in one round: a field error and the dates rule at once, everything kept.
  await rita.goto(`/organisasjoner/${KKO}/prosjekter/ny`);
  await rita.getByLabel('Tittel', { exact: true }).fill('x');
  await rita.getByLabel('Prosjektstatus', { exact: true }).selectOption({ label: 'Fullført' });
  await rita.getByLabel('Sluttdato', { exact: true }).fill('2025-01-01');
  await rita.getByRole('button', { name: 'Opprett prosjektet' }).click();
  const summary = rita.locator('.ds-error-summary');
  await expect(summary).toContainText('Tittelen må ha minst 3 tegn.');
  await expect(summary).toContainText('Et fullført prosjekt må ha en startdato.');
  await expect(rita.getByLabel('Tittel', { exact: true })).toHaveValue('x');
  await expect(rita.getByLabel('Sluttdato', { exact: true })).toHaveValue('2025-01-01');
  await expectNoAxeViolations(rita);
  await rita.context().close();
  await admin.context().close();
});
