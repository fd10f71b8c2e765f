import { expect, test } from '@playwright/test';
import { urls } from '../servers.ts';
import { PORTAL_TEMPLATES } from './portal-pages.ts';
import { expectReflow, sweepTemplates } from './reflow.ts';

test.use({ baseURL: urls.portal });

// WCAG 2.1 1.4.10 (Reflow): every template at 320 and 1280 CSS px, axe included.
for (const path of PORTAL_TEMPLATES) {
  test(`1.4.10 reflow: ${path} at 320 and 1280 px, nothing scrolls sideways but a table in its region, axe clean`, async ({
    page,
  }) => {
    await sweepTemplates(page, [path]);
  });
}

test('1.4.10 reflow: the error page reflows too', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 900 });
  expect((await page.goto('/prosjekter/et-prosjekt-med-et-svaert-langt-navn'))?.status()).toBe(404);
  await expectReflow(page);
});

test('the participation matrix fits at 1280 px, and at 320 px says that it scrolls and scrolls by keyboard', async ({
  page,
}) => {
  const path = '/nettverk/kommunenettverk-for-klimaomstilling';
  const matrix = page.getByRole('region', { name: 'Deltakelse i fellesprosjekter' });
  const cue = matrix.locator('[data-scroll-cue]');

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(path);
  const wide = await expectReflow(page);
  expect(wide.map((region) => region.label)).not.toContain('Deltakelse i fellesprosjekter');
  await expect(cue).toBeHidden();

  await page.setViewportSize({ width: 320, height: 900 });
  await page.goto(path);
  const narrow = await expectReflow(page);
  expect(narrow.map((region) => region.label)).toContain('Deltakelse i fellesprosjekter');
  await expect(cue).toBeVisible();
  await expect(cue).toContainText('Rull sideveis');

  // A keyboard user reaches the region with Tab and scrolls it with the arrow keys.
  await matrix.focus();
  await expect(matrix).toBeFocused();
  const before = await matrix.evaluate((el) => el.scrollLeft);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => matrix.evaluate((el) => el.scrollLeft)).toBeGreaterThan(before);
  const outline = await matrix.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
});

test('long title words wrap inside the screen at 320 px, hyphenated where the browser can', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 900 });
  for (const path of [
    '/nettverk/kommunenettverk-for-klimaomstilling',
    '/prosjekter/klimavennlige-maltidstjenester-i-offentlig-sektor',
    '/regioner/hallingdal',
    '/tilgjengelighetserklaering',
  ]) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
    const heading = page.getByRole('heading', { level: 1 });
    const box = await heading.boundingBox();
    expect(box && box.x + box.width, path).toBeLessThanOrEqual(320);
    const style = await heading.evaluate((el) => {
      const s = getComputedStyle(el);
      return { hyphens: s.hyphens, wrap: s.overflowWrap };
    });
    expect(style).toEqual({ hyphens: 'auto', wrap: 'break-word' });
    // Every word of the heading ends inside the screen.
    const right = await heading.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return Math.max(...[...range.getClientRects()].map((rect) => rect.right));
    });
    expect(right, path).toBeLessThanOrEqual(320);
  }
});
