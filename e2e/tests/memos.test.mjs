// Browser tests for memos, the Information Point and search: Kisbér's coordinator writes
// the memo of a conversation (a follow-up with a date that is not one is refused and
// kept), publishes it and takes its follow-up into the action plan; a resident then finds it first at the programme's Information
// Point and through the search box in the page header, typed without accents. axe finds
// no serious or critical violation on any page visited. Screenshots go to
// e2e/test-results/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  accessible,
  DEMO_PASSWORD,
  findProgramme,
  launchBrowser,
  newPage,
  open,
  screenshot,
  signIn,
  submitForResponse,
  textOf,
} from './support.mjs';

const RUN = Date.now().toString(36);
const COORDINATOR = { email: 'koordinator@demo.kozos.hu', password: DEMO_PASSWORD };

let browser;

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('a coordinator publishes a memo; residents find it at the Information Point and in search', async (t) => {
  const kisber = await findProgramme('Kisbér', (p) => p.code === 'TOP-5.3.1-16-KO1-2017-00005');
  const title = `Emlékeztető – a tücsökzenei estről ${RUN}`;

  const coord = await newPage(browser);
  await signIn(coord, COORDINATOR);
  await open(coord, `/admin/programmes/${kisber}`);
  await coord.getByRole('link', { name: 'Emlékeztetők', exact: true }).click();
  await coord.waitForLoadState('load');
  assert.equal(await textOf(coord.locator('h1')), 'Emlékeztetők');
  await accessible(t, coord, 'memo board (hu)');
  await screenshot(coord, 'memos-board.png');

  // The first conversation, forum or workshop still without a memo.
  await coord.locator('a', { hasText: 'Emlékeztető írása' }).first().click();
  await coord.waitForLoadState('load');
  assert.equal(await textOf(coord.locator('h1')), 'Emlékeztető írása');
  await accessible(t, coord, 'memo form (hu)');
  const form = coord.locator('form[action$="/memos"]');
  await form.locator('[name=title]').fill(title);
  await form.locator('[name=moderator]').fill('Szakmai koordinátor');
  await form
    .locator('[name=body]')
    .fill('## Elhangzott\n\nA **tücsökzene** estjén a lakók a nyári programokról beszéltek.');
  await form.locator('[name=follow_ups]').fill('Plakát a könyvtárba; Anna; jövő héten');
  await form.locator('[name=published]').check();
  const refused = await submitForResponse(coord, 'Hozzáadás', form);
  assert.equal(refused.status(), 422);
  const kept = coord.locator('form[action$="/memos"]');
  assert.equal(await kept.locator('[name=follow_ups]').inputValue(), 'Plakát a könyvtárba; Anna; jövő héten');
  assert.equal(await kept.locator('[name=title]').inputValue(), title);
  assert.match(await textOf(coord.locator('.error-summary')), /nem dátum/);
  await accessible(t, coord, 'refused memo form (hu)');
  await screenshot(coord, 'memos-refused.png');
  await kept.locator('[name=follow_ups]').fill('Plakát a könyvtárba; Anna; 2026. 12. 01.');
  const saved = await submitForResponse(coord, 'Hozzáadás', kept);
  assert.equal(saved.status(), 303);
  assert.equal(new URL(coord.url()).pathname, `/admin/programmes/${kisber}/memos`);
  assert.ok(await coord.getByRole('link', { name: title, exact: true }).count());

  // Its follow-up goes into Kisbér's action plan, under a goal picked from the list.
  const row = coord.locator('tr', { has: coord.getByRole('link', { name: title, exact: true }) });
  await row.getByRole('link', { name: /Teendők a tervbe \(0 \/ 1 bekerült\)/ }).click();
  await coord.waitForLoadState('load');
  assert.equal(await textOf(coord.locator('h1')), 'Teendők a cselekvési tervbe');
  await accessible(t, coord, 'follow-ups into the plan (hu)');
  const take = coord.locator('ol.follow-ups > li').first();
  assert.match(await textOf(take.locator('p').first()), /Plakát a könyvtárba · Anna · 2026\. 12\. 01\./);
  await take.getByLabel('Melyik cél alá?').selectOption({ index: 1 });
  const goal = await take.locator('select option:checked').innerText();
  const [taken] = await Promise.all([
    coord.waitForResponse((r) => r.request().method() === 'POST'),
    coord.waitForEvent('load'),
    take.getByRole('button', { name: /^Felveszem a tervbe/ }).click(),
  ]);
  assert.equal(taken.status(), 303);
  assert.equal(await textOf(coord.locator('p.flash')), 'A teendő bekerült a cselekvési tervbe.');
  const inPlan = coord.locator('ol.follow-ups > li').first().locator('li');
  assert.match(await textOf(inPlan), new RegExp(`A tervben: .* › ${goal.split(' › ').pop()}`));
  await accessible(t, coord, 'follow-up in the plan (hu)');
  await screenshot(coord, 'memos-follow-ups.png');

  // A resident (no account) at the Information Point: the newest entry is the memo.
  const reader = await newPage(browser);
  await open(reader, `/programmes/${kisber}`);
  await reader.getByRole('link', { name: 'Információs Pont', exact: true }).click();
  await reader.waitForLoadState('load');
  assert.equal(await textOf(reader.locator('.info-entry h2').first()), title);
  await accessible(t, reader, 'Information Point (hu)');
  await screenshot(reader, 'memos-info-point.png');
  await reader.getByRole('link', { name: title, exact: true }).click();
  await reader.waitForLoadState('load');
  assert.equal(await textOf(reader.locator('h1')), title);
  assert.match(await textOf(reader.locator('.prose')), /tücsökzene/);
  assert.match(await textOf(reader.locator('table')), /Plakát a könyvtárba/);
  await accessible(t, reader, 'a published memo (hu)');

  // The header's search box, typed without accents, finds it with the word marked.
  await reader.fill('#hq', `tucsokzene ${RUN}`);
  await Promise.all([reader.waitForEvent('load'), reader.press('#hq', 'Enter')]);
  assert.equal(new URL(reader.url()).pathname, '/search');
  const first = reader.locator('.search-result').first();
  assert.equal(await textOf(first.locator('h2')), title);
  assert.match(await first.locator('mark').first().innerText(), /tücsökzene/i);
  await accessible(t, reader, 'search results (hu)');
  await screenshot(reader, 'search-results.png');
  await first.locator('h2 a').click();
  await reader.waitForLoadState('load');
  assert.equal(await textOf(reader.locator('h1')), title);

  // The same search in English.
  await open(reader, `/lang/en?next=${encodeURIComponent(`/search?q=tucsokzene+${RUN}`)}`);
  assert.match(await textOf(reader.locator('[role=status]')), /1 result/);
  await accessible(t, reader, 'search results (en)');
});
