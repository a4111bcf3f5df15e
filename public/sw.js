// Service worker for Mizekhedmat (میز خدمت).
//
// It keeps the application shell on the phone so a page that cannot reach
// the server shows a clear Persian "offline" page instead of the browser's
// error, and so the client code and font do not have to be downloaded again
// on every visit over a slow mobile network. It never stores server answers
// (server functions, health, language choice): those must always be fresh.

// Bump the version whenever any file in SHELL changes (or its URL does), so
// phones drop the old copies on the next activation.
const CACHE = 'mizekhedmat-shell-v1';
const CACHE_PREFIX = 'mizekhedmat-';
const OFFLINE_PAGE = '/offline.html';

const SHELL = [
  OFFLINE_PAGE,
  '/pkg/mizekhedmat.css',
  '/pkg/mizekhedmat.js',
  '/pkg/mizekhedmat.wasm',
  '/fonts/vazirmatn.woff2',
  '/icons/icon-192.png',
  '/icons/logo.svg',
  '/manifest.webmanifest',
];

// Paths the worker must leave alone: server functions, health checks and the
// language switch answer differently each time (or set cookies).
const NEVER_HANDLED = ['/api/', '/healthz', '/lang/'];

// The client code keeps its file names across releases and must match the
// HTML the server renders, so it comes from the network while there is one
// (an unchanged file is a cheap 304) and from the cache only when offline.
const CLIENT_PREFIX = '/pkg/';

// Files that rarely change: served from the cache first, refreshed behind.
const STATIC_PREFIXES = ['/fonts/', '/icons/'];
const STATIC_FILES = ['/manifest.webmanifest'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // One by one rather than cache.addAll: addAll fails the whole install
      // if a single file is missing, and in development the shell's files
      // may not all exist. A missing file only means it is not offline.
      await Promise.all(
        SHELL.map((url) =>
          cache.add(new Request(url, { cache: 'reload' })).catch(() => undefined),
        ),
      );
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Only our own old versions: other caches on this origin are not ours.
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
          .map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  // Form posts and server function calls must reach the server or fail
  // visibly; the worker never answers them.
  if (request.method !== 'GET') return;

  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (NEVER_HANDLED.some((prefix) => url.pathname.startsWith(prefix))) return;

  if (request.mode === 'navigate') {
    event.respondWith(networkFirstPage(request));
    return;
  }

  if (url.pathname.startsWith(CLIENT_PREFIX)) {
    event.respondWith(networkFirstFile(request));
    return;
  }

  if (isStatic(url.pathname)) {
    event.respondWith(staleWhileRevalidate(event, request));
  }
  // Anything else goes to the network as if there were no worker.
});

function isStatic(pathname) {
  return (
    STATIC_FILES.includes(pathname) ||
    STATIC_PREFIXES.some((prefix) => pathname.startsWith(prefix))
  );
}

// Pages are rendered on the server with the visitor's data and language, so
// they are never cached; only when the network fails does the stored offline
// page stand in for them.
async function networkFirstPage(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const offline = await caches.match(OFFLINE_PAGE, { cacheName: CACHE });
    if (offline) return offline;
    // Nothing stored yet (first visit failed mid-install): let the browser
    // show its own error rather than an empty page.
    return Response.error();
  }
}

// The newest copy when the network answers, stored for offline use; the
// stored copy when it does not.
async function networkFirstFile(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.status === 200 && response.type === 'basic') {
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await cache.match(request);
    return cached || Response.error();
  }
}

// Answers at once from the cache when it can (fast on a slow network) and
// refreshes the stored copy for the next visit.
async function staleWhileRevalidate(event, request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);

  const refresh = fetch(request)
    .then((response) => {
      // Only complete, same-origin successes: a 404 or a partial answer
      // must not replace a good copy.
      if (response.ok && response.status === 200 && response.type === 'basic') {
        return cache.put(request, response.clone()).then(() => response);
      }
      return response;
    });

  if (cached) {
    // Keep the worker alive until the background refresh is stored; a
    // failed refresh (offline) is expected and harmless.
    event.waitUntil(refresh.catch(() => undefined));
    return cached;
  }
  return refresh;
}
