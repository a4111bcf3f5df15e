import { expect, test, type Browser, type BrowserContext, type Page, type TestInfo } from '@playwright/test';

import { signIn, toAscii } from './accounts';
import { freshContext, jsEnabled, waitForHydration } from './helpers';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const DEMO_PASSWORD = 'Mizekhedmat-1405';

/** A staff member signs in, finds the request in their cartable by its code and opens it. */
async function openFromCartable(browser: Browser, testInfo: TestInfo, username: string, code: string): Promise<[BrowserContext, Page]> {
  const js = jsEnabled(testInfo);
  const context = await freshContext(browser, testInfo);
  const page = await context.newPage();
  await signIn(page, username, DEMO_PASSWORD, js);
  if (js) await waitForHydration(page);
  await page.getByRole('searchbox', { name: 'جستجو' }).fill(code.toLowerCase());
  await page.getByRole('button', { name: 'جستجو و پالایش' }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  const awaiting = page.getByRole('region', { name: /در انتظار اقدام/ });
  const row = awaiting.getByRole('row').filter({ hasText: code });
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name: 'مشاهده' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(code);
  if (js) await waitForHydration(page);
  return [context, page];
}

test('a monthly statistics return goes from the applicant through a referral, a correction and two steps to a decision the public can follow', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const js = jsEnabled(testInfo);

  // The applicant finds the service among the e-services and files it
  // with a table of months and a signed form.
  await signIn(page, 'applicant', DEMO_PASSWORD, js);
  await page.goto('/services');
  if (js) await waitForHydration(page);
  await page.getByRole('link', { name: /ثبت و ارسال آمار تولید ماهانه/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('آمار تولید');
  if (js) await waitForHydration(page);
  await page.getByLabel('شرکت استانی رسیدگی‌کننده').selectOption('tehran');
  await page.getByLabel(/نام واحد صنعتی/).fill('صنایع نمونه البرز');
  await page.getByLabel(/شماره پروانه بهره‌برداری/).fill('۱۲۳۴۵');
  await page.getByLabel(/ماه، سطر ۱/).selectOption('7');
  await page.getByLabel(/محصول، سطر ۱/).fill('لوله پلی‌اتیلن');
  await page.getByLabel(/مقدار، سطر ۱/).fill('۱۲۰۰');
  await page.getByLabel(/یکا، سطر ۱/).fill('متر');
  await page.getByLabel(/ماه، سطر ۲/).selectOption('8');
  await page.getByLabel(/محصول، سطر ۲/).fill('لوله پلی‌اتیلن');
  await page.getByLabel(/مقدار، سطر ۲/).fill('بسیار');
  await page.getByLabel(/یکا، سطر ۲/).fill('متر');
  await page.getByRole('radio', { name: 'خیر' }).check();
  await page.getByLabel(/موبایل رابط واحد/).fill('09121234567');
  await page.getByLabel(/فرم امضاشده آمار/).setInputFiles({ name: 'آمار-امضاشده.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: 'ثبت و ارسال' }).click();

  // A wrong cell is named beside it; everything else, and the file, are kept.
  await expect(page).toHaveURL(/\/applications\/\d+\?problems=1/);
  if (js) await waitForHydration(page);
  await expect(page.getByLabel(/مقدار، سطر ۲/)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel(/نام واحد صنعتی/)).toHaveValue('صنایع نمونه البرز');
  await expect(page.getByRole('link', { name: 'آمار-امضاشده.pdf' })).toBeVisible();
  await page.getByLabel(/مقدار، سطر ۲/).fill('950');
  await page.getByRole('button', { name: 'ثبت و ارسال' }).click();

  // The receipt: tracking code, service, applicant, national id, dates.
  await expect(page).toHaveURL(/\/applications\/\d+\?sent=1/);
  const receipt = page.locator('.receipt');
  await expect(receipt).toContainText('رسید');
  const code = (await receipt.locator('bdi').first().innerText()).trim();
  expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{5}$/);
  const nationalId = toAscii((await receipt.getByText(/^[۰-۹]{10}$/).innerText()).trim());
  const applicationUrl = page.url().split('?')[0];

  // The desk officer refers it to the investment representative.
  let [staff, desk] = await openFromCartable(browser, testInfo, 'desk.tehran', code);
  await expect(desk.getByRole('link', { name: 'آمار-امضاشده.pdf' })).toBeVisible();
  const refer = desk.locator('#act-refer');
  await refer.getByRole('combobox').selectOption('tehran.investment.expert');
  await refer.getByRole('textbox').fill('مقدار مهرماه را با پروانه بسنجید');
  await refer.getByRole('button').click();
  await expect(desk).toHaveURL(/done=refer/);
  await staff.close();

  // The representative sends it back with a reason the applicant reads.
  [staff, desk] = await openFromCartable(browser, testInfo, 'expert.tehran', code);
  const back = desk.locator('#act-return_to_applicant');
  await back.getByRole('button').click();
  // Without a reason it is refused beside the field.
  await expect(desk).toHaveURL(/problems=1/);
  if (js) await waitForHydration(desk);
  await expect(desk.locator('#act-return_to_applicant').getByRole('textbox')).toHaveAttribute('aria-invalid', 'true');
  await desk.locator('#act-return_to_applicant').getByRole('textbox').fill('مقدار تولید مهرماه با ظرفیت پروانه نمی‌خواند');
  await desk.locator('#act-return_to_applicant').getByRole('button').click();
  await expect(desk).toHaveURL(/done=return_to_applicant/);
  await staff.close();

  // The applicant fixes the month and sends it again.
  await page.goto(applicationUrl);
  if (js) await waitForHydration(page);
  await expect(page.getByRole('region', { name: 'آنچه کارشناس از شما خواسته است' })).toContainText(
    'مقدار تولید مهرماه با ظرفیت پروانه نمی‌خواند',
  );
  await page.getByLabel(/مقدار، سطر ۱/).fill('1150');
  await page.getByRole('button', { name: 'ارسال دوباره' }).click();
  await expect(page).toHaveURL(/\/applications\/\d+\?sent=1/);

  // The desk officer approves and forwards; the ministry decides.
  [staff, desk] = await openFromCartable(browser, testInfo, 'desk.tehran', code);
  await desk.locator('#act-approve').getByRole('button').click();
  await expect(desk).toHaveURL(/done=approve/);
  await staff.close();
  [staff, desk] = await openFromCartable(browser, testInfo, 'ministry', code);
  await expect(desk.getByText('۱٬۱۵۰')).toBeVisible();
  const decide = desk.locator('#act-decide');
  await decide.getByRole('textbox').fill('آمار با پروانه بهره‌برداری و فرم امضاشده مطابقت دارد.');
  await decide.getByRole('button', { name: 'تأیید نهایی' }).click();
  await expect(desk).toHaveURL(/done=grant/);
  await staff.close();

  // The applicant sees the decision and its notice, which anyone can verify.
  await page.goto(applicationUrl);
  await expect(page.locator('.request-status')).toHaveText('تأیید نهایی شد');
  const notice = page.getByRole('region', { name: 'ابلاغ پاسخ خدمت' });
  await expect(notice).toContainText('آمار با پروانه بهره‌برداری و فرم امضاشده مطابقت دارد.');
  await expect(notice).toContainText('فرشته یزدان‌مهر');
  if (js) await expect(notice.getByRole('button', { name: 'چاپ' })).toBeVisible();
  await notice.getByRole('link', { name: /\/notices\// }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('راستی‌آزمایی ابلاغ پاسخ');
  await expect(page.getByText('این ابلاغیه را میز خدمت صادر کرده و معتبر است.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'ابلاغ پاسخ خدمت' })).toContainText('•');

  // Anyone with the receipt follows it without signing in.
  const visitor = await freshContext(browser, testInfo);
  const track = await visitor.newPage();
  await track.goto('/track');
  if (js) await waitForHydration(track);
  await track.getByLabel('کد رهگیری').fill(code);
  await track.getByLabel('کد ملی متقاضی').fill(nationalId);
  await track.getByRole('button', { name: 'پیگیری' }).click();
  await expect(track.locator('.track-status')).toHaveText('تأیید شد');
  const steps = track.getByRole('region', { name: 'مراحل انجام‌شده' }).getByRole('listitem');
  await expect(steps).toHaveText([
    /ثبت و ارسال/,
    /ارجاع/,
    /بازگرداندن برای اصلاح/,
    /ارسال دوباره پس از اصلاح/,
    /تأیید و ارسال به مرحله بعد/,
    /تصمیم نهایی: تأیید/,
  ]);
  await expect(track.getByText('بهرام کاظم‌زاده')).toHaveCount(0);
  await visitor.close();
});

test('with JavaScript a file its slot refuses is named beside it and taken out before anything is sent', async ({ page }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'the server names it after the post when the page has no script');
  await signIn(page, 'applicant', DEMO_PASSWORD, true);
  await page.goto('/services');
  await waitForHydration(page);
  await page.getByRole('link', { name: /ثبت و ارسال آمار تولید ماهانه/ }).click();
  await waitForHydration(page);
  const slot = page.getByLabel(/فرم امضاشده آمار/);
  const error = page.locator('#f-evidence-error');
  await slot.setInputFiles({ name: 'بزرگ.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(6 * 1024 * 1024, 0x25) });
  await expect(error).toHaveText('پرونده «بزرگ.pdf» بیش از ۵ مگابایت است');
  await expect(slot).toHaveAttribute('aria-invalid', 'true');
  await expect(slot).toHaveValue('');
  await slot.setInputFiles({ name: 'برنامه.exe', mimeType: 'application/octet-stream', buffer: PDF });
  await expect(error).toContainText('نوع پرونده «برنامه.exe» پذیرفته نیست');
  await slot.setInputFiles({ name: 'آمار.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(error).toHaveCount(0);
  await expect(slot).not.toHaveAttribute('aria-invalid', 'true');
});
