import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page, type TestInfo } from '@playwright/test';

import { activateAndSignIn, lastSms, nationalId, randomDigits, signIn, signUp } from './accounts';
import { freshContext, jsEnabled, mainMenu, waitForHydration } from './helpers';

// A real 1×1 PNG and a small complete PDF, as a phone's camera or scanner
// would give (the server judges files by their content).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const DEMO_PASSWORD = 'Mizekhedmat-1405';

/** The menu's "تأیید هویت" leads to the applicant's own identity request, or a new one. */
async function openIdentity(page: Page, js: boolean): Promise<void> {
  await mainMenu(page).getByRole('link', { name: 'تأیید هویت' }).click();
  await expect(page).toHaveURL(/\/(catalogue\/\d+\/apply\/01|applications\/\d+)/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('تأیید هویت متقاضی');
  if (js) await waitForHydration(page);
}

/** The Tehran desk officer finds the request in their cartable by its code and opens it. */
async function deskOpens(browser: Browser, testInfo: TestInfo, code: string): Promise<[BrowserContext, Page]> {
  const js = jsEnabled(testInfo);
  const context = await freshContext(browser, testInfo);
  const page = await context.newPage();
  await signIn(page, 'desk.tehran', DEMO_PASSWORD, js);
  if (js) await waitForHydration(page);
  const awaiting = page.getByRole('region', { name: /در انتظار اقدام/ });
  const row = awaiting.getByRole('row').filter({ hasText: code });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('تأیید هویت متقاضیان');
  await row.getByRole('link', { name: 'مشاهده' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(code);
  if (js) await waitForHydration(page);
  return [context, page];
}

test('a company acting by proxy verifies its identity on the request engine through a return and a second try', async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  const js = jsEnabled(testInfo);
  const suffix = randomDigits(7);
  const username = `idv.${suffix}`;
  const mobile = `0938${suffix}`;
  await signUp(page, username, mobile, `03${suffix}`, js);
  await activateAndSignIn(page, username, mobile, js);

  // A new applicant sees only the identity menu; another service says why
  // it is closed and leads to identity verification.
  await expect(mainMenu(page).getByRole('link', { name: 'تأیید هویت' })).toBeVisible();
  await expect(mainMenu(page).getByRole('link', { name: 'خدمات الکترونیک' })).toHaveCount(0);
  await page.goto('/catalogue');
  await page.getByRole('link', { name: /آمار تولید ماهیانه/ }).first().click();
  await page.getByRole('link', { name: /درخواست برخط/ }).first().click();
  await expect(page.getByRole('alert')).toContainText('هویت شما باید در میز خدمت تأیید شود');
  await page.getByRole('main').getByRole('link', { name: 'تأیید هویت' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('تأیید هویت متقاضی');
  if (js) await waitForHydration(page);
  await page.getByLabel('شرکت استانی رسیدگی‌کننده').selectOption('tehran');
  await page.getByLabel(/نوع متقاضی/).selectOption('legal');
  await page.getByLabel(/سمت متقاضی/).selectOption('attorney');
  await page.getByLabel(/نام شرکت/).fill('شرکت صنایع نمونه');
  await page.getByLabel(/شناسه ملی شرکت/).fill('۱۰۱۰۰۰۰۰۰۰۱');
  await page.getByLabel(/وکالت‌نامه تأییدشده/).setInputFiles({ name: 'وکالت‌نامه.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: 'ثبت موقت' }).click();
  await expect(page).toHaveURL(/\/applications\/\d+\?saved=1/);
  const applicationUrl = page.url().split('?')[0];

  // The draft is there in another browser, through the same menu.
  const elsewhere = await freshContext(browser, testInfo);
  const other = await elsewhere.newPage();
  await signIn(other, username, 'a long enough passphrase', js);
  await openIdentity(other, js);
  expect(other.url()).toBe(applicationUrl);
  await expect(other.getByLabel(/نام شرکت/)).toHaveValue('شرکت صنایع نمونه');
  await expect(other.getByRole('link', { name: 'وکالت‌نامه.pdf' })).toBeVisible();

  // Sent without the company's documents: each missing one is named beside its slot.
  await other.getByRole('button', { name: 'ثبت و ارسال' }).click();
  await expect(other).toHaveURL(/\?problems=1/);
  await expect(other.locator('#f-national_card')).toHaveAttribute('aria-invalid', 'true');
  await expect(other.getByLabel(/آگهی تاسیس/)).toHaveAttribute('aria-invalid', 'true');
  await expect(other.getByLabel(/نام شرکت/)).toHaveValue('شرکت صنایع نمونه');
  if (js) await waitForHydration(other);
  await other.locator('#f-national_card').setInputFiles({ name: 'card.png', mimeType: 'image/png', buffer: PNG });
  await other.getByLabel(/هیات مدیره/).setInputFiles({ name: 'board.pdf', mimeType: 'application/pdf', buffer: PDF });
  await other.getByLabel(/آگهی تاسیس/).setInputFiles({ name: 'notice.pdf', mimeType: 'application/pdf', buffer: PDF });
  await other.getByRole('button', { name: 'ثبت و ارسال' }).click();
  await expect(other).toHaveURL(/\/applications\/\d+\?sent=1/);
  const receipt = other.locator('.receipt');
  const code = (await receipt.locator('bdi').first().innerText()).trim();
  expect(await lastSms(other, mobile)).toContain(code);
  await elsewhere.close();

  // The desk returns it with a reason the applicant reads.
  let [staff, desk] = await deskOpens(browser, testInfo, code);
  await expect(desk.getByRole('link', { name: 'وکالت‌نامه.pdf' })).toBeVisible();
  await desk.locator('#act-return_to_applicant').getByRole('textbox').fill('تصویر کارت ملی خوانا نیست؛ دوباره بارگذاری کنید');
  await desk.locator('#act-return_to_applicant').getByRole('button').click();
  await expect(desk).toHaveURL(/done=return_to_applicant/);
  await staff.close();

  await page.goto(applicationUrl);
  if (js) await waitForHydration(page);
  await expect(page.getByRole('region', { name: 'آنچه کارشناس از شما خواسته است' })).toContainText('تصویر کارت ملی خوانا نیست');
  await page.locator('#f-national_card').setInputFiles({ name: 'card-clear.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('button', { name: 'ارسال دوباره' }).click();
  await expect(page).toHaveURL(/\/applications\/\d+\?sent=1/);

  // The desk verifies: the e-services open at once and the identity menu goes.
  [staff, desk] = await deskOpens(browser, testInfo, code);
  await expect(desk.getByRole('link', { name: 'card-clear.png' })).toBeVisible();
  const decide = desk.locator('#act-decide');
  await decide.getByRole('textbox').fill('مدارک با مشخصات متقاضی و شرکت یکی است.');
  await decide.getByRole('button', { name: 'تأیید نهایی' }).click();
  await expect(desk).toHaveURL(/done=grant/);
  await staff.close();

  await page.goto('/cartable');
  await expect(mainMenu(page).getByRole('link', { name: 'خدمات الکترونیک' })).toBeVisible();
  await expect(mainMenu(page).getByRole('link', { name: 'تأیید هویت' })).toHaveCount(0);
  expect(await lastSms(page, mobile)).toContain('هویت شما تأیید شد');

  // Anyone with the receipt follows it without signing in: every step,
  // and no staff names.
  const visitor = await freshContext(browser, testInfo);
  const track = await visitor.newPage();
  await track.goto('/');
  await track.getByRole('link', { name: 'پیگیری درخواست با کد رهگیری' }).click();
  if (js) await waitForHydration(track);
  await track.getByLabel('کد رهگیری').fill(code.toLowerCase().replace('-', ' '));
  await track.getByLabel('کد ملی متقاضی').fill(nationalId(`03${suffix}`));
  await track.getByRole('button', { name: 'پیگیری' }).click();
  await expect(track.getByRole('heading', { name: /کد رهگیری/ })).toContainText(code);
  await expect(track.locator('.track-status')).toHaveText('تأیید شد');
  const steps = track.getByRole('region', { name: 'مراحل انجام‌شده' }).getByRole('listitem');
  await expect(steps).toHaveText([/ثبت و ارسال/, /بازگرداندن برای اصلاح/, /ارسال دوباره پس از اصلاح/, /تصمیم نهایی: تأیید/]);
  await expect(track.getByText('بهرام کاظم‌زاده')).toHaveCount(0);
  expect(new URL(track.url()).search).not.toContain(nationalId(`03${suffix}`));
  await visitor.close();
});

test('with JavaScript the identity form passes axe, a chosen picture is previewed at once, and the form and its documents show their progress over a slow connection', async ({ page }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'without a script the browser shows its own progress for the plain post');
  const suffix = randomDigits(7);
  const username = `upl.${suffix}`;
  const mobile = `0937${suffix}`;
  await signUp(page, username, mobile, `06${suffix}`, true);
  await activateAndSignIn(page, username, mobile, true);
  await openIdentity(page, true);
  // The form meets WCAG 2.2 AA as axe checks it, and fits the screen.
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(widths[0], 'no sideways scrolling').toBeLessThanOrEqual(widths[1]);
  await page.getByLabel(/نوع متقاضی/).selectOption('natural');

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 50,
    downloadThroughput: 1024 * 1024,
    uploadThroughput: 64 * 1024,
  });
  const picture = Buffer.concat([PNG.subarray(0, PNG.length - 12), Buffer.alloc(400 * 1024), PNG.subarray(PNG.length - 12)]);
  await page.locator('#f-national_card').setInputFiles({ name: 'card.png', mimeType: 'image/png', buffer: picture });
  // Shown at once from the phone itself, before anything is sent.
  await expect(page.getByRole('img', { name: 'پیش‌نمایش card.png' })).toHaveAttribute('src', /^blob:/);
  await page.getByRole('button', { name: 'ثبت موقت' }).click();
  const progress = page.getByRole('progressbar', { name: 'در حال فرستادن فرم و پرونده‌ها' });
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect(page).toHaveURL(/\/applications\/\d+\?saved=1/, { timeout: 30_000 });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await expect(page.getByRole('link', { name: 'card.png' })).toBeVisible();
  await expect(page.getByLabel(/نوع متقاضی/)).toHaveValue('natural');
});
