// Browser tests for kozos, as a person uses the site: edit a programme through the
// form (with a mistake first), search from the home page, and check accessibility with
// axe. Run with `node --test e2e/tests/` against a server at KOZOS_BASE_URL
// (scripts/e2e.sh starts one on a fresh demo database).
//
// The browser is Debian's Chromium (/usr/bin/chromium): playwright-core only drives
// it, it never downloads a browser of its own.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACCOUNTS,
  BASE,
  axeViolations,
  findProgramme,
  launchBrowser,
  open,
  newPage as pageIn,
  signIn as signInAs,
  submit,
  SHOTS,
} from './support.mjs';

const PM = ACCOUNTS.pm;
const KISBER_CODE = 'TOP-5.3.1-16-KO1-2017-00005';
const AID_ERROR_HU = 'A támogatás mértéke 0 és 100 % között lehet.';
const SAVED_HU = 'A változásokat elmentettük.';

let browser;
let kisberId;
let kecskemetId;

before(async () => {
  kisberId = await findProgramme('Kisbér', (p) => p.code === KISBER_CODE);
  kecskemetId = await findProgramme('Kecskemét', (p) => /Kecskem/.test(p.title));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** A fresh page with its own cookies (language, session). */
const newPage = () => pageIn(browser);

const signIn = (page, account = PM) => signInAs(page, account);

/** Signs in, opens the Kisbér form and submits an impossible aid intensity (saves nothing). */
async function editFormWithErrors(page) {
  await signIn(page);
  await open(page, `/admin/programmes/${kisberId}/edit`);
  await page.fill('#programme-aid_intensity', '120');
  assert.equal(await submit(page, 'Mentés'), 422);
}

test('a project manager fixes a mistake in the programme form and the public page shows the change', async (t) => {
  const page = await newPage();
  await signIn(page);
  const editPath = `/admin/programmes/${kisberId}/edit`;
  await open(page, editPath);
  const title = page.locator('#programme-title');
  const aid = page.locator('#programme-aid_intensity');
  const original = await title.inputValue();
  const changed = `${original} – e2e ${Date.now()}`;

  // Put the original title back even if an assertion below fails, so a second run
  // on the same database starts from the demo data.
  t.after(async () => {
    await open(page, editPath);
    await title.fill(original);
    await aid.fill('100');
    assert.equal(await submit(page, 'Mentés'), 303, 'restoring the title');
    await page.context().close();
  });

  // A mistake: rejected with 422, the message next to the field, what was typed kept.
  await title.fill(changed);
  await aid.fill('120');
  assert.equal(await submit(page, 'Mentés'), 422);
  assert.ok(await page.locator('.error-summary').isVisible(), 'error summary shown');
  const fieldError = page.locator('#programme-aid_intensity-error');
  assert.ok(await fieldError.isVisible(), 'aid intensity error shown');
  assert.equal((await fieldError.innerText()).trim(), AID_ERROR_HU);
  // "Next to the field": in the same field group, and read out with the input.
  const group = page.locator('.field', { has: aid });
  assert.equal(await group.locator('.error').innerText(), AID_ERROR_HU);
  assert.match(await aid.getAttribute('aria-describedby'), /programme-aid_intensity-error/);
  assert.equal(await aid.getAttribute('aria-invalid'), 'true');
  assert.equal(await title.inputValue(), changed, 'typed title kept');
  assert.equal(await aid.inputValue(), '120', 'typed aid intensity kept');

  // Fixed: saved, back on the manage page with the status message.
  await aid.fill('100');
  assert.equal(await submit(page, 'Mentés'), 303);
  assert.equal(new URL(page.url()).pathname, `/admin/programmes/${kisberId}`);
  assert.equal((await page.locator('.flash[role=status]').innerText()).trim(), SAVED_HU);

  // The public page shows the new title, in the heading and the publicity block.
  await open(page, `/programmes/${kisberId}`);
  assert.equal((await page.locator('h1').innerText()).trim(), changed);
  const publicity = page.locator('section.publicity');
  assert.match(await publicity.locator('h2').innerText(), /A projekt adatai/);
  assert.ok((await publicity.innerText()).includes(changed), 'publicity block has the new title');
});

test('accessibility: no serious or critical axe violations (WCAG 2.1 A/AA)', async (t) => {
  const failures = [];
  const check = (name, prepare) =>
    t.test(name, async (st) => {
      const found = await axeViolations(st, await prepare());
      for (const f of found) failures.push(`${name}: ${f}`);
      if (found.length) assert.fail(`${name}:\n  ${found.join('\n  ')}`);
    });

  const hu = await newPage();
  const pageAt = (path) => async () => (await open(hu, path), hu);
  await check('hu home', pageAt('/'));
  await check('hu Kisbér programme', pageAt(`/programmes/${kisberId}`));
  await check('hu Kecskemét programme', pageAt(`/programmes/${kecskemetId}`));
  await check('hu sign-in', pageAt('/signin'));
  await check('hu edit form with errors', async () => (await editFormWithErrors(hu), hu));
  await check('hu manage page (project manager)', pageAt(`/admin/programmes/${kisberId}`));
  await check('hu dashboard', pageAt('/admin'));
  await check('hu organisations', pageAt('/admin/organisations'));
  await hu.context().close();

  // The administrator's pages, and the public programme page at phone width.
  const admin = await newPage();
  await signIn(admin, { email: 'admin@demo.kozos.hu', password: PM.password });
  await check('hu users (administrator)', async () => (await open(admin, '/admin/users'), admin));
  await check('hu new user form', async () => (await open(admin, '/admin/users/new'), admin));
  await check('hu background jobs, reached from the menu (administrator)', async () => {
    await open(admin, '/admin');
    await Promise.all([admin.waitForEvent('load'), admin.locator('header nav a', { hasText: 'Háttérfeladatok' }).click()]);
    assert.equal(new URL(admin.url()).pathname, '/admin/jobs');
    assert.equal((await admin.locator('h1').innerText()).trim(), 'Háttérfeladatok');
    await admin.screenshot({ path: new URL('jobs-hu.png', SHOTS).pathname, fullPage: true });
    return admin;
  });
  await check('hu outbox, reached from the menu (administrator)', async () => {
    await open(admin, '/admin');
    await Promise.all([admin.waitForEvent('load'), admin.locator('header nav a', { hasText: 'Kimenő levelek' }).click()]);
    assert.equal(new URL(admin.url()).pathname, '/admin/outbox');
    assert.equal((await admin.locator('h1').innerText()).trim(), 'Kimenő levelek');
    await admin.screenshot({ path: new URL('outbox-hu.png', SHOTS).pathname, fullPage: true });
    return admin;
  });
  await admin.context().close();
  const phone = await (await browser.newContext({ baseURL: BASE, viewport: { width: 390, height: 844 } })).newPage();
  await check('hu Kecskemét programme on a phone', async () => (await open(phone, `/programmes/${kecskemetId}`), phone));
  await phone.context().close();

  // English, switched the way a visitor does it: the "English" link in the header.
  const en = await newPage();
  const switchToEnglish = async (path) => {
    await open(en, path);
    const link = en.locator('header a[href^="/lang/en"]');
    assert.equal((await link.innerText()).trim(), 'English');
    await Promise.all([en.waitForEvent('load'), link.click()]);
    assert.equal(await en.getAttribute('html', 'lang'), 'en');
    assert.equal(new URL(en.url()).pathname, path, 'the switch stays on the same page');
    return en;
  };
  await check('en home', () => switchToEnglish('/'));
  await check('en Kisbér programme', async () => {
    await open(en, `/programmes/${kisberId}`); // the language choice is remembered
    assert.equal(await en.getAttribute('html', 'lang'), 'en');
    return en;
  });
  await en.context().close();

  if (failures.length) console.error(`axe violations:\n  ${failures.join('\n  ')}`);
});

test('screenshots for a person to review (e2e/test-results/)', async () => {
  const page = await newPage();
  const shot = (name) => page.screenshot({ path: new URL(name, SHOTS).pathname, fullPage: true });
  await open(page, '/');
  await shot('home-hu.png');
  await open(page, `/programmes/${kisberId}`);
  await shot('programme-kisber-hu.png');
  await editFormWithErrors(page);
  await shot('edit-form-errors-hu.png');
  await page.context().close();
});

test('home search finds programmes, with or without accents', async () => {
  const page = await newPage();
  const search = async (q) => {
    await open(page, '/');
    await page.fill('#q', q);
    await Promise.all([page.waitForEvent('load'), page.locator('#q').press('Enter')]);
    return page.locator('ul.cards h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  };
  // The home page lists every programme when there is no query, so also check that
  // the search narrowed the list down.
  const kisber = await search('kisber');
  assert.ok(kisber.includes(`/programmes/${kisberId}`), `"kisber" found ${JSON.stringify(kisber)}`);
  assert.ok(!kisber.includes(`/programmes/${kecskemetId}`), `"kisber" found ${JSON.stringify(kisber)}`);
  const kecskemet = await search('Kecskemét');
  assert.ok(kecskemet.includes(`/programmes/${kecskemetId}`), `"Kecskemét" found ${JSON.stringify(kecskemet)}`);
  assert.ok(!kecskemet.includes(`/programmes/${kisberId}`), `"Kecskemét" found ${JSON.stringify(kecskemet)}`);
  await page.context().close();
});
