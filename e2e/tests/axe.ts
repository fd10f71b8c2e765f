import AxeBuilder from '@axe-core/playwright';
import { AXE_TAGS } from '@klimakommuner/ui/accessibility';
import { expect, type Page } from '@playwright/test';

/**
 * Fails the test with the list of WCAG 2.1 A/AA violations axe-core finds on the page. The tags
 * come from the module the portal's accessibility statement is generated from. Running
 * animations are waited for, so colours are measured as they end up, not mid-fade.
 */
export const expectNoAxeViolations = async (page: Page): Promise<void> => {
  // Contrast is measured on what is painted: a dialog fading in (Designsystemet animates its
  // opacity for 300 ms) would be judged half-transparent. Wait for every finite animation first.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).withTags([...AXE_TAGS]).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe-core violations on ${page.url()}`).toEqual([]);
};
