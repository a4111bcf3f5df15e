import { expect, type Browser, type BrowserContext, type Locator, type Page, type TestInfo } from '@playwright/test';

/** What the footer says once the WebAssembly client has hydrated the page. */
export const HYDRATED_FA = 'نسخه تعاملی فعال است';
export const HYDRATED_EN = 'Interactive version active';

/** Hydration downloads and compiles the client: give it time on a slow machine. */
export const HYDRATION_TIMEOUT = 15_000;

/**
 * Starts collecting the page's console errors and uncaught exceptions. Call it
 * before the first `goto`; the returned array fills as the page runs, so a
 * test ends with `expect(errors).toEqual([])`.
 */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location().url;
      errors.push(`console error: ${message.text()}${where ? ` (${where})` : ''}`);
    }
  });
  page.on('pageerror', (error) => {
    errors.push(`page error: ${error.name}: ${error.message}`);
  });
  return errors;
}

/** Whether the current project runs the page's JavaScript (and so the client). */
export function jsEnabled(testInfo: TestInfo): boolean {
  return testInfo.project.use.javaScriptEnabled !== false;
}

/** Whether the current project is a phone (small touch screen). */
export function isPhone(testInfo: TestInfo): boolean {
  return testInfo.project.use.isMobile === true;
}

/**
 * Waits for the visible sign that the client has taken over: the footer's
 * status line. Only meaningful in projects with JavaScript.
 */
export async function waitForHydration(page: Page, text: string = HYDRATED_FA): Promise<void> {
  await expect(page.getByRole('contentinfo').getByRole('status')).toContainText(text, {
    timeout: HYDRATION_TIMEOUT,
  });
}

/**
 * Waits until nothing has been added to or taken from `<main>` for 300 ms.
 * A server action that redirects (activation to the login page) may draw
 * the new page twice in quick succession now that every page's code loads
 * on demand, and text typed into the first drawing is lost; a person
 * reading the page never types that fast, but a test does.
 */
export async function waitForSettledPage(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const main = document.querySelector('main') ?? document.body;
        let timer = setTimeout(done, 300);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, 300);
        });
        function done() {
          observer.disconnect();
          resolve();
        }
        observer.observe(main, { childList: true, subtree: true });
      }),
  );
}

/** The header's main menu, in Persian or in English. */
export function mainMenu(page: Page, name: string = 'منوی اصلی'): Locator {
  return page.getByRole('navigation', { name, exact: true });
}

/** The home page's system status card. */
export function statusCard(page: Page, name: string = 'وضعیت سامانه'): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** The `<time>` in the status card, whose `datetime` is the check's instant. */
export function checkedAt(page: Page): Locator {
  return statusCard(page).getByRole('time');
}

/** The `lang` and `dir` of the whole document. */
export async function expectDocumentLanguage(page: Page, lang: 'fa' | 'en'): Promise<void> {
  const html = page.locator('html');
  await expect(html).toHaveAttribute('lang', lang);
  await expect(html).toHaveAttribute('dir', lang === 'fa' ? 'rtl' : 'ltr');
}

/** A second browser with the same device settings as the project. */
export async function freshContext(browser: Browser, testInfo: TestInfo): Promise<BrowserContext> {
  const use = testInfo.project.use;
  return browser.newContext({
    baseURL: use.baseURL,
    viewport: use.viewport,
    isMobile: use.isMobile,
    hasTouch: use.hasTouch,
    deviceScaleFactor: use.deviceScaleFactor,
    userAgent: use.userAgent,
    javaScriptEnabled: use.javaScriptEnabled,
  });
}
