import { expect, test, type Page } from '@playwright/test';

import { checkedAt, collectErrors, jsEnabled, statusCard, waitForHydration } from './helpers';

const SERVER_FN = '/api/system/desk_status';

/** A Jalali date and time written in Persian digits: ۱۴۰۵/۰۹/۰۲ ۱۵:۰۴ */
const PERSIAN_DATE_TIME = /^[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2} [۰-۹]{2}:[۰-۹]{2}$/;

/** The instant in the status card's `<time datetime>`, read as an ISO string. */
async function checkedInstant(page: Page): Promise<string> {
  const value = await checkedAt(page).getAttribute('datetime');
  expect(value, 'the <time> carries a machine-readable instant').toBeTruthy();
  expect(Number.isNaN(Date.parse(value ?? '')), `${value} is an ISO instant`).toBe(false);
  return value ?? '';
}

test('the status card says the system is up and shows the demo organisation in Persian digits', async ({ page }) => {
  await page.goto('/');
  const card = statusCard(page);
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('وضعیت سامانه');
  await expect(card.getByText('سامانه در دسترس است.')).toBeVisible();
  await expect(card.getByRole('term')).toHaveText([
    'شرکت‌های استانی',
    'واحدها و حوزه‌های تخصصی',
    'پست‌های سازمانی',
    'زمان بررسی',
  ]);
  const counts = card.getByRole('definition');
  await expect(counts).toHaveText(['۲', /^[۰-۹]+$/, /^[۰-۹]+$/, PERSIAN_DATE_TIME]);
  // The demo has 9 units and 10 posts; the administration journeys may
  // have added more by the time this runs.
  const persian = async (n: number) => Number((await counts.nth(n).innerText()).replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))));
  expect(await persian(1)).toBeGreaterThanOrEqual(9);
  expect(await persian(2)).toBeGreaterThanOrEqual(10);

  const instant = await checkedInstant(page);
  // The check happened while this page was being rendered, on the server's
  // clock, which is this machine's: allow for a slow machine, not for a stale value.
  expect(Math.abs(Date.now() - Date.parse(instant))).toBeLessThan(5 * 60_000);
  await expect(card.getByRole('button', { name: 'بررسی دوباره' })).toBeVisible();
});

test('with JavaScript, checking again refreshes the time in place without leaving the page', async ({
  page,
}, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'the in-place update needs the client');
  const errors = collectErrors(page);
  let navigations = 0;
  await page.goto('/');
  await waitForHydration(page);
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations += 1;
  });
  const urlBefore = page.url();
  const before = await checkedInstant(page);
  await page.evaluate(() => {
    (window as unknown as { __marker?: number }).__marker = 1;
  });

  const call = page.waitForResponse(
    (response) => new URL(response.url()).pathname === SERVER_FN && response.request().method() === 'POST',
  );
  await statusCard(page).getByRole('button', { name: 'بررسی دوباره' }).click();
  const response = await call;
  expect(response.ok(), `the server function answered ${response.status()}`).toBe(true);

  await expect.poll(() => checkedAt(page).getAttribute('datetime')).not.toBe(before);
  const after = await checkedInstant(page);
  expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
  await expect(checkedAt(page)).toHaveText(PERSIAN_DATE_TIME);
  await expect(statusCard(page).getByText('سامانه در دسترس است.')).toBeVisible();

  // The same document is still there: no navigation happened.
  expect(page.url()).toBe(urlBefore);
  expect(navigations).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
  expect(errors).toEqual([]);
});

test('without JavaScript, checking again posts the form and comes back to a fresh page', async ({
  page,
}, testInfo) => {
  test.skip(jsEnabled(testInfo), 'this is the plain-HTML form post');
  await page.goto('/');
  const before = await checkedInstant(page);

  const post = page.waitForRequest(
    (request) => new URL(request.url()).pathname === SERVER_FN && request.method() === 'POST',
  );
  await statusCard(page).getByRole('button', { name: 'بررسی دوباره' }).click();
  const sent = await post;
  const answer = await sent.response();
  expect(answer, 'the form post got an answer').not.toBeNull();
  const status = answer?.status() ?? 0;
  expect(status >= 300 && status < 400, `the server redirects the form post (got ${status})`).toBe(true);
  const followed = sent.redirectedTo();
  expect(followed && new URL(followed.url()).pathname).toBe('/');

  await page.waitForLoadState();
  // Leptos comes back to the referring page with an empty query ("/?").
  expect(new URL(page.url()).pathname).toBe('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('میز خدمت الکترونیکی');
  await expect(statusCard(page).getByText('سامانه در دسترس است.')).toBeVisible();
  await expect.poll(() => checkedAt(page).getAttribute('datetime')).not.toBe(before);
  const after = await checkedInstant(page);
  expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
  await expect(checkedAt(page)).toHaveText(PERSIAN_DATE_TIME);
});
