// Service worker for Mizekhedmat (میز خدمت).
//
// It keeps the application shell on the phone so a page that cannot reach
// the server shows a clear Persian "offline" page instead of the browser's
// error, and so the client code and font are not downloaded again on a
// second visit over a slow mobile network. It never stores server answers
// (server functions, health, language choice): those must always be fresh.
//
// The server fills in the build and its client files when it serves this
// script (server/src/http/service_worker.rs). Each build has its own cache:
// chunks of two builds never mix, and a new build's worker replaces the old
// cache in one step when it activates.

const BUILD = '__MIZEKHEDMAT_BUILD__';
const CACHE_PREFIX = 'mizekhedmat-';
const CACHE = CACHE_PREFIX + BUILD;
const OFFLINE_PAGE = '/offline.html';
// Every page's response names the build that rendered it.
const BUILD_HEADER = 'x-mizekhedmat-build';

// The entry files of this build; each page's chunks are stored the first
// time a page of this build loads them (cacheFirstFile).
const CLIENT_FILES = [/* __MIZEKHEDMAT_CLIENT_FILES__ */];

const SHELL = [
  OFFLINE_PAGE,
  '/fonts/vazirmatn.woff2',
  '/icons/icon-192.png',
  '/icons/logo.svg',
  '/manifest.webmanifest',
  ...CLIENT_FILES,
];

// Paths the worker must leave alone: server functions, health checks and the
// language switch answer differently each time (or set cookies).
const NEVER_HANDLED = ['/api/', '/healthz', '/lang/'];

// The client code keeps its file names across releases and must match the
// build that rendered the page: from this worker's cache when the page is of
// this worker's build, else from the network.
const CLIENT_PREFIX = '/pkg/';

// The build of each open page, by client id, learnt from its response. A
// worker restarted since the page opened has forgotten it, and then the
// network decides, as for a page of another build.
const pageBuilds = new Map();

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
    event.respondWith(networkFirstPage(event));
    return;
  }

  if (url.pathname.startsWith(CLIENT_PREFIX)) {
    const sameBuild = pageBuilds.get(event.clientId) === BUILD;
    event.respondWith(sameBuild ? cacheFirstFile(request) : networkOnlyFile(request));
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
async function networkFirstPage(event) {
  try {
    const response = await fetch(event.request);
    const build = response.headers.get(BUILD_HEADER);
    if (build && event.resultingClientId) {
      pageBuilds.set(event.resultingClientId, build);
    }
    return response;
  } catch (error) {
    const offline = await caches.match(OFFLINE_PAGE, { cacheName: CACHE });
    if (offline) return offline;
    // Nothing stored yet (first visit failed mid-install): let the browser
    // show its own error rather than an empty page.
    return Response.error();
  }
}

// A file of this worker's build for a page of the same build: the stored
// copy, or the network's, stored for next time.
async function cacheFirstFile(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.status === 200 && response.type === 'basic') {
    await cache.put(request, response.clone());
  }
  return response;
}

// A client file for a page of another build, or of one the worker has
// forgotten: the network's copy, never stored, since it may belong to a
// build other than this cache's (a tab opened before a release beside one
// opened after it); the stored copy only when the network is gone.
async function networkOnlyFile(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await caches.match(request, { cacheName: CACHE });
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
