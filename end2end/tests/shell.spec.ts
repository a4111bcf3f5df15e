import { expect, test } from '@playwright/test';

import {
  HYDRATED_EN,
  HYDRATED_FA,
  collectErrors,
  expectDocumentLanguage,
  isPhone,
  jsEnabled,
  mainMenu,
  waitForHydration,
} from './helpers';

test.describe('a visitor whose browser asks for English', () => {
  test.use({ locale: 'en-US', extraHTTPHeaders: { 'Accept-Language': 'en-US,en;q=0.9' } });

  test('still gets the home page in Persian, right to left, from the server', async ({ page }) => {
    await page.goto('/');
    await expectDocumentLanguage(page, 'fa');
    await expect(page).toHaveTitle('میز خدمت الکترونیکی');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('میز خدمت الکترونیکی');
    await expect(mainMenu(page)).toBeVisible();
  });
});

test('the header shows the brand, the main menu and the language switch', async ({ page }) => {
  await page.goto('/');
  const header = page.getByRole('banner');
  await expect(header.getByRole('link', { name: 'میز خدمت', exact: true })).toHaveAttribute('href', '/');

  const menu = mainMenu(page);
  await expect(menu.getByRole('link')).toHaveText(['صفحه اصلی', 'شناسنامه خدمات', 'کارتابل', 'ورود']);
  await expect(menu.getByRole('link', { name: 'شناسنامه خدمات', exact: true })).toHaveAttribute('href', '/catalogue');
  await expect(menu.getByRole('link', { name: 'صفحه اصلی', exact: true })).toHaveAttribute('href', '/');
  await expect(menu.getByRole('link', { name: 'کارتابل', exact: true })).toHaveAttribute('href', '/cartable');
  await expect(menu.getByRole('link', { name: 'ورود', exact: true })).toHaveAttribute('href', '/login');

  const toEnglish = header.getByRole('link', { name: 'English' });
  await expect(toEnglish).toHaveText('English');
  await expect(toEnglish).toHaveAttribute('href', /^\/lang\/en\?next=\/$/);
});

test('the main menu marks the page the visitor is on', async ({ page }, testInfo) => {
  await page.goto('/');
  if (jsEnabled(testInfo)) await waitForHydration(page);
  const menu = mainMenu(page);
  const home = menu.getByRole('link', { name: 'صفحه اصلی', exact: true });
  const cartable = menu.getByRole('link', { name: 'کارتابل', exact: true });
  const login = menu.getByRole('link', { name: 'ورود', exact: true });

  await expect(home).toHaveAttribute('aria-current', 'page');
  await expect(cartable).not.toHaveAttribute('aria-current', 'page');
  await expect(login).not.toHaveAttribute('aria-current', 'page');

  // With JavaScript the client router moves the mark; without it the server
  // renders the new page with the mark in place. Either way the person sees it.
  await cartable.click();
  await expect(page).toHaveURL(/\/cartable$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('کارتابل');
  await expect(cartable).toHaveAttribute('aria-current', 'page');
  await expect(home).not.toHaveAttribute('aria-current', 'page');
  await expect(login).not.toHaveAttribute('aria-current', 'page');
});

test('the first Tab reaches a skip link that leads to the main content', async ({ page }) => {
  await page.goto('/');
  const skip = page.getByRole('link', { name: 'رفتن به محتوای اصلی' });
  await expect(skip).toHaveAttribute('href', '#main');
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(page.getByRole('main')).toHaveAttribute('id', 'main');
});

test('a banner tells every visitor that this is a demo version', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText(/نسخه نمایشی/)).toBeVisible();
});

test('the footer says what the system is', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('contentinfo')).toContainText(
    'میز خدمت — سامانه متن‌باز خدمات الکترونیکی دستگاه‌های دولتی',
  );
});

test('the footer announces the interactive version once the client has hydrated', async ({ page }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'the client cannot run without JavaScript');
  const errors = collectErrors(page);
  await page.goto('/');
  await waitForHydration(page);
  await expect(page.getByText(HYDRATED_FA)).toBeVisible();
  expect(errors).toEqual([]);
});

test('without JavaScript the page works but never claims to be interactive', async ({ page }, testInfo) => {
  test.skip(jsEnabled(testInfo), 'this is the experience of a browser without JavaScript');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('میز خدمت الکترونیکی');
  await expect(page.getByRole('contentinfo').getByRole('status')).toBeAttached();
  await expect(page.getByText(HYDRATED_FA)).toHaveCount(0);
});

for (const path of ['/', '/cartable', '/login', '/no-such-page']) {
  test(`${path} hydrates with nothing in the console`, async ({ page }, testInfo) => {
    test.skip(!jsEnabled(testInfo), 'no client runs without JavaScript');
    const errors = collectErrors(page);
    await page.goto(path);
    await waitForHydration(page);
    // Chromium reports the page's own 404 status in the console; that status
    // is intended (and checked elsewhere), so only that one line is let through.
    const unexpected = errors.filter(
      (e) => !(path === '/no-such-page' && /status of 404/.test(e) && e.includes('/no-such-page')),
    );
    expect(unexpected).toEqual([]);
  });
}

for (const path of ['/', '/cartable', '/login']) {
  test(`${path} fits a 360-pixel phone screen without sideways scrolling`, async ({ page }, testInfo) => {
    test.skip(!isPhone(testInfo), 'only phone projects have a 360-pixel screen');
    await page.goto(path);
    if (jsEnabled(testInfo)) {
      await waitForHydration(page);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(360);
    }
    // Without JavaScript the page cannot be measured from inside; the menu,
    // the brand and the language switch must still be on the screen.
    const header = page.getByRole('banner');
    const onScreen = [
      ...(await mainMenu(page).getByRole('link').all()),
      header.getByRole('link', { name: 'میز خدمت', exact: true }),
      header.getByRole('link', { name: 'English' }),
    ];
    for (const link of onScreen) {
      await expect(link).toBeVisible();
      const box = await link.boundingBox();
      expect(box, `${await link.textContent()} has a box`).not.toBeNull();
      if (box) {
        expect(box.x, `${await link.textContent()} starts on screen`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `${await link.textContent()} ends on screen`).toBeLessThanOrEqual(360);
      }
    }
  });
}

test('the language switch turns the same page into English and back, and the choice is remembered', async ({
  page,
  context,
}, testInfo) => {
  const js = jsEnabled(testInfo);
  const errors = collectErrors(page);
  await page.goto('/cartable');
  if (js) await waitForHydration(page);

  await page.getByRole('banner').getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/cartable$/);
  await expectDocumentLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cartable');
  const menu = mainMenu(page, 'Main menu');
  await expect(menu.getByRole('link')).toHaveText(['Home', 'Service catalogue', 'Cartable', 'Log in']);
  await expect(menu.getByRole('link', { name: 'Cartable', exact: true })).toHaveAttribute('aria-current', 'page');
  const toPersian = page.getByRole('banner').getByRole('link', { name: 'فارسی' });
  await expect(toPersian).toHaveText('فارسی');
  await expect(toPersian).toHaveAttribute('href', /^\/lang\/fa\?next=\/cartable$/);
  if (js) await waitForHydration(page, HYDRATED_EN);

  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name === 'lang')?.value).toBe('en');

  // A later visit, even to another page, stays in English.
  await page.goto('/');
  await expectDocumentLanguage(page, 'en');
  await expect(page).toHaveTitle('Electronic service desk');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Electronic service desk');
  if (js) await waitForHydration(page, HYDRATED_EN);

  await page.getByRole('banner').getByRole('link', { name: 'فارسی' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expectDocumentLanguage(page, 'fa');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('میز خدمت الکترونیکی');
  await expect(mainMenu(page).getByRole('link')).toHaveText(['صفحه اصلی', 'شناسنامه خدمات', 'کارتابل', 'ورود']);
  await expect(page.getByRole('banner').getByRole('link', { name: 'English' })).toBeVisible();
  if (js) await waitForHydration(page, HYDRATED_FA);

  expect(errors).toEqual([]);
});

test('an unknown address answers 404 with a page that leads back home', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expectDocumentLanguage(page, 'fa');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('صفحه پیدا نشد');
  const back = page.getByRole('main').getByRole('link', { name: 'بازگشت به صفحه اصلی' });
  await expect(back).toHaveAttribute('href', '/');
  await back.click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('میز خدمت الکترونیکی');
});

test('the cartable shows its three folders and asks the visitor to log in first', async ({ page }) => {
  await page.goto('/cartable');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('کارتابل');
  const main = page.getByRole('main');
  for (const folder of ['در انتظار اقدام', 'در حال گردش', 'تمام شده']) {
    await expect(main.getByText(folder, { exact: true })).toBeVisible();
  }
  await expect(main.getByText('برای دیدن کارتابل ابتدا وارد شوید.')).toBeVisible();
  const login = main.getByRole('link', { name: 'ورود', exact: true });
  await expect(login).toHaveAttribute('href', '/login');
  await login.click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ورود به میز خدمت');
});

test('the login page greets the visitor', async ({ page }) => {
  await page.goto('/login');
  await expectDocumentLanguage(page, 'fa');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ورود به میز خدمت');
  await expect(mainMenu(page).getByRole('link', { name: 'ورود', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
});
