import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { chromium, expect, test, type Page } from '@playwright/test';

import { jsEnabled, waitForHydration } from './helpers';

interface ManifestIcon {
  src: string;
  sizes?: string;
  type?: string;
  purpose?: string;
}

interface Manifest {
  name?: string;
  short_name?: string;
  lang?: string;
  dir?: string;
  display?: string;
  theme_color?: string;
  start_url?: string;
  icons?: ManifestIcon[];
}

/**
 * Polls until the page's service worker is active. `navigator.serviceWorker.ready`
 * never settles when registration fails, so each poll gives it a second.
 */
async function expectServiceWorkerActive(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          Promise.race([
            navigator.serviceWorker.ready.then((registration) => registration.active !== null),
            new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1_000)),
          ]),
        ),
      { message: 'the service worker becomes active', timeout: 15_000 },
    )
    .toBe(true);
}

test('every page links the web app manifest', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('head link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
});

test('the manifest describes an installable Persian app with its icons', async ({ request }) => {
  const response = await request.get('/manifest.webmanifest');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('json');
  const manifest = (await response.json()) as Manifest;
  expect(manifest).toMatchObject({
    name: 'میز خدمت الکترونیکی',
    short_name: 'میز خدمت',
    lang: 'fa',
    dir: 'rtl',
    display: 'standalone',
    start_url: '/',
  });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{3,8}$/i);

  const icons = manifest.icons ?? [];
  const sizes = icons.flatMap((icon) => (icon.sizes ?? '').split(/\s+/));
  expect(sizes).toContain('192x192');
  expect(sizes).toContain('512x512');
  expect(icons.some((icon) => (icon.purpose ?? '').split(/\s+/).includes('maskable'))).toBe(true);

  // Every icon the manifest names is really there, as an image.
  for (const icon of icons) {
    const image = await request.get(new URL(icon.src, response.url()).toString());
    expect(image.status(), `${icon.src} is served`).toBe(200);
    expect(image.headers()['content-type'], `${icon.src} is an image`).toMatch(/^image\//);
  }
});

test('the service worker registers and becomes active', async ({ page, baseURL }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'the client registers the service worker, which needs JavaScript');
  await page.goto('/');
  await waitForHydration(page);
  await expectServiceWorkerActive(page);
  const registration = await page.evaluate(async () => {
    const r = await navigator.serviceWorker.ready;
    return { scope: r.scope, script: r.active?.scriptURL ?? '' };
  });
  expect(registration.scope).toBe(new URL('/', baseURL).toString());
  expect(new URL(registration.script).pathname).toBe('/sw.js');
});

test('Chromium finds nothing in the way of installing the app', async ({ baseURL }, testInfo) => {
  test.skip(
    testInfo.project.name !== 'desktop-js',
    'installability is a property of the site, checked once in a persistent desktop profile',
  );
  // Playwright's usual contexts are incognito, where Chromium always reports
  // `in-incognito`: a real (temporary) profile gives the honest answer.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mizekhedmat-e2e-profile-'));
  const launch = testInfo.project.use.launchOptions ?? {};
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: launch.executablePath,
    args: launch.args,
    headless: true,
    baseURL,
    viewport: testInfo.project.use.viewport ?? { width: 1280, height: 800 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await waitForHydration(page);
    await expectServiceWorkerActive(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('offline, a page not yet visited shows the offline page', async ({ page, context }, testInfo) => {
  test.skip(!jsEnabled(testInfo), 'the service worker is registered by the client, which needs JavaScript');
  await page.goto('/');
  await waitForHydration(page);
  await expectServiceWorkerActive(page);

  await context.setOffline(true);
  try {
    await page.goto('/cartable?offline-check');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('اتصال به اینترنت برقرار نیست');
  } finally {
    await context.setOffline(false);
  }
});
