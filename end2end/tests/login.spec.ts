import { expect, test } from '@playwright/test';

import { collectErrors, jsEnabled, mainMenu, waitForHydration } from './helpers';

// Demo accounts are printed by the run command; all share this password.
const DEMO_PASSWORD = 'Mizekhedmat-1405';

test('a demo applicant signs in, is greeted by name in the cartable, and signs out', async ({ page }, testInfo) => {
  const errors = collectErrors(page);
  await page.goto('/login');
  if (jsEnabled(testInfo)) await waitForHydration(page);

  await page.getByLabel('نام کاربری').fill('applicant');
  await page.getByLabel('کلمه عبور').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'ورود' }).click();

  await expect(page).toHaveURL(/\/cartable$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('کارتابل');
  await expect(mainMenu(page).getByText('نگار امیرخانی')).toBeVisible();
  await expect(page.getByRole('region', { name: /در انتظار اقدام/ })).toBeVisible();

  // The session survives a reload: it lives on the server, not in the page.
  await page.reload();
  await expect(mainMenu(page).getByText('نگار امیرخانی')).toBeVisible();

  await mainMenu(page).getByRole('button', { name: 'خروج' }).click();
  await expect(page).toHaveURL(/\/\??$/);
  await expect(mainMenu(page).getByRole('link', { name: 'ورود', exact: true })).toBeVisible();
  await page.goto('/cartable');
  await expect(page.getByText('برای دیدن کارتابل ابتدا وارد شوید.')).toBeVisible();
  if (jsEnabled(testInfo)) expect(errors).toEqual([]);
});

test('a wrong password is explained beside the password field in Persian', async ({ page }, testInfo) => {
  await page.goto('/login');
  if (jsEnabled(testInfo)) await waitForHydration(page);

  await page.getByLabel('نام کاربری').fill('applicant');
  await page.getByLabel('کلمه عبور').fill('not-the-password');
  await page.getByRole('button', { name: 'ورود' }).click();

  const password = page.getByLabel('کلمه عبور');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await password.getAttribute('aria-describedby');
  expect(describedBy).toBeTruthy();
  await expect(page.locator(`[id="${describedBy}"]`)).toHaveText(/نام کاربری یا کلمه عبور نادرست است/);
  await expect(page).toHaveURL(/\/login/);
  if (jsEnabled(testInfo)) {
    // Nothing typed is lost: the username is still in its field.
    await expect(page.getByLabel('نام کاربری')).toHaveValue('applicant');
  }
  // No session was opened.
  const cookies = await page.context().cookies();
  expect(cookies.map((c) => c.name)).not.toContain('__Host-session');
});

test('an empty form names the field to fill', async ({ page }, testInfo) => {
  await page.goto('/login');
  if (jsEnabled(testInfo)) await waitForHydration(page);
  await page.getByRole('button', { name: 'ورود' }).click();
  const username = page.getByLabel('نام کاربری');
  await expect(username).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('نام کاربری را وارد کنید')).toBeVisible();
});
