import { REFLOW_WIDTHS } from '@klimakommuner/ui/accessibility';
import { expect, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe.ts';

// WCAG 2.1 1.4.10 Reflow, checked the same way for every page template of both apps:
// `sweepTemplates(page, paths)` visits each path at every width in REFLOW_WIDTHS (320 and
// 1280 CSS px) and runs `expectReflow` and axe-core on it. The portal's accessibility statement
// names these widths from the same module.

export interface ScrollRegion {
  readonly label: string;
  readonly overflow: number;
}

/** Resolves after the page has drawn two more frames. */
const nextFrames = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );

/** What the page scrolls, clips and shows now (see expectReflow). */
const measure = (page: Page) =>
  page.evaluate(() => {
    const doc = document.documentElement;
    const clipped = [doc, document.body]
      .map((el) => ({ tag: el.tagName.toLowerCase(), x: getComputedStyle(el).overflowX }))
      .filter(({ x }) => x === 'hidden' || x === 'clip')
      .map(({ tag, x }) => `${tag} has overflow-x: ${x}`);
    const scrolling = [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => {
      const x = getComputedStyle(el).overflowX;
      return (x === 'auto' || x === 'scroll') && el.scrollWidth > el.clientWidth + 1;
    });
    const describe = (el: HTMLElement) =>
      el.getAttribute('aria-label') ??
      (el.getAttribute('aria-labelledby')
        ? document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent?.trim()
        : null) ??
      '';
    return {
      documentOverflow: doc.scrollWidth - doc.clientWidth,
      clipped,
      regions: scrolling.map((el) => ({
        label: describe(el),
        overflow: el.scrollWidth - el.clientWidth,
        problems: [
          el.getAttribute('role') === 'region' ? null : 'not role=region',
          el.tabIndex === 0 ? null : 'not focusable (tabindex 0)',
          describe(el) !== '' ? null : 'no label',
          [...el.querySelectorAll<HTMLElement>('[data-scroll-cue]')].some((cue) =>
            cue.checkVisibility(),
          )
            ? null
            : 'no visible cue that it scrolls',
        ].filter((problem) => problem !== null),
        html: el.outerHTML.slice(0, 120),
      })),
    };
  });

/**
 * Nothing scrolls sideways but a table inside its own region: the document is no wider than the
 * viewport, neither <html> nor <body> hides what sticks out (no overflow: hidden/clip on them),
 * and every element that does scroll sideways is a focusable (tabindex 0), labelled region
 * that shows its cue ([data-scroll-cue], TableScroll.svelte). Returns the regions that scroll.
 * `modal`: a modal dialog is open, and Designsystemet locks the page's scrolling behind it
 * (overflow: hidden on <html>), which is not a reflow failure.
 */
export const expectReflow = async (
  page: Page,
  options: { readonly modal?: boolean } = {},
): Promise<ScrollRegion[]> => {
  // The cue shows through a scroll-state container query, which Chromium evaluates against the
  // scroll state of the previous frame: right after a load or a resize, on a busy machine, it may
  // not show yet. So a page gets a few frames (up to about 3 s) before a region counts as cue-less.
  let found = await measure(page);
  for (let tries = 0; tries < 30 && found.regions.some((r) => r.problems.length > 0); tries++) {
    await nextFrames(page);
    await page.waitForTimeout(100);
    found = await measure(page);
  }
  const where = `${page.url()} at ${page.viewportSize()?.width} px`;
  expect(found.documentOverflow, `the page scrolls sideways: ${where}`).toBeLessThanOrEqual(0);
  if (!options.modal) {
    expect(found.clipped, `overflow hidden instead of reflow: ${where}`).toEqual([]);
  }
  const bad = found.regions.filter((region) => region.problems.length > 0);
  expect(
    bad.map((region) => `${region.html}: ${region.problems.join(', ')}`),
    `sideways scrolling outside a usable region: ${where}`,
  ).toEqual([]);
  return found.regions.map(({ label, overflow }) => ({ label, overflow }));
};

/** A page to sweep: its path, and the status it answers when that is not 200 (a 404 page). */
export type Template = string | { readonly path: string; readonly status: number };

/**
 * Visits every path at every reflow width and checks that it answers (200 unless told), shows
 * its h1, reflows and passes axe. Returns the regions that scroll, by «width path». Give it a
 * signed-in page for the admin.
 */
export const sweepTemplates = async (
  page: Page,
  templates: readonly Template[],
): Promise<Map<string, ScrollRegion[]>> => {
  const regions = new Map<string, ScrollRegion[]>();
  for (const width of REFLOW_WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const template of templates) {
      const { path, status } =
        typeof template === 'string' ? { path: template, status: 200 } : template;
      const response = await page.goto(path);
      expect(response?.status(), `${path} at ${width} px`).toBe(status);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      regions.set(`${width} ${path}`, await expectReflow(page));
      await expectNoAxeViolations(page);
    }
  }
  return regions;
};
