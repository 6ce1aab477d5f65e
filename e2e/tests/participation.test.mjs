// Browser tests for registration, tickets and check-in at the door: a resident (not
// signed in) registers for an upcoming Kisbér activity and gets a ticket with a QR code;
// a project manager plans an activity that starts within the hour, a resident registers
// for it, and a volunteer checks them in on the QR check-in page while the phone is
// offline (a forged code refused at once, the name shown at once, a second scan "already
// in"), then back online the queue empties and the attendance list shows them present
// exactly once. axe finds no serious or critical violation on the activity page, the
// ticket, the attendance list and the check-in page, in Hungarian and English, at desktop
// and phone width. Screenshots go to e2e/test-results/.
//
// It shares the demo database with the other test files: it adds one activity of its own
// to the Kisbér programme and registrations with fresh e-mail addresses.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import {
  ACCOUNTS,
  BASE,
  DEMO_PASSWORD,
  accessible,
  findProgramme,
  launchBrowser,
  newPage,
  noSidewaysScroll,
  open,
  registerAsGuest,
  screenshot,
  signIn,
  submitForResponse,
  textOf,
} from './support.mjs';

const KISBER_CODE = 'TOP-5.3.1-16-KO1-2017-00005';
const VOLUNTEER = { email: 'onkentes@demo.kozos.hu', password: DEMO_PASSWORD, name: 'Önkéntes Ödön' };
const PHONE = { width: 375, height: 740 };
const CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z*~$=U]$/;
// A run of its own, so the names and addresses of one run never meet another's.
const RUN = Date.now().toString(36);

let browser;
let kisberId;
/** The activity the check-in test plans (it starts within the hour). */
let live;

before(async () => {
  browser = await launchBrowser();
  kisberId = await findProgramme('kisber', (p) => p.code === KISBER_CODE);
});
after(async () => {
  await browser?.close();
});

/** A Budapest wall-clock time as a datetime-local field takes it (`YYYY-MM-DDTHH:MM`). */
function budapest(date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Budapest',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The programme's public activities, as the API lists them. */
async function kisberActivities() {
  const res = await fetch(`${BASE}/api/v1/programmes/${kisberId}/activities`);
  assert.equal(res.status, 200);
  return res.json();
}

test('a resident registers for an upcoming activity and gets a ticket', async (t) => {
  const now = Date.now();
  const upcoming = (await kisberActivities()).find(
    (a) =>
      a.public &&
      Date.parse(a.starts_at) > now + 24 * 3600 * 1000 &&
      (!a.registration_opens || Date.parse(a.registration_opens) <= now) &&
      (!a.registration_closes || Date.parse(a.registration_closes) > now + 3600 * 1000) &&
      (a.capacity === null || a.capacity > 5),
  );
  assert.ok(upcoming, 'the demo has an upcoming public Kisbér activity open for registration');

  const resident = await newPage(browser);
  await open(resident, `/activities/${upcoming.id}`);
  assert.equal(await textOf(resident.locator('section.register h2')), 'Jelentkezés');
  await accessible(t, resident, 'activity page with the registration box (hu)');
  await screenshot(resident, 'register-box.png');

  // The form keeps what was typed when something is missing.
  const name = 'Kovácsné Szőke Tünde';
  await resident.fill('#register-name', name);
  const refused = await submitForResponse(resident, 'Jelentkezem', resident.locator('section.register'));
  assert.equal(refused.status(), 422, 'no e-mail address: refused');
  assert.equal(await resident.inputValue('#register-name'), name);
  await accessible(t, resident, 'registration box with an error (hu)');

  const ticket = await registerAsGuest(resident, upcoming.id, name, `tunde.${RUN}@example.hu`);
  assert.match(await textOf(resident.locator('dl.facts')), new RegExp(name));
  assert.ok(await resident.locator('figure.qr svg').isVisible(), 'the QR code is shown');
  const box = await resident.locator('figure.qr svg').boundingBox();
  assert.ok(box.width >= 200 && box.width <= 400, `the QR code is ${box.width}px wide`);
  assert.match(await textOf(resident.locator('code.ticket-code')), CODE);
  await accessible(t, resident, 'ticket page (hu)');
  await screenshot(resident, 'ticket.png');

  // English, and on a phone.
  await open(resident, `/lang/en?next=${encodeURIComponent(ticket)}`);
  assert.equal(await textOf(resident.locator('h1')), 'Ticket');
  await accessible(t, resident, 'ticket page (en)');
  await resident.setViewportSize(PHONE);
  await accessible(t, resident, 'ticket page (en, phone)');
  const phoneBox = await resident.locator('figure.qr svg').boundingBox();
  assert.ok(phoneBox.width >= 200, `the QR code stays readable on a phone (${phoneBox.width}px)`);
  await noSidewaysScroll(resident);
  await screenshot(resident, 'ticket-en-phone.png');

  const other = await newPage(browser, { viewport: PHONE, isMobile: true, hasTouch: true });
  await open(other, `/lang/en?next=${encodeURIComponent(`/activities/${upcoming.id}`)}`);
  assert.equal(await textOf(other.locator('section.register h2')), 'Registration');
  await accessible(t, other, 'activity page with the registration box (en, phone)');
  await noSidewaysScroll(other);
  await screenshot(other, 'register-box-en-phone.png');
});

test('a volunteer checks a resident in offline, and it is recorded once', async (t) => {
  // A project manager plans an activity that starts within the hour: the door is open.
  const title = `Beléptetési próba ${RUN}`;
  const pm = await newPage(browser);
  await signIn(pm, ACCOUNTS.pm);
  await open(pm, `/admin/programmes/${kisberId}/activities/new`);
  const start = new Date(Date.now() + 60 * 60 * 1000);
  const end = new Date(Date.now() + 3 * 60 * 60 * 1000);
  await pm.fill('#activity-title', title);
  await pm.selectOption('#activity-kind', 'community_conversation');
  await pm.fill('#activity-starts_at', budapest(start));
  await pm.fill('#activity-ends_at', budapest(end));
  await pm.fill('#activity-settlement', 'Kisbér');
  const made = await submitForResponse(pm, 'Hozzáadás');
  assert.equal(made.status(), 303, 'activity saved');
  const activity = (await kisberActivities()).find((a) => a.title === title);
  assert.ok(activity, 'the new activity is listed by the API');
  live = activity;

  // A resident registers for it.
  const name = 'Árvainé Győri Ödönke';
  const resident = await newPage(browser);
  const ticketPath = await registerAsGuest(resident, activity.id, name, `odonke.${RUN}@example.hu`);
  const shown = await textOf(resident.locator('code.ticket-code'));
  assert.match(shown, CODE);
  const token = ticketPath.split('/').pop();
  assert.equal(shown.replace(/-/g, ''), token);

  // The volunteer opens the check-in page and waits for the tickets.
  const page = await newPage(browser);
  await signIn(page, VOLUNTEER);
  const checkIn = `/admin/activities/${activity.id}/check-in`;
  // A signed-in person's language is kept with the account: start in Hungarian.
  await open(page, `/lang/hu?next=${encodeURIComponent(checkIn)}`);
  const root = page.locator('#checkin');
  await page.waitForSelector('#checkin[data-source="network"][data-ready="true"]');
  assert.ok(Number(await root.getAttribute('data-tickets')) >= 1, 'the tickets are loaded');
  assert.equal(await textOf(page.locator('#checkin-connection')), 'Van hálózat.');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'checkin-code');
  await accessible(t, page, 'check-in page (hu)');

  // The tickets are kept on the device.
  const kept = await page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('kozos-checkin');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result
            .transaction('tickets')
            .objectStore('tickets')
            .index('activity')
            .getAll(id);
          get.onsuccess = () => resolve(get.result.map((x) => x.name));
        };
      }),
    activity.id,
  );
  assert.ok(kept.includes(name), 'the ticket is in IndexedDB');

  const sent = [];
  page.on('request', (r) => {
    if (r.url().includes('/check-in/sync')) sent.push(r.url());
  });
  const message = (key) => page.locator(`#checkin-messages`).evaluate((tpl, k) => tpl.content.querySelector(`[data-key="${k}"]`).textContent, key);
  const result = page.locator('#checkin-result');

  // Offline from here.
  await page.context().setOffline(true);
  await page.waitForSelector('#checkin-connection[data-state="offline"]');
  assert.match(await textOf(page.locator('#checkin-connection')), /Nincs hálózat/);

  // A code with one symbol changed is refused at once, on the device.
  const forged = token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6);
  await typeCode(page, forged);
  assert.equal(await textOf(result), `✗ ${await message('checkin-forged')}`);
  assert.equal(await result.getAttribute('data-state'), 'refused');
  await typeCode(page, 'nem kód');
  assert.equal(await textOf(result), `✗ ${await message('checkin-malformed')}`);

  // Lower case, no hyphens: the name at once, waiting on the device.
  await typeCode(page, token.toLowerCase());
  assert.equal(await textOf(result), `✓ Rögzítve ezen az eszközön, kapcsolat nélkül: ${name}. Ha visszajön a hálózat, elküldjük.`);
  assert.equal(await result.getAttribute('data-state'), 'queued');
  await page.waitForSelector('#checkin[data-queued="1"]');
  assert.equal(await textOf(page.locator('#checkin-queue')), 'Elküldésre vár: 1 beolvasás.');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'checkin-code', 'focus stays in the code field');

  // The same ticket again: already in, nothing more queued.
  await typeCode(page, shown);
  assert.equal(await textOf(result), `! Már bent van: ${name}`);
  assert.equal(await result.getAttribute('data-state'), 'already');
  assert.equal(await root.getAttribute('data-queued'), '1');
  assert.equal(await page.locator('#checkin-log li').count(), 4);
  assert.equal(sent.length, 0, 'nothing was sent while offline');
  await accessible(t, page, 'check-in page, offline with a queued scan (hu)');
  await screenshot(page, 'checkin-offline.png');

  // Back online: the queue is sent and empties.
  await page.context().setOffline(false);
  await page.waitForSelector('#checkin[data-queued="0"]', { timeout: 20000 });
  assert.equal(await textOf(page.locator('#checkin-queue')), 'Minden beolvasás elküldve.');
  assert.equal(await textOf(page.locator('#checkin-connection')), 'Van hálózat.');
  assert.ok(sent.length >= 1, 'the queue was sent');
  assert.match(await textOf(page.locator('#checkin-log li').nth(1)), new RegExp(`✓ Beléptetve: ${name}$`));
  // The result still shows the last scan ("already"); the log line of the first is updated.
  assert.equal(await result.getAttribute('data-state'), 'already');
  await screenshot(page, 'checkin-synced.png');

  // Online, the same code once more: "already", and still nothing new to send.
  await typeCode(page, token);
  assert.equal(await textOf(result), `! Már bent van: ${name}`);

  // The page opens again without the network (the service worker keeps it, IndexedDB
  // the tickets), and still knows who is in.
  await page.waitForSelector('#checkin[data-offline-ready="true"]', { timeout: 20000 });
  await page.context().setOffline(true);
  const reloaded = await page.reload();
  assert.ok(reloaded.fromServiceWorker(), 'the page came from the service worker');
  await page.waitForSelector('#checkin[data-source="device"][data-ready="true"]');
  assert.match(await textOf(page.locator('#checkin-connection')), /Nincs hálózat/);
  await typeCode(page, token);
  assert.equal(await textOf(result), `! Már bent van: ${name}`);
  assert.equal(await root.getAttribute('data-queued'), '0');
  await page.context().setOffline(false);

  // The attendance list shows them present exactly once.
  await open(page, `/admin/activities/${activity.id}/roster`);
  const row = page.locator('ul.roster li', { has: page.locator('span.name', { hasText: name }) });
  assert.equal(await row.count(), 1, 'one row for the person');
  assert.equal(await page.locator('ul.roster button.present').count(), 1, 'one present marker');
  assert.equal(await row.locator('button.present').count(), 1, 'and it is theirs');
  assert.equal(await row.locator('button').getAttribute('aria-pressed'), 'true');
  assert.equal(await textOf(page.locator('p.counts')), 'Jelen: 1 fő · Jelentkezett: 1 fő');
  const data = await (await page.request.get(`/admin/activities/${activity.id}/check-in/data`)).json();
  assert.equal(data.present.length, 1, 'one attendance recorded');
  await accessible(t, page, 'attendance list (hu)');
  await screenshot(page, 'roster.png');

  // English, then a phone.
  await open(page, `/lang/en?next=${encodeURIComponent(`/admin/activities/${activity.id}/roster`)}`);
  assert.equal(await textOf(page.locator('p.counts')), 'Present: 1 · Registered: 1');
  await accessible(t, page, 'attendance list (en)');
  await page.setViewportSize(PHONE);
  await accessible(t, page, 'attendance list (en, phone)');
  await noSidewaysScroll(page);
  const tick = await row.locator('button').boundingBox();
  assert.ok(tick.height >= 44 && tick.width >= 44, `the tick button is ${tick.width}×${tick.height}px`);
  await screenshot(page, 'roster-en-phone.png');

  await open(page, checkIn);
  await page.waitForSelector('#checkin[data-source="network"]');
  assert.equal(await textOf(page.locator('#checkin-connection')), 'Online.');
  await typeCode(page, token);
  assert.equal(await textOf(result), `! Already in: ${name}`);
  await accessible(t, page, 'check-in page (en, phone)');
  await noSidewaysScroll(page);
  await screenshot(page, 'checkin-en-phone.png');
  await page.setViewportSize({ width: 1280, height: 900 });
  await accessible(t, page, 'check-in page (en)');
  await open(page, `/lang/hu?next=${encodeURIComponent(checkIn)}`);
});

test('the camera reads a ticket\'s QR code', async (t) => {
  assert.ok(live, 'the check-in test planned an activity');
  // Someone else registers; their ticket's QR code, drawn by the browser from the ticket
  // page's SVG, becomes the picture of a fake camera.
  const name = 'Lőrinczné Bíró Zsófia';
  const resident = await newPage(browser);
  await registerAsGuest(resident, live.id, name, `zsofia.${RUN}@example.hu`);
  const luma = await resident.locator('figure.qr svg').evaluate(async (svg) => {
    const img = new Image();
    img.src = `data:image/svg+xml;base64,${btoa(new XMLSerializer().serializeToString(svg))}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 640, 480);
    ctx.drawImage(img, 170, 90, 300, 300);
    const { data } = ctx.getImageData(0, 0, 640, 480);
    const y = new Uint8Array(640 * 480);
    for (let i = 0; i < y.length; i++) {
      y[i] = Math.round(0.299 * data[4 * i] + 0.587 * data[4 * i + 1] + 0.114 * data[4 * i + 2]);
    }
    return btoa(Array.from(y, (v) => String.fromCharCode(v)).join(''));
  });
  const video = new URL('camera-qr.y4m', new URL('../test-results/', import.meta.url)).pathname;
  await writeFile(video, y4m(Buffer.from(luma, 'base64'), 640, 480));

  const camera = await launchBrowser([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
  try {
    const page = await newPage(camera);
    await signIn(page, VOLUNTEER);
    await open(page, `/admin/activities/${live.id}/check-in`);
    await page.waitForSelector('#checkin[data-source="network"]');
    const button = page.getByRole('button', { name: 'Kamera bekapcsolása' });
    assert.equal(await button.getAttribute('aria-pressed'), 'false');
    await button.click();
    await page.waitForSelector('#checkin-result[data-state="ok"]', { timeout: 20000 });
    assert.equal(await textOf(page.locator('#checkin-result')), `✓ Beléptetve: ${name}`);
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    assert.ok(await page.locator('#checkin-video').isVisible(), 'the camera picture is shown');
    // Chromium on Linux has no BarcodeDetector: the bundled decoder did the reading.
    const decoder = await page.locator('#checkin').getAttribute('data-decoder');
    t.diagnostic(`decoder: ${decoder}`);
    assert.ok(['native', 'jsqr'].includes(decoder));
    await page.waitForSelector('#checkin[data-queued="0"]');
    // The code held in front of the camera is read once.
    await page.waitForTimeout(1000);
    assert.equal(await page.locator('#checkin-log li').count(), 1);
    await accessible(t, page, 'check-in page with the camera on (hu)');
    await screenshot(page, 'checkin-camera.png');
    await button.click();
    assert.equal(await button.getAttribute('aria-pressed'), 'false');
    assert.equal(await page.locator('#checkin-video').isVisible(), false);
  } finally {
    await camera.close();
  }
});

/** A still picture as a YUV4MPEG2 video (grey: the chroma planes are flat). */
function y4m(luma, width, height) {
  const frame = Buffer.concat([
    Buffer.from('FRAME\n'),
    luma,
    Buffer.alloc((width / 2) * (height / 2) * 2, 128),
  ]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F5:1 Ip A1:1 C420jpeg\n`);
  return Buffer.concat([header, ...Array(5).fill(frame)]);
}

/** Types a code into the check-in field and presses Enter, as a person (or a reader) does. */
async function typeCode(page, code) {
  const before = await page.locator('#checkin-log li').count();
  await page.fill('#checkin-code', code);
  await page.press('#checkin-code', 'Enter');
  await page.waitForFunction((n) => document.querySelectorAll('#checkin-log li').length > n, before);
}

