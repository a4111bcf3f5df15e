import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';

// Tests run against a server that is already up when E2E_BASE_URL is set
// (CI, or a developer's own `cargo leptos serve`); otherwise Playwright starts
// the release binary itself, in demo mode, on a database of its own.
const externalServer = process.env.E2E_BASE_URL;
const baseURL = externalServer ?? 'http://127.0.0.1:3300';

// Browsers come from Debian (`apt-get install chromium`): Playwright's own
// browser downloads cannot be reached from this project's machines.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

const desktop = { viewport: { width: 1280, height: 800 } };
const phone = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

function webServer(): PlaywrightTestConfig['webServer'] {
  if (externalServer) return undefined;
  // A fresh data folder per run: the demo data is seeded into an empty
  // database, so every run starts from the same state. Worker processes load
  // this file again; they inherit the variable and make no folder of their own.
  const dataDir = (process.env.E2E_SERVER_DATA_DIR ??= fs.mkdtempSync(
    path.join(os.tmpdir(), 'mizekhedmat-e2e-'),
  ));
  return {
    // `cwd` is resolved from this folder, so the server runs in the workspace
    // root (where `target/site` is) and the command is relative to that root.
    command: './target/release/mizekhedmat',
    cwd: '..',
    url: 'http://127.0.0.1:3300/healthz',
    reuseExistingServer: false,
    timeout: 120_000,
    // Let the server finish its requests and close the database on the way out.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    stdout: 'pipe',
    env: {
      LEPTOS_SITE_ADDR: '127.0.0.1:3300',
      LEPTOS_SITE_ROOT: 'target/site',
      LEPTOS_OUTPUT_NAME: 'mizekhedmat',
      LEPTOS_SITE_PKG_DIR: 'pkg',
      LEPTOS_ENV: 'PROD',
      MIZEKHEDMAT_MODE: 'demo',
      MIZEKHEDMAT_DATA_DIR: dataDir,
      RUST_LOG: 'warn',
    },
  };
}

export default defineConfig({
  testDir: './tests',
  // The machine has two cores: one browser at a time, beside the server.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    launchOptions,
  },
  projects: [
    { name: 'desktop-js', use: { ...desktop } },
    { name: 'desktop-nojs', use: { ...desktop, javaScriptEnabled: false } },
    { name: 'phone-js', use: { ...phone } },
    { name: 'phone-nojs', use: { ...phone, javaScriptEnabled: false } },
  ],
  webServer: webServer(),
});
