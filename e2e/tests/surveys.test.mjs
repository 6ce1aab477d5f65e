// Browser tests for the needs assessment: a resident answers Kisbér's public survey
// anonymously (the weekend question appears only once "Hétvégén" is ticked), then the
// coordinator reads the results (chart with its table) and downloads the answers as
// XLSX; the local action plan shows its progress. axe finds no serious or critical
// violation on any of these pages.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  DEMO_PASSWORD,
  accessible,
  findProgramme,
  launchBrowser,
  newPage,
  open,
  screenshot,
  signIn,
  submitForResponse,
  textOf,
} from './support.mjs';

const COORDINATOR = { email: 'koordinator@demo.kozos.hu', password: DEMO_PASSWORD };
const SURVEY = 'Lakossági kérdőív a kisbéri programokról';
let browser;
let kisberId;

before(async () => {
  browser = await launchBrowser();
  kisberId = await findProgramme('Kisbér', (p) => p.code === 'TOP-5.3.1-16-KO1-2017-00005');
});
after(async () => {
  await browser?.close();
});

test('a resident answers the public survey and the coordinator reads the results', async (t) => {
  const coord = await newPage(browser);
  await signIn(coord, COORDINATOR);
  // A signed-in person's language is kept with the account: start in Hungarian.
  await open(coord, `/lang/hu?next=${encodeURIComponent(`/admin/programmes/${kisberId}/surveys`)}`);
  await accessible(t, coord, 'surveys list');
  await screenshot(coord, 'surveys-list.png');
  // Wait for the questionnaire's own address: "load" alone may be the list's, still.
  await Promise.all([
    coord.waitForURL(/\/surveys\/\d+$/),
    coord.getByRole('link', { name: SURVEY, exact: true }).click(),
  ]);
  await coord.waitForLoadState('load');
  await accessible(t, coord, 'questionnaire page');
  await screenshot(coord, 'survey-builder.png');
  const surveyPath = new URL(coord.url()).pathname;
  const publicPath = await coord.getByRole('link', { name: 'Nyilvános oldal' }).getAttribute('href');
  assert.match(publicPath, /^\/surveys\/\d+$/);

  // the resident, not signed in
  const resident = await newPage(browser);
  await open(resident, publicPath);
  const weekend = resident.locator('[data-when-v="Hétvégén"]');
  assert.equal(await weekend.isVisible(), false, 'hidden until its answer is ticked');
  await accessible(t, resident, 'public survey');
  await resident.getByLabel('Filmklub').check();
  await resident.getByLabel('Hétvégén').check();
  assert.equal(await weekend.isVisible(), true, 'shown once "Hétvégén" is ticked');
  await resident.getByLabel('Vasárnap').check();
  await resident.getByLabel('Van más ötlete?').fill('Kertmozi nyáron a parkban.');
  await screenshot(resident, 'survey-public.png');
  const res = await submitForResponse(resident, 'Válaszok elküldése');
  assert.equal(res.status(), 303);
  assert.match(new URL(resident.url()).pathname, /\/thanks$/);
  assert.match(await textOf(resident.locator('h1')), /Köszönjük/);
  await accessible(t, resident, 'thank-you page');

  // the coordinator's results: the new answer counted, the chart with its table
  await open(coord, `${surveyPath}/results`);
  assert.match(await textOf(coord.locator('main')), /13 kitöltés/);
  assert.ok((await coord.locator('svg.chart').count()) >= 3);
  assert.match(await textOf(coord.locator('main')), /Kertmozi nyáron a parkban\./);
  await accessible(t, coord, 'results');
  await screenshot(coord, 'survey-results.png');
  const [download] = await Promise.all([
    coord.waitForEvent('download'),
    coord.getByRole('link', { name: 'Válaszok letöltése (XLSX)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^kerdoiv-\d+-valaszok\.xlsx$/);
  const bytes = readFileSync(await download.path());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'an XLSX is a ZIP');
});

test('the local action plan shows its progress, and its public page is readable', async (t) => {
  const coord = await newPage(browser);
  await signIn(coord, COORDINATOR);
  await open(coord, `/lang/hu?next=${encodeURIComponent(`/admin/programmes/${kisberId}/plans`)}`);
  await accessible(t, coord, 'plans list');
  await coord.getByRole('link', { name: 'Kisbér helyi cselekvési terve', exact: true }).click();
  await coord.waitForLoadState('load');
  assert.ok((await coord.locator('progress').count()) > 3);
  await accessible(t, coord, 'plan page');
  await screenshot(coord, 'plan.png');
  const publicPath = await coord.getByRole('link', { name: 'Nyilvános oldal' }).getAttribute('href');
  const anon = await newPage(browser);
  await open(anon, publicPath);
  assert.match(await textOf(anon.locator('main')), /Művelődő Közösségek – Filmklub/);
  await accessible(t, anon, 'public plan');
  await screenshot(anon, 'plan-public.png');
});
