import { type Browser, expect, type Page } from '@playwright/test';
import type { Account } from '../accounts.ts';
import { urls } from '../servers.ts';

export const signIn = async (page: Page, account: Account): Promise<void> => {
  await page.goto('/logg-inn');
  await page.getByLabel('E-post', { exact: true }).fill(account.email);
  await page.getByLabel('Passord', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Oversikt');
};

/** A signed-in admin page in a browser of its own, with or without JavaScript. */
export const editorPage = async (
  browser: Browser,
  account: Account,
  javaScriptEnabled = true,
): Promise<Page> => {
  const context = await browser.newContext({ baseURL: urls.admin, javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, account);
  return page;
};

/**
 * A portal page in a fresh browser, since public pages may be cached for a minute; with `path`,
 * opened there and answering 200.
 */
export const portalPage = async (browser: Browser, path?: string, width = 1280): Promise<Page> => {
  const context = await browser.newContext({
    baseURL: urls.portal,
    viewport: { width, height: 900 },
  });
  const page = await context.newPage();
  if (path !== undefined) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
  }
  return page;
};
