// Browser tests for the people registry: a project manager adds a person, adds them again
// and is warned of the possible duplicate before anything is saved, saves anyway, then
// merges the two records from the person page (both side by side first). axe finds no
// serious or critical violation on the list, the form with the warning, the person page
// and the merge page, in Hungarian and English, at desktop and phone width. Screenshots
// go to e2e/test-results/.
//
// It shares the demo database with the other test files: its people have names of
// their own run.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACCOUNTS,
  accessible,
  launchBrowser,
  newPage,
  noSidewaysScroll,
  open,
  screenshot,
  signIn,
  submitForResponse,
  textOf,
} from './support.mjs';

const PHONE = { width: 375, height: 740 };
const RUN = Date.now().toString(36);

let browser;

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function fillPerson(page, name) {
  await page.fill('#person-name', name);
  await page.fill('#person-birth_year', '1985');
  await page.fill('#person-settlement', 'Kisbér');
}

test('a project manager is warned of a duplicate, saves anyway, then merges the two', async (t) => {
  const name = `Próba Panna ${RUN}`;
  const pm = await newPage(browser);
  await signIn(pm, ACCOUNTS.pm);

  await open(pm, '/admin');
  await pm.getByRole('link', { name: 'Emberek', exact: true }).click();
  await pm.waitForLoadState('load');
  assert.equal(new URL(pm.url()).pathname, '/admin/people');
  assert.equal(await textOf(pm.locator('h1')), 'Emberek');
  await accessible(t, pm, 'people list (hu)');
  await screenshot(pm, 'people-list.png');

  // The first record.
  await open(pm, '/admin/people/new');
  await accessible(t, pm, 'new person form (hu)');
  await fillPerson(pm, name);
  const first = await submitForResponse(pm, 'Mentés');
  assert.equal(first.status(), 303);
  const firstPath = new URL(pm.url()).pathname;
  assert.match(firstPath, /^\/admin\/people\/\d+$/);
  assert.equal(await textOf(pm.locator('h1')), name);

  // The same person typed again: warned, nothing saved, the form keeps what was typed.
  await open(pm, '/admin/people/new');
  await fillPerson(pm, name.toUpperCase());
  const warned = await submitForResponse(pm, 'Mentés');
  assert.equal(warned.status(), 200);
  const warning = pm.locator('.duplicates');
  assert.match(await textOf(warning), /Lehet, hogy már szerepel a nyilvántartásban/);
  assert.match(await textOf(warning), new RegExp(name));
  assert.equal(await pm.inputValue('#person-name'), name.toUpperCase());
  await accessible(t, pm, 'new person form with the duplicate warning (hu)');
  await screenshot(pm, 'people-duplicate-warning.png');

  const saved = await submitForResponse(pm, 'Mentés mégis, ez másik személy');
  assert.equal(saved.status(), 303);
  const secondPath = new URL(pm.url()).pathname;
  assert.notEqual(secondPath, firstPath);

  // The person page flags the pair; merging shows both side by side first.
  const flag = pm.locator('section.duplicates');
  assert.match(await textOf(flag), new RegExp(name));
  await accessible(t, pm, 'person page with a duplicate flag (hu)');
  await screenshot(pm, 'people-person.png');
  await flag.getByRole('link', { name: /^Összevonás/ }).click();
  await pm.waitForLoadState('load');
  assert.match(pm.url(), /\/merge\?other=\d+$/);
  assert.equal(await pm.locator('.compare section').count(), 2);
  await accessible(t, pm, 'merge page (hu)');
  await screenshot(pm, 'people-merge.png');

  const merged = await submitForResponse(pm, 'Összevonás');
  assert.equal(merged.status(), 303);
  assert.equal(new URL(pm.url()).pathname, secondPath);
  assert.match(await textOf(pm.locator('.flash')), /összevontuk/);
  assert.equal(await pm.locator('section.duplicates').count(), 0, 'no duplicate left');
  // The merged record leads to the kept one; the list has one of them.
  await pm.goto(firstPath);
  assert.equal(new URL(pm.url()).pathname, secondPath);
  await open(pm, `/admin/people?q=${encodeURIComponent(name)}`);
  assert.equal(await pm.locator('tbody tr').count(), 1);

  // English, and on a phone.
  // The account keeps the language it chose: give the next test files Hungarian back.
  t.after(() => open(pm, '/lang/hu?next=/'));
  await open(pm, `/lang/en?next=${encodeURIComponent(secondPath)}`);
  assert.match(await textOf(pm.locator('#p-records')), /Participation/);
  await accessible(t, pm, 'person page (en)');
  await open(pm, `/lang/en?next=${encodeURIComponent('/admin/people/new')}`);
  await fillPerson(pm, name);
  assert.equal((await submitForResponse(pm, 'Save')).status(), 200);
  assert.match(await textOf(pm.locator('.duplicates')), /may already be in the registry/);
  await accessible(t, pm, 'duplicate warning (en)');
  await pm.setViewportSize(PHONE);
  await accessible(t, pm, 'duplicate warning (en, phone)');
  await noSidewaysScroll(pm);
  await screenshot(pm, 'people-duplicate-warning-en-phone.png');
  await open(pm, `/admin/people/${secondPath.split('/').pop()}/merge?q=${encodeURIComponent(RUN)}`);
  await accessible(t, pm, 'merge search (en, phone)');
  await noSidewaysScroll(pm);
  await open(pm, secondPath);
  await accessible(t, pm, 'person page (en, phone)');
  await noSidewaysScroll(pm);
  await screenshot(pm, 'people-person-en-phone.png');
  await open(pm, '/admin/people');
  await accessible(t, pm, 'people list (en, phone)');
  await noSidewaysScroll(pm);
});
