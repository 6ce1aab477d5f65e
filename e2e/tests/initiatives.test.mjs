// Browser tests for initiatives: the demo resident proposes an initiative in Kisbér and
// supports another one there; Kisbér's coordinator then moves the proposal to the next
// stage naming one of Kisbér's activities as the workshop, and the public page shows the
// path. Abaúj's list is filtered by stage. axe finds no serious or critical violation on
// any page visited. Screenshots go to e2e/test-results/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  accessible,
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
// The coordinator's grant is Kisbér's programme, so the proposal is made there.
const COORDINATOR = { email: 'koordinator@demo.kozos.hu', password: DEMO_PASSWORD };

let browser;

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('a resident proposes and supports; the coordinator moves it at a workshop', async (t) => {
  const kisber = await findProgramme('Kisbér', (p) => p.code === 'TOP-5.3.1-16-KO1-2017-00005');
  const title = `Közösségi könyvespolc a buszmegállóban ${RUN}`;

  const lakos = await newPage(browser);
  await signIn(lakos, RESIDENT);
  await open(lakos, `/programmes/${kisber}`);
  await lakos.getByRole('link', { name: 'Kezdeményezések', exact: true }).click();
  await lakos.waitForLoadState('load');
  assert.equal(await textOf(lakos.locator('h1')), 'Kezdeményezések');
  await accessible(t, lakos, 'initiatives list (hu)');
  await screenshot(lakos, 'initiatives-list.png');

  // Propose: a refused form first (markup), then the real one.
  await lakos.getByRole('link', { name: 'Javaslat beküldése', exact: true }).click();
  await lakos.waitForLoadState('load');
  await accessible(t, lakos, 'proposal form (hu)');
  await lakos.fill('#initiative-title', 'Polc <b>most</b>');
  await lakos.fill('#initiative-summary', 'Egy polc, ahová bárki hozhat és vihet könyvet.');
  const refused = await submitForResponse(lakos, 'Javaslat beküldése', lakos.locator('form[action$="/new"]'));
  assert.equal(refused.status(), 422);
  assert.match(await textOf(lakos.locator('#initiative-title-error')), /HTML-jelölést/);
  assert.equal(await lakos.inputValue('#initiative-title'), 'Polc <b>most</b>');
  await accessible(t, lakos, 'refused proposal form (hu)');
  await screenshot(lakos, 'initiatives-refused.png');
  await lakos.fill('#initiative-title', title);
  const sent = await submitForResponse(lakos, 'Javaslat beküldése', lakos.locator('form[action$="/new"]'));
  assert.equal(sent.status(), 303);
  const proposalPath = new URL(lakos.url()).pathname;
  assert.match(proposalPath, new RegExp(`^/programmes/${kisber}/initiatives/\\d+$`));
  assert.equal(await textOf(lakos.locator('h1')), title);
  await accessible(t, lakos, 'the new initiative (hu)');
  await screenshot(lakos, 'initiatives-proposed.png');

  // Support another initiative of Kisbér.
  await open(lakos, `/programmes/${kisber}/initiatives`);
  await lakos.getByRole('link', { name: 'Kisbéri Filmklub folytatása', exact: true }).click();
  await lakos.waitForLoadState('load');
  const box = lakos.locator('section.support');
  const before = await textOf(box.locator('.count'));
  const supported = await submitForResponse(lakos, 'Támogatom', box);
  assert.equal(supported.status(), 303);
  assert.match(await textOf(lakos.locator('.flash')), /Köszönjük a támogatásodat/);
  assert.notEqual(await textOf(box.locator('.count')), before);
  assert.match(await textOf(box), /Támogatod ezt a kezdeményezést/);
  await accessible(t, lakos, 'a supported initiative (hu)');
  await screenshot(lakos, 'initiatives-supported.png');

  // The coordinator moves the proposal on, naming where it was decided.
  const coord = await newPage(browser);
  await signIn(coord, COORDINATOR);
  const id = proposalPath.split('/').pop();
  await open(coord, `/admin/programmes/${kisber}/initiatives`);
  await accessible(t, coord, 'back-office list (hu)');
  await coord.getByRole('link', { name: title, exact: true }).click();
  await coord.waitForLoadState('load');
  assert.equal(new URL(coord.url()).pathname, `/admin/programmes/${kisber}/initiatives/${id}`);
  await accessible(t, coord, 'back-office initiative page (hu)');
  const move = coord.locator('form[action$="/move"]');
  await coord.selectOption('#move-to', 'selected');
  const skipped = await submitForResponse(coord, 'Áthelyezés', move);
  assert.equal(skipped.status(), 422, 'a skip without a reason is refused');
  assert.match(await textOf(coord.locator('#move-reason-error')), /indoklás kell/);
  await accessible(t, coord, 'refused move (hu)');
  await coord.selectOption('#move-to', 'explored');
  const workshop = coord.locator('#move-activity_id option').nth(1);
  const workshopLabel = await workshop.textContent();
  await coord.selectOption('#move-activity_id', await workshop.getAttribute('value'));
  const moved = await submitForResponse(coord, 'Áthelyezés', coord.locator('form[action$="/move"]'));
  assert.equal(moved.status(), 303);
  await screenshot(coord, 'initiatives-admin.png');

  // The moderation queue (Kisbér's demo comments are unreported: empty, and accessible).
  await open(coord, `/admin/programmes/${kisber}/moderation`);
  assert.equal(await textOf(coord.locator('h1')), 'Moderálás: jelzett hozzászólások');
  await accessible(t, coord, 'moderation queue (hu)');

  // Anyone sees the path on the public page.
  await open(lakos, proposalPath);
  const history = await textOf(lakos.locator('ol.history'));
  assert.match(history, /Javasolt → Feltárt/);
  const workshopTitle = workshopLabel.split(' – ').slice(1).join(' – ').trim();
  assert.ok(history.includes(workshopTitle), `the move names ${workshopTitle}`);
  await accessible(t, lakos, 'the moved initiative (hu)');
  await screenshot(lakos, 'initiatives-moved.png');
});

test("Abaúj's initiatives filter by stage, in English too", async (t) => {
  const abauj = await findProgramme('Abaúj', (p) => p.title.includes('Abaúj'));
  const page = await newPage(browser);
  await open(page, `/programmes/${abauj}/initiatives?stage=set_aside`);
  const items = page.locator('ul.initiatives > li');
  assert.equal(await items.count(), 3);
  await accessible(t, page, 'set-aside initiatives (hu)');
  await page.getByRole('link', { name: 'Kerékpáros turistaút a Hernád-völgyben', exact: true }).click();
  await page.waitForLoadState('load');
  assert.match(await textOf(page.locator('ol.history')), /Félretett/);
  await accessible(t, page, 'a set-aside initiative (hu)');
  await screenshot(page, 'initiatives-set-aside.png');
  await open(page, '/lang/en?next=' + encodeURIComponent(`/programmes/${abauj}/initiatives`));
  assert.equal(await textOf(page.locator('h1')), 'Initiatives');
  await accessible(t, page, 'initiatives list (en)');

  // On a phone: nothing to scroll sideways.
  const phone = await newPage(browser, { viewport: { width: 375, height: 740 } });
  await open(phone, `/programmes/${abauj}/initiatives`);
  await noSidewaysScroll(phone);
  await phone.getByRole('link', { name: 'Gönci barack: a kistermelők összefogása', exact: true }).click();
  await phone.waitForLoadState('load');
  await noSidewaysScroll(phone);
  assert.match(await textOf(phone.locator('.outcome')), /Civil szervezet alakult: Gönci Barackvirág Egyesület/);
  await accessible(t, phone, 'an implemented initiative on a phone (hu)');
  await screenshot(phone, 'initiatives-phone.png');
});
