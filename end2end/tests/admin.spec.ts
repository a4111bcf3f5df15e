import { expect, test } from '@playwright/test';

import { nationalId, randomDigits, signIn } from './accounts';
import { jsEnabled, mainMenu, waitForHydration } from './helpers';

const DEMO_PASSWORD = 'Mizekhedmat-1405';

test('an administrator creates a staff member in a post, changes their role and deactivates them', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const js = jsEnabled(testInfo);
  const suffix = randomDigits(7);
  const username = `staff.${suffix}`;
  await signIn(page, 'admin', DEMO_PASSWORD, js);
  await mainMenu(page).getByRole('link', { name: 'مدیریت کارکنان' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('مدیریت کارکنان');

  const form = page.getByRole('region', { name: 'کارمند تازه' });
  await form.getByLabel('نام کاربری').fill(username);
  await form.getByLabel('نام', { exact: true }).fill('Kaveh');
  await form.getByLabel('نام خانوادگی').fill('زمین‌دار');
  await form.getByLabel('ایمیل').fill(`${username}@example.ir`);
  await form.getByLabel('موبایل').fill(`0917${suffix}`);
  await form.getByLabel('کد ملی').fill(nationalId(`05${suffix}`));
  await form.getByLabel('نقش').selectOption('domain_expert');
  await form.getByLabel('پست سازمانی').selectOption({ label: 'شرکت شهرک‌های صنعتی استان اصفهان › حوزه واگذاری زمین — کارشناس واگذاری زمین' });
  await form.getByRole('button', { name: 'ساختن حساب' }).click();
  // A Latin first name is refused beside the field; the rest is kept.
  await expect(page.getByText('فقط حروف فارسی وارد کنید')).toBeVisible();
  await expect(page.getByRole('region', { name: 'کارمند تازه' }).getByLabel('ایمیل')).toHaveValue(`${username}@example.ir`);
  await expect(page.getByRole('region', { name: 'کارمند تازه' }).getByLabel('نقش')).toHaveValue('domain_expert');
  await page.getByRole('region', { name: 'کارمند تازه' }).getByLabel('نام', { exact: true }).fill('کاوه');
  await page.getByRole('region', { name: 'کارمند تازه' }).getByLabel('پست سازمانی').selectOption({ index: 5 });
  await page.getByRole('region', { name: 'کارمند تازه' }).getByRole('button', { name: 'ساختن حساب' }).click();
  await expect(page.getByText('حساب کارمند ساخته شد')).toBeVisible();

  const row = page.locator(`tr[data-username="${username}"]`);
  await expect(row).toContainText('کاوه زمین‌دار');
  await expect(row).toContainText('فعال');
  await expect(row.getByLabel('نقش کاوه زمین‌دار')).toHaveValue('domain_expert');
  await row.getByLabel('نقش کاوه زمین‌دار').selectOption('manager');
  await row.getByRole('button', { name: 'تغییر نقش' }).click();
  await expect(page.getByText('تغییر ثبت شد.')).toBeVisible();
  await page.reload();
  await expect(page.locator(`tr[data-username="${username}"]`).getByLabel('نقش کاوه زمین‌دار')).toHaveValue('manager');
  await row.getByRole('button', { name: 'غیرفعال کردن' }).click();
  await expect(page.locator(`tr[data-username="${username}"]`)).toContainText('غیرفعال');
  await expect(page.locator(`tr[data-username="${username}"]`).getByRole('button', { name: 'فعال کردن' })).toBeVisible();
});

test('an applicant cannot reach staff administration', async ({ page }, testInfo) => {
  await signIn(page, 'applicant', DEMO_PASSWORD, jsEnabled(testInfo));
  await expect(mainMenu(page).getByRole('link', { name: 'مدیریت کارکنان' })).toHaveCount(0);
  await page.goto('/admin/staff');
  await expect(page.getByText('شما اجازه این کار را ندارید')).toBeVisible();
  await expect(page.getByRole('region', { name: 'کارمند تازه' })).toHaveCount(0);
});

test('an administrator adds a unit and a post to the organisation tree', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const js = jsEnabled(testInfo);
  const suffix = randomDigits(6);
  await signIn(page, 'admin', DEMO_PASSWORD, js);
  await mainMenu(page).getByRole('link', { name: 'سازمان و پست‌ها' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('سازمان، واحدها و پست‌ها');
  const tree = page.getByRole('region', { name: 'ساختار سازمانی' });
  await expect(tree).toContainText('میز خدمت استان تهران');
  await expect(tree).toContainText('بهرام کاظم‌زاده');

  const unitForm = page.getByRole('region', { name: 'واحد تازه' });
  await unitForm.getByLabel('زیرمجموعه').selectOption({ label: 'شرکت شهرک‌های صنعتی استان اصفهان' });
  await unitForm.getByLabel('کد (لاتین)').fill('Isfahan Water');
  await unitForm.getByLabel('نام فارسی').fill(`حوزه آب ${suffix}`);
  await unitForm.getByLabel('نام انگلیسی').fill('Water domain');
  await unitForm.getByRole('button', { name: 'افزودن واحد' }).click();
  // The bad code is named beside its field; the names stay typed.
  await expect(page.locator('#unit-code-error')).toContainText('حرف کوچک لاتین');
  await expect(page.getByRole('region', { name: 'واحد تازه' }).getByLabel('نام فارسی')).toHaveValue(`حوزه آب ${suffix}`);
  await expect(page.getByRole('region', { name: 'واحد تازه' }).getByLabel('زیرمجموعه').locator('option:checked')).toHaveText(
    'شرکت شهرک‌های صنعتی استان اصفهان',
  );
  await page.getByRole('region', { name: 'واحد تازه' }).getByLabel('کد (لاتین)').fill(`isfahan.water${suffix}`);
  await page.getByRole('region', { name: 'واحد تازه' }).getByRole('button', { name: 'افزودن واحد' }).click();
  await expect(page.locator(`li[data-code="isfahan.water${suffix}"]`)).toContainText(`حوزه آب ${suffix}`);

  const postForm = page.getByRole('region', { name: 'پست تازه' });
  await expect(postForm.getByLabel('واحد')).toContainText(`حوزه آب ${suffix}`);
  await postForm.getByLabel('واحد').selectOption({ label: `حوزه آب ${suffix}` });
  await postForm.getByLabel('کد (لاتین)').fill(`isfahan.water${suffix}.expert`);
  await postForm.getByLabel('عنوان فارسی پست').fill('کارشناس آب');
  await postForm.getByLabel('عنوان انگلیسی پست').fill('Water expert');
  await postForm.getByRole('button', { name: 'افزودن پست' }).click();
  const unit = page.locator(`li[data-code="isfahan.water${suffix}"]`);
  await expect(unit).toContainText('کارشناس آب');
  await expect(unit).toContainText('این پست اکنون متصدی ندارد.');
});

test('an administrator renames and moves a unit, and closes it once nothing open is left in it', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const js = jsEnabled(testInfo);
  const suffix = randomDigits(6);
  const code = `isfahan.lab${suffix}`;
  await signIn(page, 'admin', DEMO_PASSWORD, js);
  await page.goto('/admin/organisation');
  if (js) await waitForHydration(page);
  const unitForm = page.getByRole('region', { name: 'واحد تازه' });
  await unitForm.getByLabel('زیرمجموعه').selectOption({ label: 'شرکت شهرک‌های صنعتی استان اصفهان' });
  await unitForm.getByLabel('کد (لاتین)').fill(code);
  await unitForm.getByLabel('نام فارسی').fill(`آزمایشگاه ${suffix}`);
  await unitForm.getByLabel('نام انگلیسی').fill('Laboratory');
  await unitForm.getByRole('button', { name: 'افزودن واحد' }).click();
  const unit = page.locator(`li[data-code="${code}"]`);
  await expect(unit).toContainText(`آزمایشگاه ${suffix}`);
  const postForm = page.getByRole('region', { name: 'پست تازه' });
  await postForm.getByLabel('واحد').selectOption({ label: `آزمایشگاه ${suffix}` });
  await postForm.getByLabel('کد (لاتین)').fill(`${code}.tester`);
  await postForm.getByLabel('عنوان فارسی پست').fill('کارشناس آزمون');
  await postForm.getByLabel('عنوان انگلیسی پست').fill('Tester');
  await postForm.getByRole('button', { name: 'افزودن پست' }).click();
  await expect(unit).toContainText('کارشناس آزمون');

  // Renamed and moved to Tehran; an empty English name is refused beside
  // its field and the Persian one stays as typed.
  await unit.getByRole('link', { name: `ویرایش آزمایشگاه ${suffix}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ویرایش واحد');
  if (js) await waitForHydration(page);
  await page.getByLabel('نام فارسی').fill(`آزمایشگاه مرکزی ${suffix}`);
  await page.getByLabel('نام انگلیسی').fill('');
  await page.getByRole('button', { name: 'ذخیره تغییرات' }).click();
  await expect(page.locator('#unit-name-en-error')).toHaveText('نام انگلیسی را بنویسید (حداکثر ۲۰۰ نویسه)');
  await expect(page.getByLabel('نام فارسی')).toHaveValue(`آزمایشگاه مرکزی ${suffix}`);
  await page.getByLabel('نام انگلیسی').fill('Central laboratory');
  await page.getByLabel('زیرمجموعه').selectOption({ label: 'شرکت شهرک‌های صنعتی استان تهران' });
  await page.getByRole('button', { name: 'ذخیره تغییرات' }).click();
  await expect(page.getByText('تغییر ذخیره شد.')).toBeVisible();
  await expect(unit).toContainText(`آزمایشگاه مرکزی ${suffix}`);
  const tehranAt = await page.locator('li[data-code="tehran"]').evaluate((el) => [...el.parentElement!.children].indexOf(el));
  const unitAt = await unit.evaluate((el) => [...el.parentElement!.children].indexOf(el));
  const isfahanAt = await page.locator('li[data-code="isfahan"]').evaluate((el) => [...el.parentElement!.children].indexOf(el));
  expect(unitAt).toBeGreaterThan(tehranAt);
  expect(unitAt).toBeLessThan(isfahanAt);

  // Not closed while its post is open; the post closes, then the unit.
  await unit.getByRole('link', { name: `ویرایش آزمایشگاه مرکزی ${suffix}` }).click();
  await page.getByRole('button', { name: 'بستن واحد' }).click();
  await expect(page.getByRole('alert')).toContainText('هنوز واحد یا پست باز دارد');
  await page.getByRole('link', { name: 'بازگشت به ساختار سازمانی' }).click();
  await unit.getByRole('link', { name: 'ویرایش کارشناس آزمون' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ویرایش پست');
  await page.getByRole('button', { name: 'بستن پست' }).click();
  await expect(page.getByText('بسته شد و در تاریخچه ماند.')).toBeVisible();
  await expect(unit.locator('li', { hasText: 'کارشناس آزمون' })).toContainText('بسته‌شده از');
  await unit.getByRole('link', { name: `ویرایش آزمایشگاه مرکزی ${suffix}` }).click();
  await page.getByRole('button', { name: 'بستن واحد' }).click();
  await expect(page.getByText('بسته شد و در تاریخچه ماند.')).toBeVisible();
  await expect(unit).toContainText('بسته‌شده از');
  await expect(unit.getByRole('link', { name: /ویرایش/ })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'پست تازه' }).getByLabel('واحد')).not.toContainText(`آزمایشگاه مرکزی ${suffix}`);
});
