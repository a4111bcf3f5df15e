import { expect, type Page } from '@playwright/test';

import { waitForHydration, waitForSettledPage } from './helpers';

// Helpers for journeys that need a fresh account: the demo shows every SMS,
// e-mail and captcha answer on /dev/messages.

/** Completes nine digits with the national id's check digit. */
export function nationalId(nine: string): string {
  const sum = [...nine].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
  const r = sum % 11;
  return nine + String(r < 2 ? r : 11 - r);
}

/** Digits a person would be given: unique enough for one run. */
export function randomDigits(count: number): string {
  return Array.from({ length: count }, () => Math.floor(Math.random() * 10)).join('');
}

export function toAscii(text: string): string {
  return text.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d)));
}

/**
 * Reads, on the demo's /dev/messages page, the answer of the captcha the form
 * shows. After an answered post the form fetches a new challenge: pass the
 * old id to wait for the new one.
 */
export async function captchaAnswer(page: Page, previous?: string): Promise<[string, string]> {
  const field = page.locator('input[name="captcha_id"]');
  await expect.poll(async () => (await field.getAttribute('value')) ?? '').not.toBe(previous ?? '');
  const id = (await field.getAttribute('value'))!;
  const inbox = await page.context().newPage();
  await inbox.goto('/dev/messages');
  const answer = await inbox.locator(`[data-captcha-id="${id}"] .dev-captcha__answer`).innerText();
  await inbox.close();
  return [id, answer];
}

/** The newest SMS to `mobile` on /dev/messages. */
export async function lastSms(page: Page, mobile: string): Promise<string> {
  const inbox = await page.context().newPage();
  await inbox.goto('/dev/messages');
  const text = await inbox.locator(`li[data-channel="sms"][data-recipient="${mobile}"] .dev-message__body`).first().innerText();
  await inbox.close();
  return text;
}

export function codeIn(sms: string): string {
  const code = toAscii(sms).match(/\b\d{6}\b/);
  expect(code, sms).not.toBeNull();
  return code![0];
}

/** Signs up through the form and returns after the activation page shows. */
export async function signUp(page: Page, username: string, mobile: string, nine: string, js: boolean): Promise<void> {
  await page.goto('/signup');
  if (js) await waitForHydration(page);
  await page.getByLabel('نام کاربری', { exact: true }).fill(username);
  await page.getByLabel('کلمه عبور', { exact: true }).fill('a long enough passphrase');
  await page.getByLabel('تکرار کلمه عبور', { exact: true }).fill('a long enough passphrase');
  await page.getByLabel('ایمیل', { exact: true }).fill(`${username}@example.ir`);
  await page.getByLabel('نام', { exact: true }).fill('مهسا');
  await page.getByLabel('نام خانوادگی', { exact: true }).fill('پیوندی');
  await page.getByLabel('موبایل', { exact: true }).fill(mobile);
  await page.getByLabel('کد ملی', { exact: true }).fill(nationalId(nine));
  await page.getByLabel('رقم‌های تصویر را وارد کنید').fill((await captchaAnswer(page))[1]);
  await page.getByRole('button', { name: 'ثبت نام' }).click();
  await expect(page).toHaveURL(/\/activate\?/);
}

/** The link in the newest e-mail to `address`, as a path on this site. */
export async function linkInEmail(page: Page, address: string, path: string): Promise<string> {
  const inbox = await page.context().newPage();
  await inbox.goto('/dev/messages');
  const body = await inbox.locator(`li[data-channel="email"][data-recipient="${address}"] .dev-message__body`).first().innerText();
  await inbox.close();
  const link = body.match(new RegExp(`https?://[^\\s]+(${path.replace('?', '\\?')}[^\\s]+)`));
  expect(link, body).not.toBeNull();
  return link![1];
}


/** Activates a fresh sign-up with its SMS code and signs in. */
export async function activateAndSignIn(page: Page, username: string, mobile: string, js: boolean): Promise<void> {
  await page.getByLabel('کد فعال‌سازی').fill(codeIn(await lastSms(page, mobile)));
  await page.getByRole('button', { name: 'فعال سازی اکانت با شماره موبایل' }).click();
  await expect(page).toHaveURL(/\/login\?activated=1/);
  await signIn(page, username, 'a long enough passphrase', js);
}

/** Signs in on the login page, passing the staff's second step if asked. */
export async function signIn(page: Page, username: string, password: string, js: boolean): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  if (js) {
    await waitForHydration(page);
    await waitForSettledPage(page);
  }
  await page.getByLabel('نام کاربری').fill(username);
  await page.getByLabel('کلمه عبور').fill(password);
  await page.getByRole('button', { name: 'ورود' }).click();
  await passSecondFactor(page, username, js);
}

/**
 * Staff land on the second step after their password: reads the demo
 * account's current authenticator code on /dev/messages and enters it.
 * Applicants go straight to the cartable.
 */
export async function passSecondFactor(page: Page, username: string, js: boolean): Promise<void> {
  await expect(page).toHaveURL(/\/(cartable|account\/two-factor)(\?.*)?$/);
  if (new URL(page.url()).pathname === '/cartable') return;
  if (js) await waitForHydration(page);
  const inbox = await page.context().newPage();
  // A code is accepted once: when this account's codes for now and the
  // next step were both used by earlier tests, the page offers none until
  // the authenticator's next 30-second step.
  const offered = inbox.locator(`li[data-username="${username}"] .dev-code`);
  let code = '';
  for (let waited = 0; !code; waited += 3) {
    await inbox.goto('/dev/messages');
    if ((await offered.count()) > 0) code = await offered.innerText();
    else if (waited > 36) throw new Error(`no unused authenticator code for ${username}`);
    else await inbox.waitForTimeout(3_000);
  }
  await inbox.close();
  await page.getByLabel('کد شش‌رقمی برنامه').fill(code);
  await page.getByRole('button', { name: 'ادامه' }).click();
  await expect(page).toHaveURL(/\/cartable$/);
}
