import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import { signIn } from './accounts';
import { HYDRATED_EN, HYDRATED_FA, jsEnabled, waitForHydration } from './helpers';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it stands and fails with a readable list of problems. */
async function expectNoViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const violations = results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
  }));
  expect(violations).toEqual([]);
}

const PAGES: Array<{ path: string; title: string }> = [
  { path: '/', title: 'the home page' },
  { path: '/cartable', title: 'the cartable' },
  { path: '/login', title: 'the login page' },
  { path: '/signup', title: 'the sign-up page' },
  { path: '/activate?username=someone&new=1', title: 'the activation page' },
  { path: '/password/forgot', title: 'the forgotten-password page' },
  { path: '/password/reset?sent=1', title: 'the password-reset page' },
  { path: '/dev/messages', title: 'the demo messages page' },
  { path: '/no-such-page', title: 'the not-found page' },
  { path: '/catalogue?q=%D8%B2%D9%85%DB%8C%D9%86', title: 'the service catalogue' },
  { path: '/catalogue/4', title: 'a service card' },
  { path: '/permits', title: 'the permit register' },
  { path: '/permits/1', title: 'a permit card' },
  { path: '/track', title: 'the tracking page' },
  { path: '/services', title: 'the e-services page' },
  { path: '/notices/ABCD-EFGH2', title: 'the notice verification page' },
];

for (const { path, title } of PAGES) {
  test(`${title} meets WCAG 2.2 AA as axe checks it`, async ({ page }, testInfo) => {
    test.skip(!jsEnabled(testInfo), 'axe runs as a script in the page; the no-JS HTML is the same server-rendered HTML');
    await page.goto(path);
    await waitForHydration(page, HYDRATED_FA);
    await expectNoViolations(page);
  });
}

test('the home page in English meets WCAG 2.2 AA as axe checks it', async ({ page, context, baseURL }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'axe runs as a script in the page; the no-JS HTML is the same server-rendered HTML');
  await context.addCookies([{ name: 'lang', value: 'en', url: baseURL ?? 'http://127.0.0.1:3300' }]);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await waitForHydration(page, HYDRATED_EN);
  await expectNoViolations(page);
});

test('the login form showing an error, and the signed-in cartable, meet WCAG 2.2 AA', async ({ page }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'axe runs as a script in the page; the no-JS HTML is the same server-rendered HTML');
  await page.goto('/login');
  await waitForHydration(page, HYDRATED_FA);
  await page.getByLabel('نام کاربری').fill('applicant');
  await page.getByLabel('کلمه عبور').fill('not-the-password');
  await page.getByRole('button', { name: 'ورود' }).click();
  await expect(page.getByRole('alert')).toContainText('نام کاربری یا کلمه عبور نادرست است');
  await expectNoViolations(page);

  await page.getByLabel('کلمه عبور').fill('Mizekhedmat-1405');
  await page.getByRole('button', { name: 'ورود' }).click();
  await expect(page).toHaveURL(/\/cartable$/);
  await expect(page.getByRole('navigation', { name: 'منوی اصلی' }).getByText('نگار امیرخانی')).toBeVisible();
  await expectNoViolations(page);
});

test('the sign-up form showing every field error meets WCAG 2.2 AA', async ({ page }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'axe runs as a script in the page; the no-JS HTML is the same server-rendered HTML');
  await page.goto('/signup');
  await waitForHydration(page, HYDRATED_FA);
  await page.getByLabel('کد ملی', { exact: true }).fill('1234567890');
  await page.getByRole('button', { name: 'ثبت نام' }).click();
  await expect(page.getByLabel('کد ملی', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectNoViolations(page);
});

test('the second step and the staff administration page meet WCAG 2.2 AA', async ({ page }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'axe runs as a script in the page; the no-JS HTML is the same server-rendered HTML');
  await page.goto('/login');
  await waitForHydration(page, HYDRATED_FA);
  await page.getByLabel('نام کاربری').fill('admin');
  await page.getByLabel('کلمه عبور').fill('Mizekhedmat-1405');
  await page.getByRole('button', { name: 'ورود' }).click();
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  await waitForHydration(page, HYDRATED_FA);
  await expectNoViolations(page);
  await page.goto('/login');
  await signIn(page, 'admin', 'Mizekhedmat-1405', true);
  await page.goto('/admin/staff');
  await waitForHydration(page, HYDRATED_FA);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('مدیریت کارکنان');
  await expectNoViolations(page);
  await page.goto('/admin/organisation');
  await waitForHydration(page, HYDRATED_FA);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('سازمان، واحدها و پست‌ها');
  await expectNoViolations(page);
});

test('the service editor, showing a refused edit, meets WCAG 2.2 AA', async ({ page }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'axe runs as a script in the page; the no-JS HTML is the same server-rendered HTML');
  test.setTimeout(60_000);
  await signIn(page, 'admin', 'Mizekhedmat-1405', true);
  await page.goto('/admin/services');
  await waitForHydration(page, HYDRATED_FA);
  await expectNoViolations(page);
  await page.getByRole('button', { name: 'خدمت تازه' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ویرایش شناسنامه خدمت');
  await page.getByRole('button', { name: 'ذخیره شناسنامه' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'این بخش‌ها را درست کنید' })).toBeVisible();
  await waitForHydration(page, HYDRATED_FA);
  await expectNoViolations(page);
});

test('the permit editor showing a refused edit, and a unit of the organisation, meet WCAG 2.2 AA', async ({ page }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'axe runs as a script in the page; the no-JS HTML is the same server-rendered HTML');
  test.setTimeout(60_000);
  await signIn(page, 'admin', 'Mizekhedmat-1405', true);
  await page.goto('/admin/permits');
  await waitForHydration(page, HYDRATED_FA);
  await expectNoViolations(page);
  await page.getByRole('button', { name: 'مجوز تازه' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ویرایش شناسنامه مجوز');
  await page.getByRole('button', { name: 'ذخیره شناسنامه' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'این بخش‌ها را درست کنید' })).toBeVisible();
  await waitForHydration(page, HYDRATED_FA);
  await expectNoViolations(page);
  await page.goto('/admin/organisation');
  await page.locator('li[data-code="tehran.land"]').getByRole('link', { name: /ویرایش/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ویرایش واحد');
  await waitForHydration(page, HYDRATED_FA);
  await expectNoViolations(page);
});

test('a request form showing its problems, the applicant\'s request page and the staff\'s report meet WCAG 2.2 AA and fit a phone screen', async ({ page, browser }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'axe runs as a script in the page; the no-JS HTML is the same server-rendered HTML');
  test.setTimeout(90_000);
  await signIn(page, 'applicant', 'Mizekhedmat-1405', true);
  await page.goto('/services');
  await page.getByRole('link', { name: /آمار تولید ماهانه/ }).click();
  await waitForHydration(page, HYDRATED_FA);
  await expectNoViolations(page);
  await page.getByRole('button', { name: 'ثبت و ارسال' }).click();
  await expect(page).toHaveURL(/\/applications\/\d+\?problems=1/);
  await waitForHydration(page, HYDRATED_FA);
  await expect(page.getByLabel(/نام واحد صنعتی/)).toHaveAttribute('aria-invalid', 'true');
  await expectNoViolations(page);
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(widths[0], 'no sideways scrolling').toBeLessThanOrEqual(widths[1]);

  // A sent request, as the desk officer reads it with the action forms.
  await page.getByLabel('شرکت استانی رسیدگی‌کننده').selectOption('tehran');
  await page.getByLabel(/نام واحد صنعتی/).fill('صنایع آزمون دسترس‌پذیری');
  await page.getByLabel(/شماره پروانه بهره‌برداری/).fill('777');
  await page.getByLabel(/ماه، سطر ۱/).selectOption('1');
  await page.getByLabel(/محصول، سطر ۱/).fill('کاشی');
  await page.getByLabel(/مقدار، سطر ۱/).fill('10');
  await page.getByLabel(/یکا، سطر ۱/).fill('متر مربع');
  await page.getByRole('radio', { name: 'خیر' }).check();
  await page.getByLabel(/موبایل رابط واحد/).fill('09121234567');
  await page.getByRole('button', { name: 'ثبت و ارسال' }).click();
  await expect(page).toHaveURL(/\?sent=1/);
  await waitForHydration(page, HYDRATED_FA);
  await expectNoViolations(page);
  const code = (await page.locator('.receipt bdi').first().innerText()).trim();

  const staff = await browser.newContext({ baseURL: testInfo.project.use.baseURL, viewport: testInfo.project.use.viewport });
  const desk = await staff.newPage();
  await signIn(desk, 'desk.tehran', 'Mizekhedmat-1405', true);
  await desk.goto(`/cartable?q=${code}`);
  await waitForHydration(desk, HYDRATED_FA);
  await expectNoViolations(desk);
  await desk.getByRole('region', { name: /در انتظار اقدام/ }).getByRole('link', { name: 'مشاهده' }).click();
  await expect(desk.getByRole('heading', { level: 1 })).toContainText(code);
  await waitForHydration(desk, HYDRATED_FA);
  await expectNoViolations(desk);
  await staff.close();
});

test('the form and workflow designer, with its preview and a refused publish, meets WCAG 2.2 AA', async ({ page }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'axe runs as a script in the page; the no-JS HTML is the same server-rendered HTML');
  test.setTimeout(60_000);
  await signIn(page, 'admin', 'Mizekhedmat-1405', true);
  await page.goto('/admin/services');
  await page.getByRole('link', { name: /آمار تولید ماهیانه/ }).first().click();
  await page.getByRole('region', { name: 'فرم‌های الکترونیکی و گردش کار' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('فرم و گردش کار');
  await waitForHydration(page, HYDRATED_FA);
  await expectNoViolations(page);
  await page.goto('/admin/services');
  await page.getByRole('link', { name: /فعالسازی گواهی الکترونیکی/ }).first().click();
  await page.getByRole('region', { name: 'فرم‌های الکترونیکی و گردش کار' }).getByRole('link').first().click();
  await page.getByRole('button', { name: 'انتشار نسخهٔ تازه' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'برای انتشار، این موارد را درست کنید' })).toBeVisible();
  await waitForHydration(page, HYDRATED_FA);
  await expectNoViolations(page);
});
