import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';

import { activateAndSignIn, nationalId, randomDigits, signIn, signUp } from './accounts';
import { freshContext, jsEnabled, mainMenu, waitForHydration } from './helpers';

// A real 1×1 PNG and a small complete PDF, as a phone's camera or scanner
// would give (the server judges files by their content).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const DEMO_PASSWORD = 'Mizekhedmat-1405';

async function openIdentity(page: Page, js: boolean): Promise<void> {
  await mainMenu(page).getByRole('link', { name: 'تأیید هویت' }).click();
  await expect(page).toHaveURL(/\/identity/);
  if (js) await waitForHydration(page);
}

/** The desk officer opens the request from their cartable and decides. */
async function officerDecides(browser: Browser, testInfo: TestInfo, requester: string, reason?: string): Promise<void> {
  const js = jsEnabled(testInfo);
  const context = await freshContext(browser, testInfo);
  const page = await context.newPage();
  await signIn(page, 'desk.tehran', DEMO_PASSWORD, js);
  const awaiting = page.getByRole('region', { name: /در انتظار اقدام/ });
  const row = awaiting.getByRole('row').filter({ hasText: requester });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('تأیید هویت متقاضی');
  await row.getByRole('link', { name: 'مشاهده' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('بررسی تأیید هویت');
  if (js) await waitForHydration(page);
  await expect(page.getByRole('link', { name: 'وکالت‌نامه.pdf' })).toBeVisible();
  if (reason) {
    await page.getByRole('radio', { name: 'عدم تأیید' }).check();
    await page.getByLabel('دلیل عدم تأیید').fill(reason);
  } else {
    await page.getByRole('radio', { name: 'تأیید', exact: true }).check();
  }
  await page.getByRole('button', { name: 'ثبت نظر' }).click();
  await expect(page).toHaveURL(/\/cartable\?decided=1/);
  await context.close();
}

test('a legal entity acting by proxy verifies its identity through a rejection and a second try', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const js = jsEnabled(testInfo);
  const suffix = randomDigits(7);
  const username = `idv.${suffix}`;
  const mobile = `0938${suffix}`;
  await signUp(page, username, mobile, `03${suffix}`, js);
  await activateAndSignIn(page, username, mobile, js);

  // A new applicant sees only the identity menu.
  await expect(mainMenu(page).getByRole('link', { name: 'تأیید هویت' })).toBeVisible();
  await expect(mainMenu(page).getByRole('link', { name: 'خدمات الکترونیک' })).toHaveCount(0);
  await openIdentity(page, js);
  await expect(page.getByText(/کد رهگیری/)).toBeVisible();
  const trackingCode = (await page.locator('.tracking__code').innerText()).trim();
  await expect(page.getByLabel('نام (فقط فارسی)')).toHaveValue('مهسا');

  await page.getByRole('radio', { name: 'حقوقی' }).check();
  await page.getByRole('radio', { name: 'وکالتاً' }).check();
  await page.getByLabel('استان').selectOption('tehran');
  await page.getByLabel('نام شرکت').fill('شرکت صنایع نمونه');
  await page.getByLabel('شناسه ملی شرکت (۱۱ رقم)').fill('۱۰۱۰۰۰۰۰۰۰۱');
  await page.getByLabel('کد اقتصادی شرکت').fill('411111111111');
  await page.getByLabel('وکالت‌نامه تأییدشده در دفترخانه اسناد رسمی').setInputFiles({
    name: 'وکالت‌نامه.pdf',
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  await page.getByRole('button', { name: 'ثبت موقت' }).click();
  await expect(page.getByText('فرم ذخیره شد؛ هر زمان از هر دستگاهی می‌توانید ادامه دهید.')).toBeVisible();

  // The draft is there in another browser.
  const elsewhere = await freshContext(browser, testInfo);
  const other = await elsewhere.newPage();
  await signIn(other, username, 'a long enough passphrase', js);
  await openIdentity(other, js);
  await expect(other.getByLabel('نام شرکت')).toHaveValue('شرکت صنایع نمونه');
  await expect(other.getByRole('radio', { name: 'وکالتاً' })).toBeChecked();
  await expect(other.getByRole('link', { name: 'وکالت‌نامه.pdf' })).toBeVisible();
  await other.getByRole('button', { name: 'ثبت و ارسال' }).click();
  await expect(other).toHaveURL(/\/cartable\?sent=1/);
  await expect(other.getByRole('region', { name: /در حال گردش/ }).getByRole('row')).toHaveCount(2);
  await elsewhere.close();

  await officerDecides(browser, testInfo, 'مهسا پیوندی', 'لطفا تصویر کارت ملی را بارگذاری نمایید');

  // Back with the applicant, who reads the reason and fixes the request.
  await page.goto('/cartable');
  const awaiting = page.getByRole('region', { name: /در انتظار اقدام/ });
  await expect(awaiting.getByRole('row')).toHaveCount(2);
  await openIdentity(page, js);
  await expect(page.getByText('لطفا تصویر کارت ملی را بارگذاری نمایید')).toBeVisible();
  await page.getByLabel('تصویر کارت ملی', { exact: true }).setInputFiles({ name: 'card.png', mimeType: 'image/png', buffer: PNG });
  await page.getByRole('button', { name: 'ثبت و ارسال' }).click();
  await expect(page).toHaveURL(/\/cartable\?sent=1/);

  await officerDecides(browser, testInfo, 'مهسا پیوندی');

  // Approval gives the e-services menu at once and takes the identity menu away.
  await page.goto('/cartable');
  await expect(mainMenu(page).getByRole('link', { name: 'خدمات الکترونیک' })).toBeVisible();
  await expect(mainMenu(page).getByRole('link', { name: 'تأیید هویت' })).toHaveCount(0);
  const finished = page.getByRole('region', { name: /تمام شده/ });
  await finished.getByRole('link', { name: 'مشاهده' }).click();
  const history = page.getByRole('table');
  await expect(history.getByRole('row')).toHaveCount(5);
  await expect(history).toContainText('عدم تأیید مسئول میز خدمت');
  await expect(history).toContainText('بهرام کاظم‌زاده');

  // Anyone with the receipt follows it without signing in: every step
  // with its date, and no staff names.
  const visitor = await freshContext(browser, testInfo);
  const track = await visitor.newPage();
  await track.goto('/');
  await track.getByRole('link', { name: 'پیگیری درخواست با کد رهگیری' }).click();
  if (js) await waitForHydration(track);
  await track.getByLabel('کد رهگیری').fill(trackingCode.toLowerCase().replace('-', ' '));
  await track.getByLabel('کد ملی متقاضی').fill(nationalId(`03${suffix}`));
  await track.getByRole('button', { name: 'پیگیری' }).click();
  await expect(track.getByRole('heading', { name: /کد رهگیری/ })).toContainText(trackingCode);
  await expect(track.locator('.track-status')).toHaveText('تأیید شد');
  const steps = track.getByRole('region', { name: 'مراحل انجام‌شده' }).getByRole('listitem');
  await expect(steps).toHaveText([/ثبت و ارسال/, /بازگرداندن برای اصلاح/, /ارسال دوباره پس از اصلاح/, /تأیید/]);
  await expect(track.getByText('بهرام کاظم‌زاده')).toHaveCount(0);
  expect(new URL(track.url()).search).not.toContain(nationalId(`03${suffix}`));
  await visitor.close();
});

test('a wrong file is refused beside its slot and nothing typed is lost', async ({ page }, testInfo) => {
  const js = jsEnabled(testInfo);
  const suffix = randomDigits(7);
  const username = `bad.${suffix}`;
  const mobile = `0939${suffix}`;
  await signUp(page, username, mobile, `04${suffix}`, js);
  await activateAndSignIn(page, username, mobile, js);
  await openIdentity(page, js);
  await page.getByLabel('نام شرکت').fill('شرکت آزمایشی');
  await page.getByLabel('تصویر شناسنامه').setInputFiles({
    name: 'photo.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('MZ this is a program, not a picture'),
  });
  const slot = page.getByLabel('تصویر شناسنامه');
  const refusal = page.getByText('فقط تصویر JPEG یا PNG یا پرونده PDF کامل پذیرفته می‌شود');
  if (js) {
    // Sent on its own as soon as it is chosen: refused before the form is.
    await expect(refusal).toBeVisible();
    await expect(slot).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('link', { name: 'photo.jpg' })).toHaveCount(0);
    await expect(page.getByLabel('نام شرکت')).toHaveValue('شرکت آزمایشی');
  }
  await page.getByRole('button', { name: 'ثبت و ارسال' }).click();
  await expect(page).toHaveURL(/\/identity\?problems=1/);
  if (!js) {
    await expect(slot).toHaveAttribute('aria-invalid', 'true');
    await expect(refusal).toBeVisible();
  }
  await expect(page.getByLabel('نام شرکت')).toHaveValue('شرکت آزمایشی');
});

test('with JavaScript a chosen document shows a preview and its progress, and a large one is stopped in the browser', async ({ page }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'the plain form sends documents with the whole form');
  const suffix = randomDigits(7);
  const username = `upl.${suffix}`;
  const mobile = `0937${suffix}`;
  await signUp(page, username, mobile, `06${suffix}`, true);
  await activateAndSignIn(page, username, mobile, true);
  await openIdentity(page, true);
  await expect(page.getByText('هر پرونده تا ۵ مگابایت و در هر بخش تا ۳ پرونده.')).toBeVisible();

  // Larger than allowed: refused at once, nothing sent.
  const card = page.getByLabel('تصویر کارت ملی', { exact: true });
  await card.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(6 * 1024 * 1024, 1) });
  await expect(page.getByText('پرونده بزرگ‌تر از اندازه مجاز است؛ پرونده کوچک‌تری برگزینید')).toBeVisible();
  await expect(card).toHaveAttribute('aria-invalid', 'true');

  // A slow connection: the picture is shown from the phone at once, a
  // progress bar grows while it is sent, and the form waits for it.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 50,
    downloadThroughput: 1024 * 1024,
    uploadThroughput: 64 * 1024,
  });
  const picture = Buffer.concat([PNG.subarray(0, PNG.length - 12), Buffer.alloc(400 * 1024), PNG.subarray(PNG.length - 12)]);
  await card.setInputFiles({ name: 'card.png', mimeType: 'image/png', buffer: picture });
  const progress = page.getByRole('progressbar', { name: 'در حال بارگذاری card.png' });
  await expect(progress).toBeVisible();
  await expect(page.locator('.document__pending img[src^="blob:"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'ثبت موقت' }).click();
  await expect(page.getByText('بارگذاری پرونده‌ها هنوز تمام نشده است؛ پس از پایان آن دوباره بزنید.')).toBeVisible();
  await expect(page).toHaveURL(/\/identity$/);
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect(page.getByRole('link', { name: 'card.png' })).toBeVisible({ timeout: 30_000 });
  await expect(progress).toHaveCount(0);
  await expect(card).not.toHaveAttribute('aria-invalid', 'true');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

  // Kept with the draft: there after a reload, shown by the server.
  await page.reload();
  await expect(page.getByRole('link', { name: 'card.png' })).toBeVisible();
  await expect(page.locator('.document__files img[src^="/files/"]')).toHaveCount(1);
});
