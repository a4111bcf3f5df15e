import { expect, test } from '@playwright/test';

// These talk to the server directly, as a load balancer, a crawler or a
// browser's network stack would; they do not depend on the project's browser.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NONCE = /'nonce-([A-Za-z0-9+/_=-]+)'/;

/** WebAssembly modules start with `\0asm`. */
const WASM_MAGIC = Buffer.from([0x00, 0x61, 0x73, 0x6d]);

test('the health check answers that the server and its database are fine', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
});

test('pages come with a strict content security policy and the other security headers', async ({ request }) => {
  const response = await request.get('/');
  expect(response.status()).toBe(200);
  const headers = response.headers();

  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(csp).toContain("'wasm-unsafe-eval'");
  expect(csp).not.toContain("'unsafe-inline'");
  expect(csp).not.toContain("'unsafe-eval'");

  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBeTruthy();
  expect(headers['x-request-id']).toMatch(UUID);
  // Plain http: telling the browser to insist on https here would lock it out.
  expect(headers['strict-transport-security']).toBeUndefined();
});

test('every page gets its own script nonce, and every script in it carries that nonce', async ({ request }) => {
  const first = await request.get('/');
  const second = await request.get('/');
  const nonceOf = (csp: string | undefined) => NONCE.exec(csp ?? '')?.[1];
  const nonce = nonceOf(first.headers()['content-security-policy']);
  expect(nonce, 'the policy names a nonce').toBeTruthy();
  expect(nonceOf(second.headers()['content-security-policy'])).not.toBe(nonce);
  expect(second.headers()['x-request-id']).not.toBe(first.headers()['x-request-id']);

  // Scripts the browser would run (no type, a module or JavaScript, with code
  // in them) must carry the nonce, or the policy blocks them and the page
  // never hydrates. An empty placeholder element has nothing to run.
  const html = await first.text();
  const scripts = [...html.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/gi)]
    .filter(([, , body]) => body.trim() !== '')
    .map(([, tag]) => tag)
    .filter((tag) => {
      const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1]?.toLowerCase();
      return type === undefined || type === 'module' || type.includes('javascript');
    });
  expect(scripts.length, 'the page loads its client with a script').toBeGreaterThan(0);
  for (const tag of scripts) {
    expect(tag, 'script carries the nonce of its page').toContain(`nonce="${nonce}"`);
  }
});

test('the WebAssembly client is sent precompressed with brotli', async ({ request }) => {
  const response = await request.get('/pkg/mizekhedmat.wasm', { headers: { 'Accept-Encoding': 'br' } });
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers['content-encoding']).toBe('br');
  expect(headers['content-type']).toBe('application/wasm');
  // A file written ahead of time has a known length; compression on the fly
  // would have to stream it in chunks instead.
  expect(headers['content-length'], 'the precompressed file is sent with its length').toBeTruthy();
  // Playwright decodes the body: what arrives is the module itself.
  expect((await response.body()).subarray(0, 4)).toEqual(WASM_MAGIC);
});

test('the JavaScript glue is sent precompressed with gzip to a client without brotli', async ({ request }) => {
  const response = await request.get('/pkg/mizekhedmat.js', { headers: { 'Accept-Encoding': 'gzip' } });
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers['content-encoding']).toBe('gzip');
  expect(headers['content-type']).toMatch(/javascript/);
  expect(headers['content-length'], 'the precompressed file is sent with its length').toBeTruthy();
  expect((await response.text()).length).toBeGreaterThan(0);
});

test('a client that accepts no compression gets the plain file', async ({ request }) => {
  const response = await request.get('/pkg/mizekhedmat.wasm', { headers: { 'Accept-Encoding': 'identity' } });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-encoding']).toBeUndefined();
  expect((await response.body()).subarray(0, 4)).toEqual(WASM_MAGIC);
});

test('a missing static file answers 404', async ({ request }) => {
  const response = await request.get('/pkg/missing.js');
  expect(response.status()).toBe(404);
});

test('an unknown page answers 404 to a crawler too', async ({ request }) => {
  const response = await request.get('/no-such-page');
  expect(response.status()).toBe(404);
  expect(await response.text()).toContain('صفحه پیدا نشد');
});

test('the language switch sets a lasting cookie and never sends the visitor to another site', async ({
  request,
}) => {
  const switched = await request.get('/lang/en?next=/cartable', { maxRedirects: 0 });
  expect(switched.status()).toBeGreaterThanOrEqual(300);
  expect(switched.status()).toBeLessThan(400);
  expect(switched.headers()['location']).toBe('/cartable');
  expect(switched.headers()['set-cookie']).toMatch(/^lang=en;/);

  for (const next of ['//example.com/', 'https://example.com/', '/\\example.com']) {
    const response = await request.get(`/lang/fa?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
    expect(response.headers()['location'], `next=${next} stays on the site`).toBe('/');
  }
});
