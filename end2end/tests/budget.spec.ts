import * as fs from 'node:fs';
import * as path from 'node:path';

import { expect, test, type Page } from '@playwright/test';

import { isPhone, jsEnabled, waitForHydration } from './helpers';

/**
 * The bytes a phone may download on its first visit to each public page,
 * from `budget.json`. The build fails when a page goes over: a regression in
 * size is a regression for an applicant on a slow mobile network.
 */
interface PageBudget {
  path: string;
  /** WebAssembly over the wire (brotli), in KB. */
  wasm_kb: number;
  /** Everything over the wire for the first visit, in KB. */
  total_kb: number;
}

const budgets: PageBudget[] = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'budget.json'), 'utf8'),
).pages;

interface Transfer {
  wasm: number;
  total: number;
  requests: number;
}

/** Loads the page in a fresh context and adds up every response's bytes on the wire. */
async function firstVisit(page: Page, url: string): Promise<Transfer> {
  const transfer: Transfer = { wasm: 0, total: 0, requests: 0 };
  const pending: Promise<void>[] = [];
  page.on('requestfinished', (request) => {
    pending.push(
      request.sizes().then(async (sizes) => {
        const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
        transfer.total += bytes;
        transfer.requests += 1;
        if (new URL(request.url()).pathname.endsWith('.wasm')) transfer.wasm += bytes;
      }),
    );
  });
  await page.goto(url);
  await waitForHydration(page);
  // Chunks and resources the hydrated page asks for right after count too.
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  return transfer;
}

for (const budget of budgets) {
  test(`a phone's first visit to ${budget.path} stays within its budget`, async ({ page }, testInfo) => {
    test.skip(!jsEnabled(testInfo) || !isPhone(testInfo), 'measured once, on a phone with JavaScript');
    const transfer = await firstVisit(page, budget.path);
    const kb = (bytes: number) => Math.round(bytes / 1024);
    const line = `${budget.path}: WASM ${kb(transfer.wasm)} KB (budget ${budget.wasm_kb}), all ${kb(transfer.total)} KB (budget ${budget.total_kb}) in ${transfer.requests} requests`;
    console.log(line);
    await testInfo.attach('transfer', { body: line });
    expect(kb(transfer.wasm), `WASM bytes of ${budget.path}`).toBeLessThanOrEqual(budget.wasm_kb);
    expect(kb(transfer.total), `all bytes of ${budget.path}`).toBeLessThanOrEqual(budget.total_kb);
  });
}
