import { expect, test } from '@playwright/test';

import { randomDigits, signIn } from './accounts';
import { isPhone, jsEnabled, mainMenu, waitForHydration } from './helpers';

const DEMO_PASSWORD = 'Mizekhedmat-1405';

/** An amount as a Persian page prints it: Persian digits, ٬ between thousands. */
function persianAmount(n: number): string {
  const grouped = n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '٬');
  return grouped.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);
}

test('a visitor finds the establishment permit typed with Arabic letters and reads its fees and steps', async ({ page }, testInfo) => {
  await page.goto('/');
  // Typed on a keyboard that gives Arabic ي and ك.
  await page.getByLabel('جست‌وجوی خدمت').fill('جواز تاسيس');
  await page.getByRole('button', { name: 'جست‌وجو' }).click();
  await expect(page).toHaveURL(/\/catalogue\?q=/);
  const result = page.getByRole('link', { name: /صدور جواز تاسیس/ });
  await expect(result).toBeVisible();
  await expect(page.getByRole('heading', { name: /خدمات یافته‌شده/ })).toBeVisible();

  // The filters narrow it and live in a URL that can be shared.
  if (jsEnabled(testInfo)) await waitForHydration(page);
  await page.getByLabel('نوع خدمت', { exact: true }).selectOption('g2g');
  await page.getByRole('button', { name: 'جست‌وجو' }).click();
  await expect(page).toHaveURL(/kind=g2g/);
  await expect(page.getByText('خدمتی با این مشخصات پیدا نشد.', { exact: false })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('link', { name: /صدور جواز تاسیس/ })).toBeVisible();

  await page.getByRole('link', { name: /صدور جواز تاسیس/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('جواز تاسیس');
  await expect(page.getByText(/ریال/).first()).toBeVisible();
  const steps = page.getByRole('list', { name: 'فرایند خدمت' }).first().getByRole('listitem');
  expect(await steps.count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByRole('heading', { name: 'مراحل انجام کار' }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'جواز تاسیس', exact: true })).toBeVisible();

  if (isPhone(testInfo)) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }

  // The permit it issues, from the register.
  await page.getByRole('link', { name: 'جواز تاسیس', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('جواز تاسیس');
  await expect(page.getByRole('heading', { name: 'صدور', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'تمدید', exact: true })).toBeVisible();
});

test('an administrator corrects a refused fee and the public page shows the new one', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const js = jsEnabled(testInfo);
  await signIn(page, 'admin', DEMO_PASSWORD, js);
  await mainMenu(page).getByRole('link', { name: 'مدیریت خدمات' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('مدیریت خدمات');
  await page.getByRole('link', { name: /صدور جواز تاسیس/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ویرایش شناسنامه خدمت');

  const fee = page.locator('#f-s0-fee0-amount');
  const description = page.locator('#f-description');
  const note = `شرح آزمایشی ${randomDigits(4)} <img src=x onerror="document.title='hacked'">`;
  await description.fill(note);
  await fee.fill('-5000');
  await page.getByRole('button', { name: 'ذخیره شناسنامه' }).click();
  // Refused beside the field and in a summary; nothing typed is lost.
  await expect(page.getByRole('alert').filter({ hasText: 'این بخش‌ها را درست کنید' })).toBeVisible();
  await expect(page.locator('#f-s0-fee0-amount-error')).toHaveText('عدد نمی‌تواند منفی باشد');
  await expect(page.locator('#f-s0-fee0-amount')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#f-s0-fee0-amount')).toHaveValue('-5000');
  await expect(page.locator('#f-description')).toHaveValue(note);

  const amount = 3_000_000 + Number(randomDigits(5));
  await page.locator('#f-s0-fee0-amount').fill(String(amount));
  await page.getByRole('button', { name: 'ذخیره شناسنامه' }).click();
  await expect(page.getByText('شناسنامه ذخیره شد.')).toBeVisible();
  const history = page.getByRole('region', { name: 'تاریخچه تغییرات' });
  await expect(history.getByRole('row').nth(1)).toContainText('ویرایش');
  await expect(history.getByRole('row').nth(1)).toContainText('زیرخدمت ۱ — مبلغ (ریال)');

  await page.getByRole('link', { name: 'دیدن صفحه عمومی' }).click();
  await expect(page.getByText(`${persianAmount(amount)} ریال`).first()).toBeVisible();
  // HTML typed into a description is shown as text, never run.
  await expect(page.getByText(note)).toBeVisible();
  expect(await page.title()).not.toBe('hacked');

  // Posted around the form: an unknown choice and a 10,000-character title
  // are refused by the server itself.
  const id = new URL(page.url()).pathname.split('/').pop() ?? '';
  await page.goto(`/admin/services/${id}`);
  const revision = await page.locator('input[name="revision"]').getAttribute('value');
  const posted = await page.request.post('/api/catalogue/save', {
    headers: { Accept: 'application/json' },
    multipart: { id, revision: revision ?? '', title: 'ا'.repeat(10_000), kind: 'g2x' },
  });
  expect(posted.status()).toBe(422);
  const refusal = JSON.stringify(await posted.json());
  expect(refusal).toContain('حداکثر ۲۰۰ نویسه');
  expect(refusal).toContain('نوع خدمت را برگزینید');
  await page.reload();
  await expect(page.locator('#f-kind-error')).toHaveText('نوع خدمت را برگزینید');
  await page.getByRole('button', { name: 'کنار گذاشتن ویرایش ناتمام' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'این بخش‌ها را درست کنید' })).toHaveCount(0);
  await expect(page.locator('#f-title')).toHaveValue(/جواز تاسیس/);
});

test('only administrators reach the service editor', async ({ page }, testInfo) => {
  await signIn(page, 'applicant', DEMO_PASSWORD, jsEnabled(testInfo));
  await expect(mainMenu(page).getByRole('link', { name: 'مدیریت خدمات' })).toHaveCount(0);
  await page.goto('/admin/services');
  await expect(page.getByText('شما اجازه این کار را ندارید')).toBeVisible();
  await page.goto('/admin/services/1');
  await expect(page.getByText('شما اجازه این کار را ندارید')).toBeVisible();
  await expect(page.getByRole('button', { name: 'ذخیره شناسنامه' })).toHaveCount(0);
});

test('open data lists the published catalogue for other platforms', async ({ request }) => {
  const json = await request.get('/open-data/services.json');
  expect(json.status()).toBe(200);
  expect(json.headers()['cache-control']).toBe('public, max-age=300');
  const services = await json.json();
  expect(services.length).toBeGreaterThanOrEqual(5);
  expect(services.some((s: { title: string }) => s.title.includes('جواز تاسیس'))).toBe(true);
  const csv = await request.get('/open-data/permits.csv');
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain('جواز تاسیس');
});

test('an administrator registers a permit, links it to the service that issues it and publishes it', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const js = jsEnabled(testInfo);
  const title = `مجوز آزمایشی بهره‌برداری ${randomDigits(5)}`;
  await signIn(page, 'admin', DEMO_PASSWORD, js);
  await mainMenu(page).getByRole('link', { name: 'مدیریت مجوزها' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('مدیریت مجوزها');
  await expect(page.getByRole('link', { name: 'جواز تاسیس', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'مجوز تازه' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ویرایش شناسنامه مجوز');
  if (js) await waitForHydration(page);

  await page.getByLabel('عنوان مجوز').fill(title);
  await page.getByLabel('دستگاه صادرکننده').fill('سازمان نمونه صنایع و شهرک‌های صنعتی');
  const service = (await page.locator('#f-service option', { hasText: 'جواز تاسیس' }).first().textContent()) ?? '';
  await page.getByLabel('خدمت صادرکننده در شناسنامه خدمات').selectOption({ label: service });
  const first = page.getByRole('group', { name: 'درخواست ۱', exact: true });
  await first.getByLabel('نوع درخواست').selectOption({ label: 'صدور' });
  await first.getByLabel('مستندات قانونی').fill('آیین‌نامه نمونه بهره‌برداری');
  await first.getByLabel('مدارک مورد نیاز').fill('درخواست کتبی\nپروانه ساخت');
  await first.getByLabel('هزینه (ریال)').fill('-100');
  await first.getByRole('checkbox', { name: 'حقوقی' }).check();
  await first.getByLabel('زمان انجام کار').fill('۱۰ روز کاری');
  await page.getByRole('button', { name: 'ذخیره شناسنامه' }).click();

  // The negative fee is named beside it and in the summary; the rest stays.
  await expect(page.getByRole('alert').filter({ hasText: 'این بخش‌ها را درست کنید' })).toContainText('درخواست ۱ — هزینه (ریال)');
  await expect(page.locator('#f-k0-fee-error')).toHaveText('عدد نمی‌تواند منفی باشد');
  await expect(page.getByLabel('عنوان مجوز')).toHaveValue(title);
  await expect(page.getByLabel('خدمت صادرکننده در شناسنامه خدمات')).not.toHaveValue('');
  await page.locator('#f-k0-fee').fill('۲٬۵۰۰٬۰۰۰');
  await page.getByRole('button', { name: 'ذخیره شناسنامه' }).click();
  await expect(page.getByText('شناسنامه ذخیره شد.')).toBeVisible();
  await page.getByRole('button', { name: 'انتشار' }).click();
  await expect(page.getByText('مجوز منتشر شد و برای همه پیداست.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'تاریخچه تغییرات' })).toContainText('انتشار');

  // The public card, and the service page links back to it.
  await page.getByRole('link', { name: 'دیدن صفحه عمومی' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText(`${persianAmount(2_500_000)} ریال`)).toBeVisible();
  await page.getByRole('link', { name: service.trim() }).click();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
});

test('only administrators reach the permit editor', async ({ page }, testInfo) => {
  await signIn(page, 'desk.tehran', DEMO_PASSWORD, jsEnabled(testInfo));
  await expect(mainMenu(page).getByRole('link', { name: 'مدیریت مجوزها' })).toHaveCount(0);
  await page.goto('/admin/permits/1');
  await expect(page.getByText('شما اجازه این کار را ندارید')).toBeVisible();
  await expect(page.getByRole('button', { name: 'ذخیره شناسنامه' })).toHaveCount(0);
});
