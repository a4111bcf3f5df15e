import { expect, test, type Page } from '@playwright/test';

import { passSecondFactor } from './accounts';
import { jsEnabled, mainMenu, waitForHydration } from './helpers';

const DEMO_PASSWORD = 'Mizekhedmat-1405';
const NEW_PASSWORD = 'یک عبارت بلند برای ورود';

// The four projects share one server: each project changes the password of
// its own demo account, and sets it back at the end for later journeys.
const ACCOUNT_FOR_PROJECT: Record<string, string> = {
  'desktop-js': 'manager.tehran',
  'desktop-nojs': 'counter.tehran',
  'phone-js': 'ministry',
  'phone-nojs': 'expert.tehran',
};

async function signIn(page: Page, username: string, password: string, js: boolean): Promise<void> {
  await page.goto('/login');
  if (js) await waitForHydration(page);
  await page.getByLabel('نام کاربری').fill(username);
  await page.getByLabel('کلمه عبور').fill(password);
  await page.getByRole('button', { name: 'ورود' }).click();
}

test('a staff member changes their password; the old one stops working and the new one signs in', async ({
  page,
}, testInfo) => {
  const js = jsEnabled(testInfo);
  const username = ACCOUNT_FOR_PROJECT[testInfo.project.name];
  await signIn(page, username, DEMO_PASSWORD, js);
  // Staff also pass the second step, with the code of their authenticator app.
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  await passSecondFactor(page, username, js);

  await page.getByRole('link', { name: 'تغییر کلمه عبور' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('تغییر کلمه عبور');
  if (js) await waitForHydration(page);

  // A repeat that differs is pointed out beside the repeat field.
  await page.getByLabel('کلمه عبور فعلی').fill(DEMO_PASSWORD);
  await page.getByLabel('کلمه عبور تازه', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('تکرار کلمه عبور تازه').fill(`${NEW_PASSWORD}!`);
  await page.getByRole('button', { name: 'تغییر کلمه عبور' }).click();
  const repeat = page.getByLabel('تکرار کلمه عبور تازه');
  await expect(repeat).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('تکرار کلمه عبور با خود آن یکسان نیست')).toBeVisible();

  await page.getByLabel('کلمه عبور فعلی').fill(DEMO_PASSWORD);
  await page.getByLabel('کلمه عبور تازه', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('تکرار کلمه عبور تازه').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'تغییر کلمه عبور' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'کلمه عبور تغییر کرد' })).toBeVisible();
  // This browser stays signed in.
  await expect(mainMenu(page).getByRole('button', { name: 'خروج' })).toBeVisible();

  await mainMenu(page).getByRole('button', { name: 'خروج' }).click();
  await expect(mainMenu(page).getByRole('link', { name: 'ورود', exact: true })).toBeVisible();
  await signIn(page, username, DEMO_PASSWORD, js);
  await expect(page.getByText('نام کاربری یا کلمه عبور نادرست است')).toBeVisible();
  await signIn(page, username, NEW_PASSWORD, js);
  await passSecondFactor(page, username, js);

  // Back to the demo password, which later journeys sign in with.
  await page.getByRole('link', { name: 'تغییر کلمه عبور' }).click();
  if (js) await waitForHydration(page);
  await page.getByLabel('کلمه عبور فعلی').fill(NEW_PASSWORD);
  await page.getByLabel('کلمه عبور تازه', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByLabel('تکرار کلمه عبور تازه').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'تغییر کلمه عبور' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'کلمه عبور تغییر کرد' })).toBeVisible();
});

test('a visitor who is not signed in is asked to sign in before changing a password', async ({ page }) => {
  await page.goto('/account/password');
  await expect(page.getByText('برای تغییر کلمه عبور ابتدا وارد شوید.')).toBeVisible();
  await expect(page.getByLabel('کلمه عبور فعلی')).toHaveCount(0);
});
