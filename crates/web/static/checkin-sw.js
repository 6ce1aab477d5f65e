// kozos – the QR check-in page's service worker: it lets a check-in page that was opened
// once open again without the network (a phone at the door reloads tabs it had put to
// sleep). Network first, always: the cached copy is used only when the network fails.
// What it keeps: the check-in pages and the files they load. The tickets and the queue of
// scans are not here: the page keeps those in IndexedDB (static/checkin.js).
//
// Served at /static/checkin-sw.js with `Service-Worker-Allowed: /admin/activities/`, and
// registered for that scope by checkin.js.

const CACHE = 'kozos-checkin-v1';
const PAGE = /^\/admin\/activities\/\d+\/check-in$/;
const FILES = new Set(['/static/checkin.js', '/static/style.css', '/static/vendor/jsQR.js']);

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('kozos-checkin-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  const page = PAGE.test(url.pathname) && url.search === '';
  if (!page && !FILES.has(url.pathname)) return; // everything else: the browser as usual
  event.respondWith(networkFirst(req, url.pathname));
});

async function networkFirst(req, key) {
  const cache = await caches.open(CACHE);
  let res;
  try {
    res = await fetch(req);
  } catch (err) {
    const kept = await cache.match(key);
    if (kept) return kept;
    throw err;
  }
  if (res.ok && res.type === 'basic' && !res.redirected) {
    await cache.put(key, res.clone());
  } else if (res.type === 'opaqueredirect' || res.redirected || res.status === 401 || res.status === 403) {
    // Signed out, or no longer allowed: this device forgets the page.
    await cache.delete(key);
  }
  return res;
}
