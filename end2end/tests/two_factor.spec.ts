import { expect, test } from '@playwright/test';

import { passSecondFactor } from './accounts';
import { jsEnabled, mainMenu, waitForHydration } from './helpers';

const DEMO_PASSWORD = 'Mizekhedmat-1405';

test('staff reach nothing with a password alone: a wrong code is refused, the right one opens the cartable', async ({ page }, testInfo) => {
  const js = jsEnabled(testInfo);
  await page.goto('/login');
  if (js) await waitForHydration(page);
  await page.getByLabel('نام کاربری').fill('desk.isfahan');
  await page.getByLabel('کلمه عبور').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'ورود' }).click();
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ورود دومرحله‌ای');

  // The cartable stays closed until the second step.
  await page.goto('/cartable');
  await expect(page.getByText('برای ادامه، کد برنامه تأیید هویت (ورود دومرحله‌ای) را وارد کنید')).toBeVisible();
  await page.getByRole('link', { name: 'ورود دومرحله‌ای' }).click();
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  if (js) await waitForHydration(page);

  await page.getByLabel('کد شش‌رقمی برنامه').fill('000000');
  await page.getByRole('button', { name: 'ادامه' }).click();
  await expect(page.getByText('کد درست نیست؛ کد تازه برنامه را وارد کنید')).toBeVisible();
  await passSecondFactor(page, 'desk.isfahan', js);
  await expect(mainMenu(page).getByText('لیلا سبحان‌پور')).toBeVisible();
});
