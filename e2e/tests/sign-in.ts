import { expect, type Page } from '@playwright/test';
import type { accounts } from '../accounts.ts';

type Account = (typeof accounts)[keyof typeof accounts];

export const signIn = async (page: Page, account: Account): Promise<void> => {
  await page.goto('/logg-inn');
  await page.getByLabel('E-post', { exact: true }).fill(account.email);
  await page.getByLabel('Passord', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Oversikt');
};
