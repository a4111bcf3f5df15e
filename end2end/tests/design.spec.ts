import { expect, test, type Page } from '@playwright/test';

import { randomDigits, signIn } from './accounts';
import { jsEnabled, mainMenu, waitForHydration } from './helpers';

const DEMO_PASSWORD = 'Mizekhedmat-1405';

/**
 * Each project designs its own sub-service, so the four running at once
 * never share a draft: the service's link text and the sub-service's code.
 */
const SUB_SERVICES: Record<string, [RegExp, string]> = {
  'desktop-js': [/صدور جواز تاسیس/, '02'],
  'desktop-nojs': [/صدور جواز تاسیس/, '01'],
  'phone-js': [/واگذاری زمین/, '01'],
  'phone-nojs': [/واگذاری زمین/, '02'],
};

function row(page: Page, name: string) {
  return page.getByRole('group', { name, exact: true });
}

test('an administrator designs a form and workflow beside its preview, publishes it and applicants file on it', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const js = jsEnabled(testInfo);
  const [service, sub] = SUB_SERVICES[testInfo.project.name];
  const label = `نام کارگاه ${randomDigits(5)}`;

  await signIn(page, 'admin', DEMO_PASSWORD, js);
  await mainMenu(page).getByRole('link', { name: 'مدیریت خدمات' }).click();
  await page.getByRole('link', { name: service }).first().click();
  const forms = page.getByRole('region', { name: 'فرم‌های الکترونیکی و گردش کار' });
  await forms.getByRole('link', { name: new RegExp(`\\(${sub}\\)`) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('فرم و گردش کار');
  const serviceId = new URL(page.url()).pathname.split('/')[3];
  if (js) await waitForHydration(page);
  const preview = page.getByRole('region', { name: 'پیش‌نمایش فرم متقاضی' });

  // The first field and the first step.
  const field1 = row(page, 'فیلد ۱');
  await field1.getByLabel('عنوانی که متقاضی می‌خواند').fill(label);
  await field1.getByLabel('نام لاتین').fill('workshop_name');
  await field1.getByRole('checkbox', { name: 'پر کردن آن الزامی است' }).check();
  if (js) {
    // The preview follows what is typed, before anything is saved.
    await expect(preview.getByRole('textbox', { name: new RegExp(label) })).toBeVisible();
    await expect(row(page, 'فیلد ۲')).toBeVisible();
  }
  const step1 = row(page, 'مرحله ۱');
  await step1.getByLabel('عنوان مرحله').fill('بررسی در میز خدمت استان');
  await step1.getByLabel('نام لاتین').fill('desk_review');
  await step1.getByLabel('کد واحد مسئول').fill('{province}.desk');
  await step1.getByLabel('کد پست سازمانی').fill('{province}.desk.officer');
  await step1.getByLabel('مدت زمان انجام').fill('۲');
  await step1.getByRole('checkbox', { name: 'تأیید و ارسال به مرحله بعد' }).check();
  await step1.getByRole('checkbox', { name: 'بازگرداندن برای اصلاح' }).check();
  await page.getByRole('button', { name: 'ذخیرهٔ پیش‌نویس' }).click();
  await expect(page.getByText('پیش‌نویس ذخیره شد.')).toBeVisible();
  if (js) await waitForHydration(page);
  await expect(preview.getByRole('textbox', { name: new RegExp(label) })).toBeVisible();
  await expect(row(page, 'فیلد ۱').getByLabel('نام لاتین')).toHaveValue('workshop_name');

  // A second field with a name that cannot be posted, and the deciding step.
  const field2 = row(page, 'فیلد ۲');
  await field2.getByLabel('عنوانی که متقاضی می‌خواند').fill('پروانهٔ پیشین دارد');
  await field2.getByLabel('نوع').selectOption('yes_no');
  await field2.getByLabel('نام لاتین').fill('Has Licence');
  const badName = field2.getByLabel('نام لاتین');
  if (js) {
    // Named as soon as the input is left, and gone once it is put right.
    await badName.blur();
    await expect(badName).toHaveAttribute('aria-invalid', 'true');
    await expect(field2.getByText(/نام فیلد را با حرف کوچک لاتین آغاز کنید/)).toBeVisible();
    await expect(preview.getByRole('radio', { name: 'بله' })).toBeVisible();
  }
  const step2 = row(page, 'مرحله ۲');
  await step2.getByLabel('عنوان مرحله').fill('تصمیم در وزارت');
  await step2.getByLabel('نام لاتین').fill('ministry_decision');
  await step2.getByLabel('کد واحد مسئول').fill('ministry.statistics');
  await step2.getByLabel('کد پست سازمانی').fill('ministry.statistics.expert');
  await step2.getByLabel('مدت زمان انجام').fill('3');
  await step2.getByRole('checkbox', { name: 'تصمیم نهایی' }).check();
  await page.getByRole('button', { name: 'انتشار نسخهٔ تازه' }).click();

  // Refused: summed up and beside the input, with everything typed kept.
  const summary = page.getByRole('alert').filter({ hasText: 'برای انتشار، این موارد را درست کنید' });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('link', { name: /فیلد ۲ — نام لاتین/ })).toBeVisible();
  if (js) await waitForHydration(page);
  await expect(row(page, 'فیلد ۲').getByLabel('نام لاتین')).toHaveAttribute('aria-invalid', 'true');
  await expect(row(page, 'فیلد ۲').getByLabel('نام لاتین')).toHaveValue('Has Licence');
  await expect(row(page, 'مرحله ۲').getByLabel('عنوان مرحله')).toHaveValue('تصمیم در وزارت');
  await expect(row(page, 'فیلد ۲').getByLabel('نوع')).toHaveValue('yes_no');

  await row(page, 'فیلد ۲').getByLabel('نام لاتین').fill('has_licence');
  await page.getByRole('button', { name: 'انتشار نسخهٔ تازه' }).click();
  await expect(page.getByRole('status').filter({ hasText: /منتشر شد: نسخهٔ [۱-۹]/ })).toBeVisible();
  const versions = page.getByRole('region', { name: 'نسخه‌های منتشرشده' });
  await expect(versions.getByRole('row').nth(1)).toContainText('پرویز');
  // The published workflow is drawn as its steps, with the agreed durations.
  await expect(preview.getByRole('listitem').filter({ hasText: 'تصمیم در وزارت' })).toContainText('۳ روز کاری');

  // An applicant now finds the sub-service online and its form as designed.
  await page.context().clearCookies();
  await signIn(page, 'applicant', DEMO_PASSWORD, js);
  await page.goto(`/catalogue/${serviceId}/apply/${sub}`);
  const typed = page.getByLabel(new RegExp(label));
  await expect(typed).toBeVisible();
  if (js) {
    // The browser runs the server's checks: a required field left empty is
    // named beside it, and the message goes once it is filled.
    await waitForHydration(page);
    await typed.fill('x');
    await typed.blur();
    await typed.fill('');
    await typed.blur();
    await expect(typed).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#f-workshop_name-error')).toBeVisible();
    await typed.fill('کارگاه نمونه');
    await expect(typed).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#f-workshop_name-error')).toHaveCount(0);
  }
  await expect(page.getByRole('group', { name: /پروانهٔ پیشین دارد/ })).toBeVisible();
});

test('only administrators reach the designer', async ({ page }, testInfo) => {
  await signIn(page, 'desk.tehran', DEMO_PASSWORD, jsEnabled(testInfo));
  await page.goto('/admin/services/1/forms/01');
  await expect(page.getByRole('alert')).toContainText(/دسترسی|اجازه/);
  await expect(page.getByRole('button', { name: 'انتشار نسخهٔ تازه' })).toHaveCount(0);
});

