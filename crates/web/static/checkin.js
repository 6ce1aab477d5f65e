// kozos – the QR check-in page (views.rs::check_in renders its frame). Plain JavaScript,
// no build step.
//
// Offline first: the activity's tickets are fetched from `check-in/data` and kept in
// IndexedDB, so a page opened while the network was there keeps working without it. A
// scan is checked at once on this device (the code's check symbol, then the stored
// tickets) and added to a queue in IndexedDB with its own id and time; the queue is sent
// to `check-in/sync` straight away, on the `online` event and every 15 seconds. Only
// scans the server answered are taken off the queue; its answer is final.
(() => {
  'use strict';

  const root = document.getElementById('checkin');
  if (!root) return;

  const ACTIVITY = Number(root.dataset.activity);
  const PAGE = `/admin/activities/${ACTIVITY}/check-in`;
  let csrf = root.dataset.csrf || '';
  const LANG = root.dataset.lang || document.documentElement.lang || 'hu';
  const RETRY_MS = 15000;
  const DATA_TIMEOUT_MS = 8000;
  const BATCH = 500; // the server takes at most 1000 scans at once
  const LOG_MAX = 50;
  // The server's door window (domain::participation::attendance): a scan counts from two
  // hours before the start to two hours after the end. Tickets of activities whose window
  // closed more than two days ago are forgotten on this device.
  const DOOR_MS = 120 * 60 * 1000;
  const KEEP_MS = 2 * 24 * 60 * 60 * 1000;

  const el = {
    connection: document.getElementById('checkin-connection'),
    video: document.getElementById('checkin-video'),
    camera: document.getElementById('checkin-camera'),
    form: document.getElementById('checkin-form'),
    code: document.getElementById('checkin-code'),
    result: document.getElementById('checkin-result'),
    queue: document.getElementById('checkin-queue'),
    log: document.getElementById('checkin-log'),
  };

  // ----- messages, in the page's language -----

  const MESSAGES = {};
  const template = document.getElementById('checkin-messages');
  if (template) {
    for (const span of template.content.querySelectorAll('span[data-key]')) {
      MESSAGES[span.dataset.key] = span.textContent;
    }
  }
  function t(key, vars = {}) {
    const text = MESSAGES[key] || key;
    return text.replace(/\{(name|n)\}/g, (all, k) => (k in vars ? String(vars[k]) : all));
  }

  // ----- ticket codes (crates/domain/src/participation/ticket.rs) -----

  const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  // Check symbols: the alphabet and five more for the values 32–36.
  const CHECK = ALPHABET + '*~$=U';

  /** Upper case (ASCII only, as the server does), O read as 0, I and L as 1. */
  function symbol(c) {
    const u = c >= 'a' && c <= 'z' ? c.toUpperCase() : c;
    if (u === 'O') return '0';
    if (u === 'I' || u === 'L') return '1';
    return u;
  }

  /** `{code}` (17 symbols, upper case) or `{error: 'malformed' | 'forged'}`. */
  function parseTicket(input) {
    const chars = Array.from(String(input)).filter((c) => c !== '-' && !/\p{White_Space}/u.test(c));
    if (chars.length !== 17) return { error: 'malformed' };
    const values = [];
    for (const c of chars.slice(0, 16)) {
      const v = ALPHABET.indexOf(symbol(c));
      if (v < 0) return { error: 'malformed' };
      values.push(v);
    }
    const last = symbol(chars[16]);
    if (last.length !== 1 || !CHECK.includes(last)) return { error: 'malformed' };
    const m = values.reduce((acc, v) => (acc * 32 + v) % 37, 0);
    if (CHECK[m] !== last) return { error: 'forged' };
    return { code: values.map((v) => ALPHABET[v]).join('') + last };
  }

  // ----- IndexedDB: activities, their tickets, the queue of scans -----
  //
  // activities: {id, title, starts_at, ends_at, saved_at}
  // tickets:    {activity_id, token, registration_id, name, status, present}
  // queue:      {client_id, activity_id, token, scanned_at}

  const DB_NAME = 'kozos-checkin';
  let dbPromise = null;

  function openDb() {
    if (dbPromise) return dbPromise;
    dbPromise = new Promise((resolve) => {
      if (!('indexedDB' in window)) return resolve(null);
      let req;
      try {
        req = indexedDB.open(DB_NAME, 1);
      } catch {
        return resolve(null);
      }
      req.onupgradeneeded = () => {
        const db = req.result;
        db.createObjectStore('activities', { keyPath: 'id' });
        const tickets = db.createObjectStore('tickets', { keyPath: ['activity_id', 'token'] });
        tickets.createIndex('activity', 'activity_id');
        const queue = db.createObjectStore('queue', { keyPath: 'client_id' });
        queue.createIndex('activity', 'activity_id');
      };
      req.onsuccess = () => resolve(req.result);
      // Without storage (a browser that refuses it) the page still works while it is open.
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    });
    return dbPromise;
  }

  function done(req) {
    return new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }

  function finished(tx) {
    return new Promise((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  }

  /** Runs `fn(stores)` in one transaction; resolves with its result once committed. */
  async function withStores(names, mode, fn) {
    const db = await openDb();
    if (!db) return undefined;
    const tx = db.transaction(names, mode);
    const stores = Object.fromEntries(names.map((n) => [n, tx.objectStore(n)]));
    const result = await fn(stores);
    await finished(tx);
    return result;
  }

  const store = {
    async load(activityId) {
      return withStores(['activities', 'tickets'], 'readonly', async (s) => ({
        activity: await done(s.activities.get(activityId)),
        tickets: await done(s.tickets.index('activity').getAll(activityId)),
      }));
    },
    /** Replaces what is kept of one activity (and forgets activities long over). */
    async save(activity, tickets) {
      return withStores(['activities', 'tickets'], 'readwrite', async (s) => {
        const now = Date.now();
        for (const a of await done(s.activities.getAll())) {
          if (a.id !== activity.id && Date.parse(a.ends_at) + DOOR_MS + KEEP_MS < now) {
            s.activities.delete(a.id);
            s.tickets.delete(IDBKeyRange.bound([a.id, ''], [a.id, '\uffff']));
          }
        }
        s.tickets.delete(IDBKeyRange.bound([activity.id, ''], [activity.id, '\uffff']));
        s.activities.put({ ...activity, saved_at: new Date(now).toISOString() });
        for (const x of tickets) s.tickets.put(x);
      });
    },
    async putTicket(x) {
      return withStores(['tickets'], 'readwrite', async (s) => {
        s.tickets.put(x);
      });
    },
    async enqueue(scan) {
      return withStores(['queue'], 'readwrite', async (s) => {
        s.queue.put(scan);
      });
    },
    async queued() {
      return withStores(['queue'], 'readonly', async (s) => done(s.queue.getAll()));
    },
    async dequeue(clientIds) {
      return withStores(['queue'], 'readwrite', async (s) => {
        for (const id of clientIds) s.queue.delete(id);
      });
    },
  };

  // Without IndexedDB the same things live in memory for as long as the page is open.
  const memoryQueue = new Map();
  const queue = {
    async add(scan) {
      memoryQueue.set(scan.client_id, scan);
      try {
        await store.enqueue(scan);
      } catch {
        // kept in memory
      }
    },
    async all() {
      let stored;
      try {
        stored = await store.queued();
      } catch {
        stored = undefined;
      }
      const all = new Map(memoryQueue);
      for (const s of stored || []) all.set(s.client_id, s);
      return [...all.values()].sort((a, b) => a.scanned_at.localeCompare(b.scanned_at));
    },
    async remove(clientIds) {
      for (const id of clientIds) memoryQueue.delete(id);
      try {
        await store.dequeue(clientIds);
      } catch {
        // nothing stored
      }
    },
  };

  // ----- the tickets this page knows -----

  let activity = null; // {id, title, starts_at, ends_at}
  const tickets = new Map(); // token → {activity_id, token, registration_id, name, status, present}

  function useTickets(a, list) {
    activity = a;
    tickets.clear();
    for (const x of list) tickets.set(x.token, x);
    root.dataset.tickets = String(tickets.size);
  }

  async function loadStored() {
    try {
      const kept = await store.load(ACTIVITY);
      if (kept && kept.activity) {
        useTickets(kept.activity, kept.tickets);
        root.dataset.source = 'device';
      }
    } catch {
      // nothing kept
    }
  }

  /** Fetches the tickets; scans still waiting here keep their ticket marked present. */
  async function loadFromServer() {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), DATA_TIMEOUT_MS);
    let body;
    try {
      const res = await fetch(`/admin/activities/${ACTIVITY}/check-in/data`, {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
        redirect: 'manual',
        signal: abort.signal,
      });
      if (!res.ok || !(res.headers.get('content-type') || '').includes('application/json')) return false;
      body = await res.json();
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
    const present = new Set(body.present);
    const waiting = new Set((await queue.all()).filter((s) => s.activity_id === ACTIVITY).map((s) => s.token));
    const list = body.tickets.map((x) => ({
      activity_id: ACTIVITY,
      token: x.token,
      registration_id: x.registration_id,
      name: x.name,
      status: x.status,
      present: present.has(x.registration_id) || waiting.has(x.token),
    }));
    useTickets(body.activity, list);
    root.dataset.source = 'network';
    try {
      await store.save(body.activity, list);
    } catch {
      // kept in memory for this page
    }
    return true;
  }

  // ----- what the person at the door sees -----

  const KIND = {
    ok: { mark: '✓', cls: 'ok' },
    queued: { mark: '✓', cls: 'queued' },
    already: { mark: '!', cls: 'already' },
    refused: { mark: '✗', cls: 'refused' },
  };
  const logEntries = new Map(); // client id → li
  let shownClientId = null;

  function show(kind, text, clientId = null) {
    const k = KIND[kind];
    // A new node each time, so the alert is read out even when the text repeats.
    const p = document.createElement('p');
    p.className = `checkin-${k.cls}`;
    const mark = document.createElement('span');
    mark.className = 'mark';
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = k.mark;
    p.append(mark, ' ', text);
    el.result.replaceChildren(p);
    el.result.dataset.state = k.cls;
    shownClientId = clientId;
  }

  function logLine(kind, text, clientId = null) {
    const li = document.createElement('li');
    fillLog(li, kind, text);
    el.log.prepend(li);
    if (clientId) {
      li.dataset.clientId = clientId;
      logEntries.set(clientId, li);
    }
    while (el.log.children.length > LOG_MAX) {
      const last = el.log.lastElementChild;
      if (last.dataset.clientId) logEntries.delete(last.dataset.clientId);
      last.remove();
    }
  }

  function fillLog(li, kind, text) {
    const k = KIND[kind];
    li.className = `checkin-${k.cls}`;
    const time = document.createElement('time');
    const now = new Date();
    time.dateTime = now.toISOString();
    time.textContent = now.toLocaleTimeString(LANG === 'en' ? 'en-GB' : 'hu-HU', { timeZone: 'Europe/Budapest' });
    const mark = document.createElement('span');
    mark.className = 'mark';
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = k.mark;
    li.replaceChildren(time, ' ', mark, ' ', text);
  }

  /** Updates a scan's log line (and the result, if it is still the one shown). */
  function update(clientId, kind, text) {
    const li = logEntries.get(clientId);
    if (li) fillLog(li, kind, text);
    if (shownClientId === clientId) show(kind, text, clientId);
  }

  let online = navigator.onLine;
  let syncFailed = false;
  let everQueued = false;

  function showConnection() {
    el.connection.textContent = t(online ? 'checkin-online' : 'checkin-offline');
    el.connection.dataset.state = online ? 'online' : 'offline';
    root.dataset.online = String(online);
  }

  async function showQueue() {
    const n = (await queue.all()).length;
    root.dataset.queued = String(n);
    let text = '';
    if (n > 0) {
      text = t('checkin-pending', { n });
      if (syncFailed && online) text += ` ${t('checkin-sync-failed')}`;
    } else if (everQueued) {
      text = t('checkin-synced');
    }
    if (el.queue.textContent !== text) el.queue.textContent = text;
    el.queue.dataset.state = n > 0 ? 'pending' : 'empty';
  }

  // ----- a scan -----

  function refusalKey(reason) {
    return `checkin-${String(reason).replace(/_/g, '-')}`;
  }

  /** What this device can tell about a ticket without the network. */
  function localVerdict(x, at) {
    if (!x) return tickets.size > 0 || activity ? 'unknown' : null;
    if (x.status === 'cancelled') return 'cancelled';
    if (x.status === 'waiting') return 'waiting';
    if (activity) {
      if (at < Date.parse(activity.starts_at) - DOOR_MS) return 'too_early';
      if (at > Date.parse(activity.ends_at) + DOOR_MS) return 'expired';
    }
    return null;
  }

  const storedLoaded = loadStored();

  async function handleCode(raw) {
    const parsed = parseTicket(raw);
    if (parsed.error) {
      // Certain on any device: nothing to send.
      const text = t(refusalKey(parsed.error));
      show('refused', text);
      logLine('refused', text);
      return;
    }
    await storedLoaded;
    const code = parsed.code;
    const x = tickets.get(code);
    if (x && x.present) {
      const text = t('checkin-already', { name: x.name });
      show('already', text);
      logLine('already', text);
      return;
    }
    const scan = {
      client_id: newId(),
      activity_id: ACTIVITY,
      token: code,
      scanned_at: new Date().toISOString(),
    };
    // The server decides in the end; what this device knows is shown at once. A ticket
    // refused here is still sent: the tickets kept here may be older than the server's.
    const verdict = localVerdict(x, Date.now());
    let kind;
    let text;
    if (verdict) {
      kind = 'refused';
      text = t(refusalKey(verdict));
    } else if (x) {
      x.present = true;
      store.putTicket(x).catch(() => {});
      kind = online ? 'ok' : 'queued';
      text = t(online ? 'checkin-ok' : 'checkin-queued', { name: x.name });
    } else {
      // No tickets kept yet (never loaded): the server will tell.
      kind = 'queued';
      text = t('checkin-queued', { name: display(code) });
    }
    await queue.add(scan);
    everQueued = true;
    show(kind, text, scan.client_id);
    logLine(kind, text, scan.client_id);
    await showQueue();
    sync();
  }

  /** `ABCD-EFGH-JKMN-PQRS-T`, as printed on the ticket. */
  function display(code) {
    return code.replace(/(.{4})(?=.)/g, '$1-');
  }

  function newId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(b, (v) => v.toString(16).padStart(2, '0')).join('');
  }

  // ----- sending the queue -----

  let syncing = null;

  function sync() {
    if (!syncing) {
      syncing = syncAll().finally(() => {
        syncing = null;
      });
    }
    return syncing;
  }

  async function syncAll() {
    // Scans made while a batch was on its way go in the next round.
    for (let round = 0; round < 20; round++) {
      const pending = await queue.all();
      if (pending.length === 0 || !navigator.onLine) break;
      let sent = 0;
      const byActivity = new Map();
      for (const s of pending) {
        if (!byActivity.has(s.activity_id)) byActivity.set(s.activity_id, []);
        byActivity.get(s.activity_id).push(s);
      }
      for (const [activityId, scans] of byActivity) {
        for (let i = 0; i < scans.length; i += BATCH) {
          const ok = await send(activityId, scans.slice(i, i + BATCH));
          if (!ok) {
            await showQueue();
            return;
          }
          sent += 1;
        }
      }
      if (sent === 0) break;
    }
    await showQueue();
  }

  function post(activityId, scans) {
    // Scans kept from another activity's page go to that activity's address.
    return fetch(`/admin/activities/${activityId}/check-in/sync`, {
      method: 'POST',
      credentials: 'same-origin',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'X-CSRF-Token': csrf,
      },
      body: JSON.stringify({
        scans: scans.map((s) => ({
          activity_id: s.activity_id,
          token: s.token,
          scanned_at: s.scanned_at,
          client_id: s.client_id,
        })),
      }),
    });
  }

  /**
   * The CSRF token is bound to the session: after signing in again (in another tab, say)
   * the one this page was rendered with is stale. The page itself carries the new one.
   */
  async function renewCsrf() {
    try {
      const res = await fetch(PAGE, { credentials: 'same-origin', redirect: 'manual' });
      if (!res.ok) return false;
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      const fresh = doc.getElementById('checkin')?.dataset.csrf;
      if (!fresh || fresh === csrf) return false;
      csrf = fresh;
      return true;
    } catch {
      return false;
    }
  }

  const isJson = (res) => res.ok && (res.headers.get('content-type') || '').includes('application/json');

  /** One batch; false when it did not get through (it stays queued). */
  async function send(activityId, scans) {
    let body;
    try {
      let res = await post(activityId, scans);
      if (res.status === 403 && (await renewCsrf())) res = await post(activityId, scans);
      if (!isJson(res)) {
        // Signed out, refused or a server error: keep the scans, say so, try later.
        setOnline(true);
        syncFailed = true;
        return false;
      }
      body = await res.json();
    } catch {
      // No network after all: what was shown as done waits on this device.
      setOnline(false);
      for (const s of scans) {
        const x = s.activity_id === ACTIVITY ? tickets.get(s.token) : null;
        if (x && logEntries.get(s.client_id)?.classList.contains('checkin-ok')) {
          update(s.client_id, 'queued', t('checkin-queued', { name: x.name }));
        }
      }
      return false;
    }
    setOnline(true);
    syncFailed = false;
    const answered = [];
    const results = Array.isArray(body.results) ? body.results : [];
    results.forEach((r, i) => {
      const scan = scans.find((s) => s.client_id === r.client_id) || scans[i];
      if (!scan || !['checked_in', 'already_checked_in', 'refused'].includes(r.status)) return;
      answered.push(scan.client_id);
      settle(scan, r);
    });
    await queue.remove(answered);
    return true;
  }

  /** The server's answer to one scan, shown on its log line and kept in the tickets. */
  function settle(scan, r) {
    const x = scan.activity_id === ACTIVITY ? tickets.get(scan.token) : null;
    const name = (r.attendance && r.attendance.name) || (x && x.name) || scan.token;
    let kind;
    let text;
    if (r.status === 'checked_in') {
      kind = 'ok';
      text = t('checkin-ok', { name });
    } else if (r.status === 'already_checked_in') {
      kind = 'already';
      text = t('checkin-already', { name });
    } else {
      kind = 'refused';
      text = r.message || t(refusalKey(r.reason));
      if (x && r.reason !== 'too_early' && r.reason !== 'expired' && r.reason !== 'future_scan') {
        // The server knows this ticket better than the copy kept here.
        if (r.reason === 'cancelled' || r.reason === 'waiting') x.status = r.reason;
      }
    }
    if (x) {
      const present = r.status !== 'refused';
      if (x.present !== present || (r.attendance && x.name !== name)) {
        x.present = present;
        x.name = name;
        store.putTicket(x).catch(() => {});
      }
    }
    // The same scan sent twice (an answer lost on the way) comes back as "already", with
    // the attendance it recorded: still this device's check-in.
    if (kind === 'already' && r.attendance && sameSecond(r.attendance.scanned_at, scan.scanned_at)) {
      kind = 'ok';
      text = t('checkin-ok', { name });
    }
    update(scan.client_id, kind, text);
  }

  function sameSecond(a, b) {
    return Math.abs(Date.parse(a) - Date.parse(b)) < 1000;
  }

  function setOnline(value) {
    if (online !== value) {
      online = value;
      showConnection();
    }
  }

  // ----- typed codes (and keyboard-like barcode readers) -----

  el.form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const raw = el.code.value;
    el.code.value = '';
    el.code.focus();
    if (raw.trim() === '') return;
    await handleCode(raw);
    el.code.focus();
  });

  // ----- the camera -----

  const decoder = { detect: null };
  let stream = null;
  let lastRead = { value: '', at: 0 };

  async function makeDetector() {
    if ('BarcodeDetector' in window) {
      try {
        const formats = (await window.BarcodeDetector.getSupportedFormats?.()) || ['qr_code'];
        if (formats.includes('qr_code')) {
          const d = new window.BarcodeDetector({ formats: ['qr_code'] });
          root.dataset.decoder = 'native';
          return async (video) => {
            const found = await d.detect(video);
            return found.length ? found[0].rawValue : null;
          };
        }
      } catch {
        // fall back on the bundled decoder
      }
    }
    await loadScript('/static/vendor/jsQR.js');
    if (typeof window.jsQR !== 'function') throw new Error('no QR decoder');
    root.dataset.decoder = 'jsqr';
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    return async (video) => {
      const w = video.videoWidth;
      const h = video.videoHeight;
      if (!w || !h) return null;
      const scale = Math.min(1, 640 / Math.max(w, h));
      canvas.width = Math.round(w * scale);
      canvas.height = Math.round(h * scale);
      ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
      const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const found = window.jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' });
      return found ? found.data : null;
    };
  }

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      if (document.querySelector(`script[src="${src}"]`)) return resolve();
      const s = document.createElement('script');
      s.src = src;
      s.async = true;
      s.onload = () => resolve();
      s.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(s);
    });
  }

  async function startCamera() {
    try {
      if (!decoder.detect) decoder.detect = await makeDetector();
      stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: 'environment' } },
        audio: false,
      });
      el.video.srcObject = stream;
      el.video.hidden = false;
      await el.video.play();
      el.camera.setAttribute('aria-pressed', 'true');
      scanFrames();
    } catch {
      stopCamera();
      const text = t('checkin-no-camera');
      show('refused', text);
      el.code.focus();
    }
  }

  function stopCamera() {
    if (stream) for (const track of stream.getTracks()) track.stop();
    stream = null;
    el.video.srcObject = null;
    el.video.hidden = true;
    el.camera.setAttribute('aria-pressed', 'false');
  }

  async function scanFrames() {
    while (stream) {
      let value = null;
      try {
        if (el.video.readyState >= 2) value = await decoder.detect(el.video);
      } catch {
        value = null;
      }
      // The same code held in front of the camera counts once (again after 3 s).
      if (value && (value !== lastRead.value || Date.now() - lastRead.at > 3000)) {
        lastRead = { value, at: Date.now() };
        const typing = document.activeElement === el.code;
        await handleCode(value);
        if (typing) el.code.focus();
      } else if (value) {
        lastRead.at = Date.now();
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    el.camera.hidden = false;
    el.camera.setAttribute('aria-pressed', 'false');
    el.camera.setAttribute('aria-controls', 'checkin-video');
    el.camera.addEventListener('click', () => (stream ? stopCamera() : startCamera()));
  }

  // ----- start -----

  window.addEventListener('online', () => {
    setOnline(true);
    sync().then(refresh).then(keepForOffline);
  });
  window.addEventListener('offline', () => setOnline(false));

  let ticks = 0;
  setInterval(() => {
    ticks += 1;
    if (!navigator.onLine) return;
    sync();
    // New registrations and other devices' check-ins reach this page about once a minute.
    if (ticks % 4 === 0) refresh();
    keepForOffline();
  }, RETRY_MS);

  async function refresh() {
    if (await loadFromServer()) setOnline(true);
    root.dataset.ready = 'true';
  }

  // ----- reopening offline -----

  /**
   * The service worker serves this page and its files from a cache when the network is
   * gone. The page was loaded before the worker could see it, so it is stored here once.
   */
  let keeping = null;
  function keepForOffline() {
    // One attempt at a time; a failed one (the network dropped halfway) is tried again
    // when the network is back, from the 'online' handler and the retry timer.
    if (root.dataset.offlineReady === 'true' || !navigator.onLine) return Promise.resolve();
    keeping ??= storeForOffline().finally(() => {
      keeping = null;
    });
    return keeping;
  }

  async function storeForOffline() {
    if (!('serviceWorker' in navigator) || !window.isSecureContext || !('caches' in window)) return;
    try {
      await navigator.serviceWorker.register('/static/checkin-sw.js', { scope: '/admin/activities/' });
      await navigator.serviceWorker.ready;
      const cache = await caches.open('kozos-checkin-v1');
      // Whatever the cache lacks is fetched now. A worker that took over this page
      // (clients.claim) did not see it load, so "controlled" does not mean "kept". The
      // decoder is loaded only when the camera is turned on, so it is fetched here too.
      const files = [PAGE, '/static/checkin.js', '/static/style.css'];
      if (!('BarcodeDetector' in window)) files.push('/static/vendor/jsQR.js');
      for (const url of files) {
        if (await cache.match(url)) continue;
        const res = await fetch(url, { credentials: 'same-origin', redirect: 'manual' });
        if (res.ok && res.type === 'basic') await cache.put(url, res);
      }
      root.dataset.offlineReady = 'true';
    } catch {
      // without it the page still works for as long as it stays open
    }
  }

  window.addEventListener('pagehide', stopCamera);

  showConnection();
  (async () => {
    await storedLoaded;
    if (tickets.size > 0 || activity) root.dataset.ready = 'true';
    await showQueue();
    await sync();
    await refresh();
    await showQueue();
    await keepForOffline();
  })();
  el.code.focus();
})();
