import { expect, test } from '@playwright/test';

import { captchaAnswer, codeIn, lastSms, linkInEmail, nationalId, randomDigits, signUp } from './accounts';
import { collectErrors, jsEnabled, mainMenu, waitForHydration } from './helpers';

test('a stranger signs up, fixes a mistake, activates with the SMS code from /dev/messages and signs in', async ({ page }, testInfo) => {
  const errors = collectErrors(page);
  const suffix = randomDigits(7);
  const username = `e2e.${suffix}`;
  const mobile = `0935${suffix}`;
  const email = `${username}@example.ir`;

  await page.goto('/signup');
  if (jsEnabled(testInfo)) await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('عضویت در میز خدمت');
  await expect(page.getByRole('img', { name: /تصویر امنیتی/ })).toBeVisible();

  await page.getByLabel('نام کاربری', { exact: true }).fill(username);
  await page.getByLabel('کلمه عبور', { exact: true }).fill('a long enough passphrase');
  await page.getByLabel('تکرار کلمه عبور', { exact: true }).fill('a different passphrase');
  await page.getByLabel('ایمیل', { exact: true }).fill(email);
  await page.getByLabel('نام', { exact: true }).fill('كيان'); // Arabic ك and ي, as old keyboards type
  await page.getByLabel('نام خانوادگی', { exact: true }).fill('آزمون');
  await page.getByLabel('موبایل', { exact: true }).fill(mobile.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]));
  await page.getByLabel('کد ملی', { exact: true }).fill(nationalId(`00${suffix}`));
  const [firstCaptcha, firstAnswer] = await captchaAnswer(page);
  await page.getByLabel('رقم‌های تصویر را وارد کنید').fill(firstAnswer);
  await page.getByRole('button', { name: 'ثبت نام' }).click();

  // The mismatch is named beside its field and nothing else typed is lost.
  const repeat = page.getByLabel('تکرار کلمه عبور', { exact: true });
  await expect(repeat).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('تکرار کلمه عبور با خود آن یکسان نیست')).toBeVisible();
  await expect(page.getByLabel('ایمیل', { exact: true })).toHaveValue(email);
  await expect(page.getByLabel('نام کاربری', { exact: true })).toHaveValue(username);

  // Passwords are never sent back; a new captcha comes with the answer.
  await page.getByLabel('کلمه عبور', { exact: true }).fill('a long enough passphrase');
  await repeat.fill('a long enough passphrase');
  await page.getByLabel('رقم‌های تصویر را وارد کنید').fill((await captchaAnswer(page, firstCaptcha))[1]);
  await page.getByRole('button', { name: 'ثبت نام' }).click();

  await expect(page).toHaveURL(/\/activate\?/);
  await expect(page.getByText('عضویت انجام شد.')).toBeVisible();
  const sms = await lastSms(page, mobile);
  expect(sms).toContain('کد فعال‌سازی');
  await page.getByLabel('کد فعال‌سازی').fill(codeIn(sms));
  await page.getByRole('button', { name: 'فعال سازی اکانت با شماره موبایل' }).click();

  await expect(page).toHaveURL(/\/login\?activated=1/);
  await expect(page.getByText('حساب شما فعال شد؛ اکنون وارد شوید.')).toBeVisible();
  await page.getByLabel('نام کاربری').fill(username);
  await page.getByLabel('کلمه عبور').fill('a long enough passphrase');
  await page.getByRole('button', { name: 'ورود' }).click();
  await expect(page).toHaveURL(/\/cartable$/);
  // The name was stored with Persian letters.
  await expect(mainMenu(page).getByText('کیان آزمون')).toBeVisible();
  // The browser logs the refused first post (422) itself; nothing else may fail.
  if (jsEnabled(testInfo)) expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
});

test('signing in before activation is refused in red and the code is sent again', async ({ page }, testInfo) => {
  const suffix = randomDigits(7);
  const username = `late.${suffix}`;
  const mobile = `0936${suffix}`;
  await page.goto('/signup');
  if (jsEnabled(testInfo)) await waitForHydration(page);
  await page.getByLabel('نام کاربری', { exact: true }).fill(username);
  await page.getByLabel('کلمه عبور', { exact: true }).fill('a long enough passphrase');
  await page.getByLabel('تکرار کلمه عبور', { exact: true }).fill('a long enough passphrase');
  await page.getByLabel('ایمیل', { exact: true }).fill(`${username}@example.ir`);
  await page.getByLabel('نام', { exact: true }).fill('نوید');
  await page.getByLabel('نام خانوادگی', { exact: true }).fill('دیرکرد');
  await page.getByLabel('موبایل', { exact: true }).fill(mobile);
  await page.getByLabel('کد ملی', { exact: true }).fill(nationalId(`01${suffix}`));
  // The question in words, for people who cannot see the image.
  const [imageCaptcha] = await captchaAnswer(page);
  await page.getByRole('button', { name: 'پرسش متنی به جای تصویر' }).click();
  await expect(page.getByText(/حاصل جمع .* چند می‌شود؟/)).toBeVisible();
  await expect(page.getByLabel('نام کاربری', { exact: true })).toHaveValue(username);
  await page.getByLabel('پاسخ پرسش').fill((await captchaAnswer(page, imageCaptcha))[1]);
  if (!jsEnabled(testInfo)) {
    // Without JavaScript the switch was a round trip: passwords are typed again.
    await page.getByLabel('کلمه عبور', { exact: true }).fill('a long enough passphrase');
    await page.getByLabel('تکرار کلمه عبور', { exact: true }).fill('a long enough passphrase');
  }
  await page.getByRole('button', { name: 'ثبت نام' }).click();
  await expect(page).toHaveURL(/\/activate\?/);
  const first = codeIn(await lastSms(page, mobile));

  await page.goto('/login');
  if (jsEnabled(testInfo)) await waitForHydration(page);
  await page.getByLabel('نام کاربری').fill(username);
  await page.getByLabel('کلمه عبور').fill('a long enough passphrase');
  await page.getByRole('button', { name: 'ورود' }).click();
  const refusal = page.getByText(/حساب کاربری شما هنوز فعال نشده است/);
  await expect(refusal).toBeVisible();
  await expect(refusal).toHaveCSS('color', 'rgb(139, 26, 26)');
  const inbox = await page.context().newPage();
  await inbox.goto('/dev/messages');
  await expect(inbox.locator(`li[data-channel="sms"][data-recipient="${mobile}"]`)).toHaveCount(2);
  await inbox.close();
  expect(codeIn(await lastSms(page, mobile))).toMatch(/^\d{6}$/);
  expect(first).toMatch(/^\d{6}$/);
});

test('the e-mailed link activates the account once, and a forgotten password is reset with the SMS code', async ({ page }, testInfo) => {
  const js = jsEnabled(testInfo);
  const suffix = randomDigits(7);
  const username = `link.${suffix}`;
  const mobile = `0937${suffix}`;
  await signUp(page, username, mobile, `02${suffix}`, js);

  const link = await linkInEmail(page, `${username}@example.ir`, '/activate/email?token=');
  await page.goto(link);
  if (js) await waitForHydration(page);
  await page.getByRole('button', { name: 'فعال‌سازی حساب' }).click();
  await expect(page).toHaveURL(/\/login\?activated=1/);

  // The same link a second time is refused, in Persian.
  await page.goto(link);
  if (js) await waitForHydration(page);
  await page.getByRole('button', { name: 'فعال‌سازی حساب' }).click();
  await expect(page.getByText('این پیوند فعال‌سازی نامعتبر، منقضی یا پیش‌تر استفاده شده است')).toBeVisible();

  await page.goto('/login');
  if (js) await waitForHydration(page);
  await page.getByRole('link', { name: 'فراموشی کلمه عبور' }).click();
  await expect(page).toHaveURL(/\/password\/forgot$/);
  if (js) await waitForHydration(page);
  await page.getByLabel('نام کاربری یا شماره موبایل').fill(mobile);
  await page.getByRole('button', { name: 'ارسال کد بازیابی' }).click();
  await expect(page).toHaveURL(/\/password\/reset\?/);
  await expect(page.getByText(/کد بازیابی به موبایل/)).toBeVisible();
  const sms = await lastSms(page, mobile);
  expect(sms).toContain('بازیابی');
  await expect(page.getByLabel('نام کاربری یا شماره موبایل')).toHaveValue(mobile);
  await page.getByLabel('کد بازیابی').fill(codeIn(sms));
  await page.getByLabel('کلمه عبور تازه', { exact: true }).fill('another fine passphrase');
  await page.getByLabel('تکرار کلمه عبور تازه').fill('another fine passphrase');
  await page.getByRole('button', { name: 'ثبت کلمه عبور تازه' }).click();
  await expect(page).toHaveURL(/\/login\?reset=1/);

  await page.getByLabel('نام کاربری').fill(username);
  await page.getByLabel('کلمه عبور').fill('another fine passphrase');
  await page.getByRole('button', { name: 'ورود' }).click();
  await expect(page).toHaveURL(/\/cartable$/);
  await expect(mainMenu(page).getByText('مهسا پیوندی')).toBeVisible();
});
