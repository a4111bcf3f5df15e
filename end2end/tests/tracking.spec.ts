import { expect, test } from '@playwright/test';

import { nationalId, randomDigits } from './accounts';
import { isPhone, jsEnabled, waitForHydration } from './helpers';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXY';

/** A well-formed tracking code (Luhn mod 30 check character), as a receipt prints it. */
function trackingCode(body: string): string {
  const n = ALPHABET.length;
  let sum = 0;
  [...body].reverse().forEach((c, i) => {
    let v = ALPHABET.indexOf(c) * (i % 2 === 0 ? 2 : 1);
    v = Math.floor(v / n) + (v % n);
    sum += v;
  });
  return `${body.slice(0, 4)}-${body.slice(4)}${ALPHABET[(n - (sum % n)) % n]}`;
}

test('a code with a typo is caught beside its field, and an unknown pair is answered without saying which half was wrong', async ({ page }, testInfo) => {
  const js = jsEnabled(testInfo);
  await page.goto('/track');
  if (js) await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('پیگیری درخواست');

  const code = trackingCode('K7QM' + '4T9X');
  const typo = code.replace('K7', 'K8');
  const id = nationalId(`09${randomDigits(7)}`);
  await page.getByLabel('کد رهگیری').fill(typo);
  await page.getByLabel('کد ملی متقاضی').fill(id);
  await page.getByRole('button', { name: 'پیگیری' }).click();
  await expect(page.locator('#track-code-error')).toContainText('یک نویسه اشتباه است');
  await expect(page.getByLabel('کد رهگیری')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('کد ملی متقاضی')).toHaveValue(id);

  await page.getByLabel('کد رهگیری').fill(code);
  await page.getByRole('button', { name: 'پیگیری' }).click();
  await expect(page.getByRole('alert')).toHaveText('درخواستی با این کد رهگیری و کد ملی پیدا نشد؛ هر دو را با رسید مقایسه کنید');
  await expect(page.getByLabel('کد رهگیری')).toHaveValue(code);

  if (isPhone(testInfo) && js) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }
});

test('a tampered tracking link opens nothing and offers the form again', async ({ page }) => {
  const code = trackingCode('M9TX' + 'H7KQ');
  await page.goto(`/track/${code}?t=4102444800.AAAA`);
  await expect(page.getByRole('alert')).toContainText('این پیوند پیگیری کهنه شده است');
  await page.getByRole('link', { name: 'دوباره وارد کنید' }).click();
  await expect(page.getByLabel('کد رهگیری')).toHaveValue(code);
});
