// Browser tests for "Ask the experts": the demo resident asks Kisbér's experts (an empty
// title is refused and the text kept), sees the question waiting on their own list;
// Kisbér's coordinator publishes it from the moderation queue; the demo mentor answers
// it; the resident then finds the answer through the header's search box typed without
// accents. axe finds no serious or critical violation on any page visited, in Hungarian
// and in English. Screenshots go to e2e/test-results/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  accessible,
  ACCOUNTS,
  DEMO_PASSWORD,
  findProgramme,
  launchBrowser,
  newPage,
  noSidewaysScroll,
  open,
  screenshot,
  signIn,
  submitForResponse,
  textOf,
} from './support.mjs';

const RUN = Date.now().toString(36);
const RESIDENT = { email: 'lakos@demo.kozos.hu', password: DEMO_PASSWORD };
const COORDINATOR = { email: 'koordinator@demo.kozos.hu', password: DEMO_PASSWORD };

let browser;

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('a resident asks, the coordinator publishes, the mentor answers, search finds it', async (t) => {
  const kisber = await findProgramme('Kisbér', (p) => p.code === 'TOP-5.3.1-16-KO1-2017-00005');
  const title = `Hogyan hívjuk meg a szomszédokat egy udvari ünnepre? ${RUN}`;

  // The resident finds the experts in the site's navigation.
  const lakos = await newPage(browser);
  await signIn(lakos, RESIDENT);
  await open(lakos, '/');
  await lakos.getByRole('link', { name: 'Szakértőnk válaszol', exact: true }).first().click();
  await lakos.waitForLoadState('load');
  assert.equal(await textOf(lakos.locator('h1')), 'Szakértőnk válaszol');
  assert.ok(await lakos.locator('.info-entry').count(), 'the demo has answered questions');
  await accessible(t, lakos, 'questions list (hu)');
  await screenshot(lakos, 'questions-list.png');

  // Asking: an empty title is refused and what was typed is kept.
  await lakos.getByRole('link', { name: 'Kérdezz a szakértőktől', exact: true }).first().click();
  await lakos.waitForLoadState('load');
  await accessible(t, lakos, 'asking form (hu)');
  const body = 'A társasházunk udvarán nyár végén közös ünnepet tartanánk, de sokan nem ismerik egymást.';
  await lakos.fill('#question-body', body);
  await lakos.selectOption('#question-programme_id', String(kisber));
  await lakos.fill('#question-tags', 'szomszédság, ünnep');
  const form = lakos.locator('form[action="/questions/new"]');
  const refused = await submitForResponse(lakos, 'Kérdés elküldése', form);
  assert.equal(refused.status(), 422);
  assert.match(await textOf(lakos.locator('#question-title-error')), /Kötelező/);
  assert.equal(await lakos.inputValue('#question-body'), body);
  assert.equal(await lakos.inputValue('#question-programme_id'), String(kisber));
  await accessible(t, lakos, 'refused asking form (hu)');
  await screenshot(lakos, 'questions-refused.png');
  await lakos.fill('#question-title', title);
  const asked = await submitForResponse(lakos, 'Kérdés elküldése', lakos.locator('form[action="/questions/new"]'));
  assert.equal(asked.status(), 303);
  assert.equal(new URL(lakos.url()).pathname, '/questions/mine');
  const mine = lakos.locator('.info-entry', { hasText: title });
  assert.match(await textOf(mine), /Moderálásra vár/);
  await accessible(t, lakos, 'my questions (hu)');
  await screenshot(lakos, 'questions-mine.png');

  // The coordinator publishes it from the queue.
  const coord = await newPage(browser);
  await signIn(coord, COORDINATOR);
  await coord.getByRole('link', { name: 'Kérdések moderálása', exact: true }).click();
  await coord.waitForLoadState('load');
  assert.equal(new URL(coord.url()).pathname, '/admin/questions');
  const waiting = coord.locator('article.question', { hasText: title });
  assert.equal(await waiting.count(), 1);
  await accessible(t, coord, 'moderation queue (hu)');
  await screenshot(coord, 'questions-queue.png');
  const published = await submitForResponse(coord, 'Közzététel', waiting);
  assert.equal(published.status(), 303);
  assert.equal(await coord.locator('article.question', { hasText: title }).count(), 0);

  // The mentor answers it on its page.
  const mentor = await newPage(browser);
  await signIn(mentor, ACCOUNTS.mentor);
  await open(mentor, '/questions?order=newest');
  await mentor.getByRole('link', { name: title, exact: true }).click();
  await mentor.waitForLoadState('load');
  assert.equal(await textOf(mentor.locator('h1')), title);
  await mentor.fill(
    '#answer-body',
    'Egy kézzel írt **meghívó** a postaládában többet ér bármilyen plakátnál. Kérjétek meg a legrégebben ott lakókat, hogy hozzanak egy-egy tál süteményt: a szomszédünnepet így mindenki a sajátjának érzi.',
  );
  const answered = await submitForResponse(mentor, 'Válasz közzététele', mentor.locator('form[action$="/answers"]'));
  assert.equal(answered.status(), 303);
  const answer = mentor.locator('article.answer').first();
  assert.match(await textOf(answer.locator('.meta')), /Mentor Mária, mentor/);
  assert.equal(await answer.locator('strong', { hasText: 'meghívó' }).count(), 1);
  await accessible(t, mentor, 'an answered question (hu)');
  await screenshot(mentor, 'questions-answered.png');

  // The resident finds the answer through the header's search box, typed without accents.
  await open(lakos, '/');
  await lakos.fill('#hq', `szomszedunnep ${RUN}`);
  await Promise.all([lakos.waitForEvent('load'), lakos.press('#hq', 'Enter')]);
  assert.equal(new URL(lakos.url()).pathname, '/search');
  const first = lakos.locator('.search-result').first();
  assert.equal(await textOf(first.locator('h2')), title);
  await accessible(t, lakos, 'question found by search (hu)');
  await first.locator('h2 a').click();
  await lakos.waitForLoadState('load');
  assert.equal(await textOf(lakos.locator('h1')), title);
  assert.match(await textOf(lakos.locator('article.answer')), /szomszédünnepet/);
  const questionPath = new URL(lakos.url()).pathname;

  // The same pages in English, and on a phone.
  await open(lakos, `/lang/en?next=${encodeURIComponent(questionPath)}`);
  assert.match(await textOf(lakos.locator('#answers-title')), /1 answer/);
  await accessible(t, lakos, 'an answered question (en)');
  await open(lakos, '/questions/new');
  await accessible(t, lakos, 'asking form (en)');
  await open(lakos, '/questions?answered=yes');
  await accessible(t, lakos, 'questions list (en)');
  await open(coord, `/lang/en?next=${encodeURIComponent('/admin/questions')}`);
  await accessible(t, coord, 'moderation queue (en)');
  // The language stays with the accounts: give the demo accounts back their Hungarian
  // for the tests that follow.
  await open(coord, '/lang/hu?next=/');
  await open(lakos, '/lang/hu?next=/');
  const phone = await newPage(browser, { viewport: { width: 375, height: 740 } });
  await open(phone, questionPath);
  await noSidewaysScroll(phone);
  await screenshot(phone, 'questions-phone.png');
});
