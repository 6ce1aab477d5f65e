// What the browser test files share: the server address, the browser (Debian's Chromium,
// driven by playwright-core, which never downloads one), signing in, finding demo
// programmes through the API, axe and screenshots. Not a test file itself (node --test
// only runs *.test.mjs).

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import axe from 'axe-core';

export const BASE = process.env.KOZOS_BASE_URL;
if (!BASE) throw new Error('KOZOS_BASE_URL is not set (e.g. http://127.0.0.1:8080)');

export const DEMO_PASSWORD = 'kozos-demo-2026';
export const ACCOUNTS = {
  admin: { email: 'admin@demo.kozos.hu', password: DEMO_PASSWORD, name: 'Adminisztrátor Anna' },
  national: { email: 'orszagos@demo.kozos.hu', password: DEMO_PASSWORD, name: 'Országos Oszkár' },
  pm: { email: 'projektmenedzser@demo.kozos.hu', password: DEMO_PASSWORD, name: 'Projekt Péter' },
  mentor: { email: 'mentor@demo.kozos.hu', password: DEMO_PASSWORD, name: 'Mentor Mária' },
  auditor: { email: 'auditor@demo.kozos.hu', password: DEMO_PASSWORD, name: 'Auditor Ágnes' },
};
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const SHOTS = new URL('../test-results/', import.meta.url);

/** Debian's Chromium, headless; `args` adds switches (a fake camera, say). */
export async function launchBrowser(args = []) {
  await mkdir(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...args,
    ],
  });
}

/** A fresh page in a context of its own (its own cookies: language, session, device). */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({
    baseURL: BASE,
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  return context.newPage();
}

/** Goes to `path` and insists on `status` (200 unless told), so a broken page never passes. */
export async function open(page, path, status = 200) {
  const res = await page.goto(path);
  assert.equal(res.status(), status, `GET ${path}`);
  return res;
}

/**
 * Clicks a submit button (in `scope`, a locator, when the page has several forms) and
 * waits for the page the form leads to; returns the POST's response.
 */
export async function submitForResponse(page, buttonName, scope = page) {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.waitForEvent('load'),
    scope.getByRole('button', { name: buttonName, exact: true }).click(),
  ]);
  return res;
}

/** As `submitForResponse`, returning only the status. */
export async function submit(page, buttonName, scope = page) {
  return (await submitForResponse(page, buttonName, scope)).status();
}

/** One sign-in attempt through the form, as typed by a person; returns the POST's response. */
export async function attemptSignIn(page, { email, password }) {
  await open(page, '/signin');
  await page.fill('#signin-email', email);
  await page.fill('#signin-password', password);
  return submitForResponse(page, 'Bejelentkezés');
}

/** Signs in through the form and insists that it worked. */
export async function signIn(page, account) {
  const res = await attemptSignIn(page, account);
  assert.equal(res.status(), 303, `sign-in of ${account.email} should redirect`);
  assert.ok(!new URL(page.url()).pathname.startsWith('/signin'), `still on ${page.url()}`);
}

/** Registers a guest through the activity page's form; returns the ticket page's address. */
export async function registerAsGuest(page, activityId, name, email) {
  await open(page, `/activities/${activityId}`);
  const box = page.locator('section.register');
  await page.fill('#register-name', name);
  await page.fill('#register-email', email);
  const res = await submitForResponse(page, 'Jelentkezem', box);
  assert.equal(res.status(), 303, 'registration redirects to the ticket');
  const url = new URL(page.url());
  assert.match(url.pathname, /^\/tickets\/[0-9A-Z*~$=]{17}$/);
  return url.pathname;
}

/** The demo's ids depend on load order, so look them up the way an API client would. */
export async function findProgramme(q, match) {
  const res = await fetch(`${BASE}/api/v1/programmes?q=${encodeURIComponent(q)}`);
  assert.equal(res.status, 200, `GET /api/v1/programmes?q=${q}`);
  const found = (await res.json()).find(match);
  assert.ok(found, `no programme for q=${q}`);
  return found.id;
}

/** A programme as the public API shows it (partners, action areas, target groups). */
export async function apiProgramme(id) {
  const res = await fetch(`${BASE}/api/v1/programmes/${id}`);
  assert.equal(res.status, 200, `GET /api/v1/programmes/${id}`);
  return res.json();
}

/** The visible text of an element, whitespace collapsed (no line-break surprises). */
export async function textOf(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/** Runs axe on the page as it is now; returns serious/critical violations, logs the rest. */
export async function axeViolations(t, page) {
  // page.evaluate goes through the DevTools protocol, so the site's CSP does not block it.
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, AXE_TAGS);
  const describe = (v) => `${v.impact} ${v.id} (${v.help}): ${v.targets.join(' | ')}`;
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of violations) if (!blocking.includes(v)) t.diagnostic(`note: ${describe(v)}`);
  return blocking.map(describe);
}

/** Runs axe and insists on no serious or critical violation; `what` names the page. */
export async function accessible(t, page, what) {
  assert.deepEqual(await axeViolations(t, page), [], what);
}

/** The page fits its viewport's width (nothing to scroll sideways on a phone). */
export async function noSidewaysScroll(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  const viewport = page.viewportSize().width;
  assert.ok(width <= viewport, `no sideways scrolling (page is ${width}px wide, viewport ${viewport}px)`);
}

/** A full-page screenshot into e2e/test-results/. */
export async function screenshot(page, name) {
  await page.screenshot({ path: new URL(name, SHOTS).pathname, fullPage: true });
}
