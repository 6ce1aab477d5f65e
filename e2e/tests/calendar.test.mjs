// Browser tests for activities and the event calendar: a project manager plans an
// activity through the form (a mistake first), a resident finds it in the calendar by
// month, week and list, at desktop and phone width, in Hungarian and English, opens its
// page and the subscribe link; axe finds no serious or critical violation on any of
// these pages. Screenshots go to e2e/test-results/.
//
// It shares the demo database with the other test files: it only adds its own
// activities to the Kisbér programme and reads the rest.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACCOUNTS,
  BASE,
  axeViolations,
  findProgramme,
  launchBrowser,
  newPage,
  open,
  screenshot,
  signIn,
  submit,
  textOf,
} from './support.mjs';

const KISBER_CODE = 'TOP-5.3.1-16-KO1-2017-00005';
const TITLE = 'Beszélgetés a kisbéri piactér jövőjéről';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

let browser;
let kisberId;

before(async () => {
  browser = await launchBrowser();
  kisberId = await findProgramme('kisber', (p) => p.code === KISBER_CODE);
});
after(async () => {
  await browser?.close();
});

/** Next month as `YYYY-MM` and a day in it, so the activity is always upcoming. */
function nextMonth() {
  const d = new Date();
  const y = d.getUTCMonth() === 11 ? d.getUTCFullYear() + 1 : d.getUTCFullYear();
  const m = ((d.getUTCMonth() + 1) % 12) + 1;
  const mm = String(m).padStart(2, '0');
  return { month: `${y}-${mm}`, day: `${y}-${mm}-12` };
}

test('a project manager plans an activity and residents find it in the calendar', async (t) => {
  const { month, day } = nextMonth();
  const page = await newPage(browser);
  await signIn(page, ACCOUNTS.pm);
  await open(page, `/admin/programmes/${kisberId}/activities`);
  assert.equal(await submitLink(page, 'Új tevékenység'), 200);
  assert.deepEqual(await axeViolations(t, page), [], 'new activity form');

  // First with the end before the start: refused, explained, nothing lost.
  await page.fill('#activity-title', TITLE);
  await page.selectOption('#activity-kind', 'community_conversation');
  await page.fill('#activity-starts_at', `${day}T18:00`);
  await page.fill('#activity-ends_at', `${day}T17:00`);
  await page.fill('#activity-settlement', 'Kisbér');
  await page.fill('#activity-capacity', '40');
  assert.equal(await submit(page, 'Hozzáadás'), 422);
  assert.match(await textOf(page.locator('#activity-ends_at-error')), /nem lehet korábbi/);
  assert.equal(await page.inputValue('#activity-title'), TITLE);
  assert.deepEqual(await axeViolations(t, page), [], 'form with errors');
  await screenshot(page, 'activity-form-error.png');

  await page.fill('#activity-ends_at', `${day}T20:00`);
  assert.equal(await submit(page, 'Hozzáadás'), 303);
  assert.match(await textOf(page.locator('main')), new RegExp(TITLE));
  assert.deepEqual(await axeViolations(t, page), [], 'activity list');
  await screenshot(page, 'activities-list.png');

  // A resident (not signed in) finds it.
  const resident = await newPage(browser);
  await open(resident, `/calendar?month=${month}`);
  const link = resident.getByRole('link', { name: new RegExp(TITLE) }).first();
  assert.ok(await link.isVisible(), 'shown in the month grid');
  assert.deepEqual(await axeViolations(t, resident), [], 'calendar month (hu)');
  const feed = await resident.locator('link[rel=alternate][type="text/calendar"]').getAttribute('href');
  assert.equal(feed, '/calendar.ics');
  await screenshot(resident, 'calendar-month.png');

  await resident.selectOption('#cal-programme', String(kisberId));
  // The filters are a GET form: they work without JavaScript and the address can be shared.
  const [filtered] = await Promise.all([
    resident.waitForNavigation(),
    resident.getByRole('button', { name: 'Szűrés', exact: true }).click(),
  ]);
  assert.equal(filtered.status(), 200);
  assert.match(resident.url(), new RegExp(`programme=${kisberId}`));
  assert.ok(await resident.getByRole('link', { name: new RegExp(TITLE) }).first().isVisible());
  const subscribe = resident.getByRole('link', { name: 'Feliratkozás a naptárra (iCal)' });
  assert.equal(await subscribe.getAttribute('href'), `/calendar.ics?programme=${kisberId}`);
  const ics = await fetch(`${BASE}/calendar.ics?programme=${kisberId}`).then((r) => r.text());
  assert.match(ics.replace(/\r\n /g, ''), new RegExp(`SUMMARY:${TITLE}`));

  await link.click();
  await resident.waitForLoadState();
  assert.equal(await textOf(resident.locator('h1')), TITLE);
  assert.match(await textOf(resident.locator('dl.facts')), /18:00 – 20:00/);
  assert.deepEqual(await axeViolations(t, resident), [], 'activity page (hu)');
  await screenshot(resident, 'activity-page.png');

  await open(resident, `/calendar?view=week&week=${day}`);
  assert.ok(await resident.getByRole('link', { name: TITLE }).first().isVisible(), 'week view');
  assert.deepEqual(await axeViolations(t, resident), [], 'calendar week');
  await open(resident, `/calendar?view=list&month=${month}`);
  assert.ok(await resident.getByRole('link', { name: TITLE }).first().isVisible(), 'list view');
  assert.deepEqual(await axeViolations(t, resident), [], 'calendar list');
});

test('the calendar works on a phone and in English', async (t) => {
  const { month } = nextMonth();
  const phone = await newPage(browser, PHONE);
  await open(phone, `/calendar?month=${month}`);
  // On a phone the month grid becomes the list of the days that have events: days
  // without any are not shown, and each shown day reads as a whole date.
  const shownDays = phone.locator('table.month-grid td:not(.empty)');
  const emptyDays = phone.locator('table.month-grid td.empty');
  // Next month holds the activity the first test planned, and days without any.
  assert.ok((await shownDays.count()) > 0, 'a day with events is shown');
  assert.ok((await emptyDays.count()) > 0, 'the month has days without events');
  assert.equal(await emptyDays.first().isVisible(), false);
  assert.match(await textOf(shownDays.first().locator('.day')), /^\d{4}\. \d{2}\. \d{2}\., /);
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling (page is ${width}px wide)`);
  assert.deepEqual(await axeViolations(t, phone), [], 'calendar on a phone');
  await screenshot(phone, 'calendar-phone.png');

  const en = await newPage(browser, PHONE);
  await open(en, `/lang/en?next=${encodeURIComponent(`/calendar?month=${month}`)}`);
  assert.equal(await textOf(en.locator('h1')), 'Event calendar');
  assert.deepEqual(await axeViolations(t, en), [], 'calendar (en, phone)');
  await en.locator('table.month-grid td:not(.empty) a').first().click();
  await en.waitForLoadState();
  assert.ok(new URL(en.url()).pathname.startsWith('/activities/'));
  assert.deepEqual(await axeViolations(t, en), [], 'activity page (en, phone)');
  await screenshot(en, 'activity-page-en-phone.png');
});

/** Follows a link by its name and returns the status of the page it leads to. */
async function submitLink(page, name) {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'GET' && r.request().isNavigationRequest()),
    page.getByRole('link', { name, exact: true }).click(),
  ]);
  await page.waitForLoadState();
  return res.status();
}
