// Browser tests for what keeps data from being lost or changed by mistake, as people meet
// it: deleting asks first and is logged by name; two people saving the same form; a form
// sent twice; guessing at a password; error pages that keep your menu. Each flow also
// checks its new page with axe (WCAG 2.1 A/AA) and takes a screenshot into
// e2e/test-results/.
//
// These tests share the demo database with site.test.mjs (run at the same time), so they
// change only what it does not look at: the Cselekvő közösségek, 2005 network and Abaúj
// programmes, records they create themselves, and the mentor account for throttling.
// Throttling counts a day of failures, so the file expects a fresh database (as
// scripts/e2e.sh provides).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ACCOUNTS,
  apiProgramme,
  axeViolations,
  findProgramme,
  launchBrowser,
  newPage,
  open,
  screenshot,
  signIn,
  submit,
  submitForResponse,
  textOf,
} from './support.mjs';

const SAVED_HU = 'A változásokat elmentettük.';
const DELETED_HU = 'A tételt töröltük.';
const ASK_HU = 'Biztosan törlöd?';
const WITH_IT_HU = 'Vele együtt törlődik:';
const LOGGED_HU = 'A törlést a változásnaplóban név szerint rögzítjük.';
const CONFIRM_HU = 'Igen, törlöm';
const CONFLICT_HU = 'Közben valaki más is elmentette ezt az adatot.';
const TAKEN_HU = 'átvettük az űrlapba';
const KEPT_HU = 'a te értéked maradt az űrlapban';
const WRONG_PASSWORD_HU = 'Hibás e-mail-cím vagy jelszó.';
const THROTTLED_RE =
  /^Túl sok sikertelen bejelentkezés történt\. A következő próbálkozás (\d+) másodperc múlva lehetséges\./;
const CSELEKVO_CODE = 'EFOP-1.3.1-15-2016-00001';
/** Makes the names this run creates its own. */
const RUN = Date.now().toString(36).slice(-5);

let browser;
let cselekvoId; // two editors
let networkId; // deletes
let abaujId; // double submission

before(async () => {
  cselekvoId = await findProgramme('Cselekvő', (p) => p.code === CSELEKVO_CODE);
  networkId = await findProgramme('hálózat', (p) => p.title.endsWith('(2005)'));
  abaujId = await findProgramme('Abaúj', (p) => /Abaúji kistérség/.test(p.title));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** A fresh page of its own, closed when `t` ends. */
async function pageFor(t, options) {
  const page = await newPage(browser, options);
  t.after(() => page.context().close());
  return page;
}

/** Screenshot, then axe as a subtest of `t` (serious or critical violations fail it). */
async function review(t, page, name, file) {
  await screenshot(page, file);
  await t.test(`accessibility: ${name}`, async (st) => {
    const found = await axeViolations(st, page);
    if (found.length) assert.fail(`${name}:\n  ${found.join('\n  ')}`);
  });
}

/** Follows a link like a person (a click), returning the response of the page it leads to. */
async function follow(page, link) {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && r.request().method() === 'GET'),
    page.waitForEvent('load'),
    link.click(),
  ]);
  return res;
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Matches exactly this text (for hasText). */
const exactly = (s) => new RegExp(`^${escapeRe(s)}$`);

/** The accessible name of the "Törlés" link of `about` ("Törlés: <about>"; Chrome reads
 * the visually hidden part as a separate block, so there may be a space before the colon). */
const deleteName = (about) => new RegExp(`^Törlés\\s*: ${escapeRe(about)}$`);

/** A manage-page section, by its heading's id (m-staff, m-partners, m-areas, m-groups). */
const section = (page, id) => page.locator(`section[aria-labelledby="${id}"]`);
/** The items of a manage-page section whose name (the bold text) is exactly `name`. */
const items = (page, id, name) =>
  section(page, id).locator('ul.items > li', { has: page.locator(':scope > strong', { hasText: exactly(name) }) });
const flash = (page) => page.locator('.flash[role=status]');
/** The change log's lines, as read on the page. */
async function history(page) {
  const log = page.locator('section[aria-labelledby="m-history"]');
  assert.equal(await textOf(log.locator('h2')), 'Változásnapló');
  return log.locator('li').evaluateAll((lis) => lis.map((li) => li.innerText.replace(/\s+/g, ' ').trim()));
}

// ---- 1. deleting asks first ----

/**
 * On the manage page, follows the "Törlés" link of `about`, checks the confirmation page
 * and returns its path.
 */
async function openDelete(page, about, { title, what, withIt = [] }) {
  const link = page.getByRole('link', { name: deleteName(about) });
  assert.equal(await link.count(), 1, `one delete link for ${about}`);
  assert.match(await link.getAttribute('class'), /\bdanger\b.*\bsmall\b|\bsmall\b.*\bdanger\b/);
  const manage = new URL(page.url()).pathname;
  const res = await follow(page, link);
  assert.equal(res.status(), 200, `confirmation page of ${about}`);
  const path = new URL(page.url()).pathname;
  assert.match(path, new RegExp(`^${escapeRe(manage)}/(staff|partners|agreements|areas|target-groups)/\\d+/delete$`));
  const main = page.locator('main');
  assert.equal(await textOf(main.locator('h1')), title);
  assert.match(await page.title(), new RegExp(`^${escapeRe(title)} – `));
  assert.equal(await textOf(main.locator('p', { hasText: ASK_HU })), `${ASK_HU} ${what}`);
  if (withIt.length) {
    assert.ok(await main.getByText(WITH_IT_HU, { exact: true }).isVisible(), 'what goes with it is said');
    assert.deepEqual((await main.locator('ul > li').allInnerTexts()).sort(), [...withIt].sort());
  } else {
    assert.equal(await main.getByText(WITH_IT_HU).count(), 0, 'nothing goes with it');
  }
  assert.ok(await main.getByText(LOGGED_HU, { exact: true }).isVisible(), 'says the delete is logged');
  assert.ok(await main.getByRole('button', { name: CONFIRM_HU, exact: true }).isVisible());
  assert.equal(await main.getByRole('link', { name: 'Mégse', exact: true }).getAttribute('href'), manage);
  return path;
}

/** Confirms on the confirmation page; checks the manage page it returns to. */
async function confirmDelete(page) {
  const confirmPath = new URL(page.url()).pathname;
  const res = await submitForResponse(page, CONFIRM_HU);
  assert.equal(res.status(), 303, `POST ${confirmPath}`);
  assert.equal(new URL(page.url()).pathname, confirmPath.replace(/\/[a-z-]+\/\d+\/delete$/, ''));
  assert.equal(await textOf(flash(page)), DELETED_HU);
}

test('deleting a part asks first, names what goes with it and logs it by name (without JavaScript)', async (t) => {
  const page = await pageFor(t, { javaScriptEnabled: false });
  await signIn(page, ACCOUNTS.admin);
  const manage = `/admin/programmes/${networkId}`;
  await open(page, manage);

  // A staff member of our own.
  const staff = `Törlendő Tímea ${RUN}`;
  const staffForm = page.locator(`form[action="${manage}/staff"]`);
  await page.fill('#staff-name', staff);
  await page.selectOption('#staff-position', { label: 'mentor' });
  assert.equal(await submit(page, 'Hozzáadás', staffForm), 303);
  assert.equal(await textOf(flash(page)), SAVED_HU);
  assert.equal(await items(page, 'm-staff', staff).count(), 1);

  // "Törlés" is a link to a question, not a button that deletes: "Mégse" keeps it.
  const staffPage = await openDelete(page, staff, { title: 'Munkatárs törlése', what: staff });
  await follow(page, page.getByRole('link', { name: 'Mégse', exact: true }));
  assert.equal(new URL(page.url()).pathname, manage);
  assert.equal(await flash(page).count(), 0, 'no message after "Mégse"');
  assert.equal(await items(page, 'm-staff', staff).count(), 1, 'still there after "Mégse"');

  // "Igen, törlöm" deletes it, and the change log names it.
  await openDelete(page, staff, { title: 'Munkatárs törlése', what: staff });
  await confirmDelete(page);
  assert.equal(await items(page, 'm-staff', staff).count(), 0, 'staff member gone');
  const staffLog = (await history(page)).filter((l) => l.endsWith(`Munkatárs törlése: ${staff}`));
  assert.equal(staffLog.length, 1, 'one log line for the deleted staff member');
  assert.match(staffLog[0], /admin@demo\.kozos\.hu · Munkatárs törlése: /);
  // Asking again about what is gone: not found.
  await open(page, staffPage, 404);
  await open(page, manage);

  // A partner with three agreements; one agreement deleted on its own first.
  const org = 'Nemzeti Művelődési Intézet';
  const dated = `Közös rendezvények ${RUN}`;
  const undated = `Önkéntesek képzése ${RUN}`;
  const third = `Kiadvány ${RUN}`;
  const partnerForm = page.locator(`form[action="${manage}/partners"]`);
  await page.selectOption('#partner-organisation_id', { label: org });
  await page.selectOption('#partner-role', { label: 'együttműködő partner' });
  await page.fill('#partner-signed_on', '2024-03-01');
  await page.fill('#partner-scope', dated);
  assert.equal(await submit(page, 'Hozzáadás', partnerForm), 303);
  for (const scope of [undated, third]) {
    const partner = items(page, 'm-partners', org);
    await partner.locator('summary', { hasText: 'Együttműködési megállapodás hozzáadása' }).click();
    const form = partner.locator('form');
    await form.locator('textarea[name=scope]').fill(scope);
    assert.equal(await submit(page, 'Hozzáadás', form), 303, `adding agreement ${scope}`);
  }
  assert.equal(await items(page, 'm-partners', org).locator('ul > li').count(), 3);

  await openDelete(page, third, { title: 'Együttműködési megállapodás törlése', what: `${org} – ${third}` });
  await confirmDelete(page);
  const partner = items(page, 'm-partners', org);
  assert.equal(await partner.count(), 1, 'the partner stays when one agreement goes');
  assert.deepEqual(
    (await partner.locator('ul > li').allInnerTexts()).map((s) => s.replace(/\s*Szerkesztés.*$/s, '')).sort(),
    [`2024. 03. 01.: ${dated}`, `keltezés nélkül: ${undated}`].sort(),
  );
  assert.ok((await history(page)).some((l) => l.endsWith(`Megállapodás törlése: ${org} – ${third}`)));

  // Deleting the partner names the agreements that go with it.
  await openDelete(page, org, {
    title: 'Partner törlése',
    what: org,
    withIt: [`Együttműködési megállapodás: 2024. 03. 01.: ${dated}`, `Együttműködési megállapodás: ${undated}`],
  });
  await confirmDelete(page);
  assert.equal(await items(page, 'm-partners', org).count(), 0, 'partner gone');
  const log = await history(page);
  for (const line of [`Partner törlése: ${org}`, `Megállapodás törlése: ${org} – 2024-03-01: ${dated}`, `Megállapodás törlése: ${org} – ${undated}`]) {
    assert.ok(log.some((l) => l.endsWith(line)), `change log has "${line}":\n${log.join('\n')}`);
  }
  const api = await apiProgramme(networkId);
  assert.ok(!api.partners.some((p) => JSON.stringify(p).includes(RUN)), 'API: partner and agreements gone');
  await open(page, `/programmes/${networkId}`);
  assert.ok(!(await textOf(page.locator('main'))).includes(RUN), 'public page: nothing of them left');
  await open(page, manage);

  // An action area and a target group.
  const area = `Próba akcióterület ${RUN}`;
  await page.fill('#area-name', area);
  await page.fill('#area-settlements', 'Encs');
  assert.equal(await submit(page, 'Hozzáadás', page.locator(`form[action="${manage}/areas"]`)), 303);
  const group = `Próba célcsoport ${RUN}`;
  await page.fill('#group-name', group);
  await page.fill('#group-planned_size', '12');
  assert.equal(await submit(page, 'Hozzáadás', page.locator(`form[action="${manage}/target-groups"]`)), 303);
  let stored = await apiProgramme(networkId);
  assert.ok(stored.action_areas.some((a) => a.name === area) && stored.target_groups.some((g) => g.name === group));

  await openDelete(page, area, { title: 'Akcióterület törlése', what: area });
  await confirmDelete(page);
  await openDelete(page, group, { title: 'Célcsoport törlése', what: group });
  await confirmDelete(page);
  const last = await history(page);
  assert.ok(last.some((l) => l.endsWith(`Akcióterület törlése: ${area}`)), last.join('\n'));
  assert.ok(last.some((l) => l.endsWith(`Célcsoport törlése: ${group}`)), last.join('\n'));
  stored = await apiProgramme(networkId);
  assert.ok(!stored.action_areas.some((a) => a.name === area), 'API: area gone');
  assert.ok(!stored.target_groups.some((g) => g.name === group), 'API: target group gone');
  assert.equal(stored.target_groups.length, 3, 'the demo target groups stay');
});

test('a read-only person is not even asked: the confirmation page is 403 for the auditor', async (t) => {
  const page = await pageFor(t);
  const kecskemetId = await findProgramme('Kecskemét', (p) => /Kecskem/.test(p.title));
  const group = (await apiProgramme(kecskemetId)).target_groups[0];
  await signIn(page, ACCOUNTS.auditor);
  await open(page, `/admin/programmes/${kecskemetId}`);
  assert.equal(await page.getByRole('link', { name: /^Törlés/ }).count(), 0, 'no delete links');
  await open(page, `/admin/programmes/${kecskemetId}/target-groups/${group.id}/delete`, 403);
  assert.equal(await textOf(page.locator('main h1')), 'Nincs jogosultságod');
});

test('accessibility: a delete confirmation page listing what goes with the partner', async (t) => {
  const page = await pageFor(t);
  await signIn(page, ACCOUNTS.admin);
  // Only looked at, never confirmed: a demo partner of Cselekvő közösségek with its agreement.
  const partner = (await apiProgramme(cselekvoId)).partners.find((p) => p.agreements?.length);
  assert.ok(partner, 'a Cselekvő partner with an agreement');
  await open(page, `/admin/programmes/${cselekvoId}/partners/${partner.id}/delete`);
  assert.ok(await page.getByText(WITH_IT_HU, { exact: true }).isVisible());
  await review(t, page, 'delete confirmation (partner)', 'delete-confirm-partner-hu.png');
  assert.ok((await apiProgramme(cselekvoId)).partners.some((p) => p.id === partner.id), 'looking deletes nothing');
});

// ---- 2. two people save the same form ----

/**
 * Only administrators and the programme's project manager may edit it, so for a second
 * person the administrator first makes Országos Oszkár project manager of Cselekvő
 * közösségek (on /admin/users); `undo` takes the grant back through its confirmation page.
 */
async function grantSecondEditor(admin) {
  const scope = `programme:${cselekvoId}`;
  await open(admin, '/admin/users');
  const card = admin.locator('section.card', { has: admin.locator('h2', { hasText: ACCOUNTS.national.email }) });
  await card.locator('summary', { hasText: 'Jogosultság hozzáadása' }).click();
  const form = card.locator('form');
  await form.locator('select[name=role]').selectOption({ label: 'projektmenedzser' });
  await form.locator('select[name=scope]').selectOption(scope);
  const programme = await form.locator(`select[name=scope] option[value="${scope}"]`).innerText();
  assert.equal(await submit(admin, 'Hozzáadás', form), 303, 'granting Oszkár the programme');
  return async function undo() {
    await open(admin, '/admin/users');
    const revoke = card.getByRole('link', { name: new RegExp(`^Elvétel\\s*: Országos Oszkár – ${escapeRe(programme)}$`) });
    await follow(admin, revoke);
    assert.equal(await textOf(admin.locator('main h1')), 'Jogosultság elvétele');
    assert.equal(await submit(admin, CONFIRM_HU), 303, 'taking the grant back');
  };
}

test('two people save the same programme form', async (t) => {
  const edit = `/admin/programmes/${cselekvoId}/edit`;
  const first = await pageFor(t);
  const second = await pageFor(t);
  await signIn(first, ACCOUNTS.admin);
  const undoGrant = await grantSecondEditor(first);
  await signIn(second, ACCOUNTS.national);
  const stored = await apiProgramme(cselekvoId);
  const bothOpen = async () => {
    for (const page of [first, second]) await open(page, edit);
  };

  try {
    await t.test('a one-line field: the second save is refused (409), merged, and saved again keeps both', async (st) => {
      await bothOpen();
      // The form remembers which version it was opened at and what it showed.
      assert.equal(await second.locator('input[type=hidden][name=_version]').inputValue(), String(stored.version));
      const was = JSON.parse(await second.locator('input[type=hidden][name=_was]').inputValue());
      assert.equal(was.title, stored.title);

      // The first person fills in the intermediate body and saves.
      const body = `Pest Vármegyei Kormányhivatal (${RUN})`;
      await first.fill('#programme-intermediate_body', body);
      assert.equal(await submit(first, 'Mentés'), 303);
      assert.equal(await textOf(flash(first)), SAVED_HU);

      // The second, on the form opened before that, changes the title and saves: refused.
      const title = `${stored.title} – átdolgozva ${RUN}`;
      await second.fill('#programme-title', title);
      assert.equal(await submit(second, 'Mentés'), 409);
      assert.equal(new URL(second.url()).pathname, edit, 'the same form again');
      const notice = second.locator('.conflict[role=alert]');
      assert.ok(await notice.isVisible(), 'conflict notice shown');
      assert.equal(await textOf(notice.locator('strong').first()), CONFLICT_HU);
      const changes = notice.locator('li');
      assert.equal(await changes.count(), 1, 'only the field the other person changed is listed');
      assert.equal(await textOf(changes.first()), `Közreműködő szervezet: „${body}” – ${TAKEN_HU}`);
      assert.equal(await changes.first().locator('a').getAttribute('href'), '#programme-intermediate_body');
      // Both changes are in the form now; nothing of the second person's is stored yet.
      assert.equal(await second.inputValue('#programme-intermediate_body'), body);
      assert.equal(await second.inputValue('#programme-title'), title);
      assert.equal(await second.locator('input[name=_version]').inputValue(), String(stored.version + 1));
      assert.equal((await apiProgramme(cselekvoId)).title, stored.title);
      await review(st, second, 'conflict page (409)', 'conflict-409-hu.png');

      // Saving the merged form again goes through, and the public page has both changes.
      assert.equal(await submit(second, 'Mentés'), 303);
      assert.equal(new URL(second.url()).pathname, `/admin/programmes/${cselekvoId}`);
      assert.equal(await textOf(flash(second)), SAVED_HU);
      const log = await history(second);
      assert.match(log[0], new RegExp(`orszagos@demo\\.kozos\\.hu · Módosítás: ${escapeRe(title)}$`));
      assert.match(log[1], new RegExp(`admin@demo\\.kozos\\.hu · Módosítás: ${escapeRe(stored.title)}$`));
      await open(second, `/programmes/${cselekvoId}`);
      assert.equal(await textOf(second.locator('h1')), title);
      assert.ok((await textOf(second.locator('section.publicity'))).includes(body), 'public page: intermediate body');
      const saved = await apiProgramme(cselekvoId);
      assert.equal(saved.title, title);
      assert.equal(saved.intermediate_body, body);
      assert.equal(saved.version, stored.version + 2);
    });

    // The case as a person meets it most: the description has paragraphs. Browsers send a
    // textarea's line breaks as CRLF while the form's `_was` holds them as LF; the merge
    // must not count the untouched description as changed by the second person.
    await t.test('a multi-line description: the other person’s change is taken into the form and kept', async () => {
      await bothOpen();
      const now = await apiProgramme(cselekvoId);
      assert.ok(now.description.includes('\n'), 'the description has line breaks');
      const addition = `Kiegészítés az első szerkesztőtől (${RUN}).`;
      const description = `${now.description}\n\n${addition}`;
      await first.fill('#programme-description', description);
      assert.equal(await submit(first, 'Mentés'), 303);
      const title = `${now.title} (második mentés ${RUN})`;
      await second.fill('#programme-title', title);
      assert.equal(await submit(second, 'Mentés'), 409);
      const problems = [];
      const notice = await textOf(second.locator('.conflict li'));
      if (!notice.endsWith(`– ${TAKEN_HU}`)) problems.push(`the notice says: …${notice.slice(-60)}`);
      const inForm = await second.inputValue('#programme-description');
      if (!inForm.includes(addition)) problems.push('the merged form does not have the first person’s description');
      assert.equal(await submit(second, 'Mentés'), 303);
      const saved = await apiProgramme(cselekvoId);
      if (saved.title !== title) problems.push('the second person’s title was not saved');
      if (!saved.description.includes(addition)) problems.push('after saving again, the first person’s addition is lost');
      assert.deepEqual(problems, []);
    });

    await t.test('both changed the same field: the second keeps their own text and is shown the other', async () => {
      await bothOpen();
      const now = await apiProgramme(cselekvoId);
      const theirs = `Az első szerkesztő leírása (${RUN}).`;
      const mine = `A második szerkesztő leírása (${RUN}).`;
      await first.fill('#programme-description', theirs);
      assert.equal(await submit(first, 'Mentés'), 303);
      await second.fill('#programme-description', mine);
      assert.equal(await submit(second, 'Mentés'), 409);
      assert.equal(
        await textOf(second.locator('.conflict li')),
        `A projekt tartalmának bemutatása: „${theirs}” – ${KEPT_HU}`,
      );
      assert.equal(await second.inputValue('#programme-description'), mine);
      assert.equal(await second.inputValue('#programme-title'), now.title);
      assert.equal(await submit(second, 'Mentés'), 303);
      assert.equal((await apiProgramme(cselekvoId)).description, mine);
    });
  } finally {
    // The demo text back (from a fresh form), and Oszkár's grant taken back.
    await open(first, edit);
    await first.fill('#programme-title', stored.title);
    await first.fill('#programme-description', stored.description);
    await first.fill('#programme-intermediate_body', stored.intermediate_body ?? '');
    assert.equal(await submit(first, 'Mentés'), 303, 'restoring Cselekvő közösségek');
    await undoGrant();
    await open(second, edit, 403);
  }
});

// ---- 3. the same form sent twice ----

/** The fields a form would send now, its hidden ones included. */
const formFields = (form) => form.evaluate((f) => Object.fromEntries(new FormData(f)));

/** Deletes, through their confirmation pages, the staff members of `manage` this run added. */
async function removeOurStaff(page, manage) {
  await open(page, manage);
  const hrefs = await section(page, 'm-staff')
    .getByRole('link', { name: new RegExp(`^Törlés\\s*: .* ${RUN}$`) })
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const href of hrefs) {
    await open(page, href);
    assert.equal(await submit(page, CONFIRM_HU), 303, `deleting ${href}`);
  }
}

const staffAdded = (log, name) => log.filter((l) => l.endsWith(`Munkatárs felvétele: ${name}`)).length;

test('the "Munkatárs hozzáadása" form sent again (same one-time key) adds one staff member', async (t) => {
  const page = await pageFor(t);
  await signIn(page, ACCOUNTS.admin);
  const manage = `/admin/programmes/${abaujId}`;
  const staffForm = page.locator(`form[action="${manage}/staff"]`);
  const rows = (name) => items(page, 'm-staff', name);
  try {
    // Filled in and sent by a click; then the very same form (same key) twice more, as a
    // double click or a browser retrying on a slow line would send it.
    await open(page, manage);
    const name = `Kétszer Kelemen ${RUN}`;
    await page.fill('#staff-name', name);
    await page.selectOption('#staff-position', { label: 'önkéntes' });
    const fields = await formFields(staffForm);
    assert.ok(fields._once?.length >= 20, `the form carries a one-time key: ${JSON.stringify(fields)}`);
    assert.equal(await submit(page, 'Hozzáadás', staffForm), 303);
    assert.equal(await textOf(flash(page)), SAVED_HU);
    for (let i = 0; i < 2; i++) {
      const again = await page.request.post(`${manage}/staff`, { form: fields, maxRedirects: 0 });
      assert.equal(again.status(), 303, 'the repeat is answered like the first');
      assert.equal(again.headers().location, manage);
    }
    await open(page, manage);
    assert.equal(await rows(name).count(), 1, 'one row after three submissions of one form');
    assert.equal(staffAdded(await history(page), name), 1, 'one "Munkatárs felvétele" in the change log');

    // A freshly opened form is a new submission: a namesake can be added on purpose.
    await page.fill('#staff-name', name);
    await page.selectOption('#staff-position', { label: 'önkéntes' });
    assert.equal(await submit(page, 'Hozzáadás', staffForm), 303);
    assert.equal(await rows(name).count(), 2, 'a second, freshly opened form adds a second row');
  } finally {
    await removeOurStaff(page, manage);
  }
});

// Back re-fetches the manage page (it is no-store) with a NEW one-time key; create forms
// say autocomplete="off", so the browser does not restore what was typed, and pressing
// "Hozzáadás" again cannot add the same person a second time.
test('back and resubmit: the "Munkatárs hozzáadása" form sent again after Back adds one staff member', async (t) => {
  const page = await pageFor(t);
  await signIn(page, ACCOUNTS.admin);
  const manage = `/admin/programmes/${abaujId}`;
  const staffForm = page.locator(`form[action="${manage}/staff"]`);
  try {
    await open(page, manage);
    const name = `Visszalépő Vilma ${RUN}`;
    await page.fill('#staff-name', name);
    await page.selectOption('#staff-position', { label: 'mentor' });
    assert.equal(await submit(page, 'Hozzáadás', staffForm), 303);
    await page.goBack();
    assert.equal(new URL(page.url()).pathname, manage);
    t.diagnostic(`after Back the name field holds "${await page.inputValue('#staff-name')}"`);
    const status = await submit(page, 'Hozzáadás', staffForm);
    t.diagnostic(`resubmitting answered ${status}`);
    await open(page, manage);
    assert.equal(await items(page, 'm-staff', name).count(), 1, 'one row after Back and resubmit');
  } finally {
    await removeOurStaff(page, manage);
  }
});

// ---- 4. guessing at a password ----

test('sign-in throttling: after 5 failures an unknown browser waits (429); the owner’s browser does not', async (t) => {
  const mentor = ACCOUNTS.mentor;
  const wrong = { email: mentor.email, password: 'nem-ez-a-jelszo-2026' };

  // The owner signed in from this browser before, and signed out.
  const own = await pageFor(t);
  await signIn(own, mentor);
  const device = (await own.context().cookies()).find((c) => c.name === 'kozos_device');
  assert.ok(device, 'the browser is remembered (kozos_device cookie)');
  assert.equal(device.httpOnly, true, 'kozos_device is HttpOnly');
  await submit(own, 'Kijelentkezés');
  assert.ok(await own.getByRole('link', { name: 'Bejelentkezés', exact: true }).isVisible(), 'signed out');

  // Someone else guesses from another browser, as a person would: the form comes back
  // with the e-mail kept; type a password again and press "Bejelentkezés".
  const other = await pageFor(t);
  await open(other, '/signin');
  let lastStart = 0;
  const attempt = async ({ email, password }) => {
    await other.fill('#signin-email', email);
    await other.fill('#signin-password', password);
    lastStart = Date.now();
    return submitForResponse(other, 'Bejelentkezés');
  };
  const wrongPassword = async (i) => {
    const res = await attempt(wrong);
    assert.equal(res.status(), 401, `failure ${i} is an ordinary wrong password`);
    assert.equal(await textOf(other.locator('#signin-password-error')), WRONG_PASSWORD_HU);
  };
  for (let i = 1; i <= 4; i++) await wrongPassword(i);
  const throttled = async (res) => {
    assert.equal(res.status(), 429);
    const text = await textOf(other.locator('.error-summary[role=alert] strong'));
    const m = text.match(THROTTLED_RE);
    assert.ok(m, `throttling message: ${text}`);
    assert.equal(res.headers()['retry-after'], m[1], 'Retry-After says the same');
    assert.equal(await other.inputValue('#signin-email'), mentor.email, 'the e-mail stays in the form');
    return Number(m[1]);
  };

  // The sixth attempt, a few tenths of a second after the fifth failure, must wait (the
  // first wait is 1 s). The fifth is sent late in a clock second and the sixth in the
  // next one: were attempt times kept to the whole second, the wait would be measured
  // from the start of the fifth's second and the sixth let through. The sixth goes as
  // soon as the fifth is answered once the next second has begun (a slow answer must not
  // push it a whole second later), else just after that second begins.
  const atMillisecond = (ms) => sleep((ms - (Date.now() % 1000) + 1000) % 1000);
  await atMillisecond(850);
  await wrongPassword(5);
  const fifth = lastStart;
  if (Math.floor(Date.now() / 1000) === Math.floor(fifth / 1000)) await atMillisecond(50);
  const sixth = await attempt(wrong);
  const gap = Date.now() - fifth;
  await t.test('the sixth attempt, within a second of the fifth failure, is refused (429)', async () => {
    assert.ok(gap < 1000, `the sixth attempt came ${gap} ms after the fifth (machine too slow to tell)`);
    assert.equal(sixth.status(), 429, `the sixth attempt, ${gap} ms after the fifth failure, was answered ${sixth.status()}`);
  });
  if (sixth.status() === 429) await throttled(sixth);

  // More failures make the wait grow (1, 2, 4 … s); after each wait an attempt is
  // accepted again, as the message says. Up to 8 failures, so the wait is 8 s.
  let failures = sixth.status() === 401 ? 6 : 5;
  let waited = 0;
  while (failures < 8) {
    const res = await attempt(wrong);
    if (res.status() === 429) {
      const seconds = await throttled(res);
      assert.ok(seconds >= 1 && seconds <= 2 ** (failures - 5), `wait of ${seconds} s after ${failures} failures`);
      waited += seconds;
      await sleep(seconds * 1000 + 200);
    } else {
      assert.equal(res.status(), 401, 'after the wait the password is checked again');
      failures++;
    }
  }
  t.diagnostic(`waited ${waited} s to reach ${failures} failures`);

  // Now even the right password is refused from this browser …
  const seconds = await throttled(await attempt(wrong));
  assert.ok(seconds >= 1 && seconds <= 8, `wait of ${seconds} s`);
  assert.equal((await attempt(mentor)).status(), 429, 'the right password waits too');
  assert.ok(!(await other.context().cookies()).some((c) => c.name === 'kozos_session'), 'not signed in');
  // … while the owner's browser signs in at once.
  await signIn(own, mentor);
  assert.equal(new URL(own.url()).pathname, '/admin');
  assert.equal(await textOf(own.locator('header li.user span:not(.visually-hidden)')), mentor.name);

  // The throttled form (after the timing-sensitive steps, it does not change).
  await review(t, other, 'sign-in form while throttled (429)', 'signin-throttled-429-hu.png');

  // An administrator sees what happened, linked from the users page.
  const admin = await pageFor(t);
  await signIn(admin, ACCOUNTS.admin);
  await open(admin, '/admin/users');
  await follow(admin, admin.getByRole('link', { name: 'Bejelentkezési kísérletek', exact: true }));
  assert.equal(new URL(admin.url()).pathname, '/admin/sign-in-attempts');
  assert.equal(await textOf(admin.locator('main h1')), 'Bejelentkezési kísérletek');
  const rows = await admin.locator('main table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.cells].map((td) => td.innerText.trim())),
  );
  const mentorRows = rows.filter((r) => r[1] === mentor.email);
  const outcomes = mentorRows.map((r) => r[3]);
  assert.equal(outcomes.filter((o) => o === 'sikertelen').length, 8, `failures: ${outcomes}`);
  assert.ok(outcomes.filter((o) => o === 'várakoztatva').length >= 2, `throttled: ${outcomes}`);
  // Newest first: the owner's sign-in from the known browser; the first one was not known.
  assert.deepEqual([mentorRows[0][3], mentorRows[0][4]], ['sikeres', 'igen']);
  assert.deepEqual(
    mentorRows.filter((r) => r[3] === 'sikeres').map((r) => r[4]),
    ['igen', 'nem'],
  );
  assert.equal(mentorRows[0][2], '127.0.0.1');
  await review(t, admin, 'sign-in attempts (administrator)', 'sign-in-attempts-hu.png');

  // Only administrators see it.
  await open(own, '/admin/sign-in-attempts', 403);
});

// ---- 5. error pages keep the menu ----

test('error pages keep the signed-in person’s menu (404, 403, expired form)', async (t) => {
  const page = await pageFor(t);
  const me = ACCOUNTS.auditor;
  const signInLink = page.locator('header').getByRole('link', { name: 'Bejelentkezés', exact: true });
  const signOut = page.locator('header').getByRole('button', { name: 'Kijelentkezés', exact: true });
  const who = page.locator('header li.user');

  // Signed out, a missing page offers to sign in.
  await open(page, '/nincs-ilyen-oldal', 404);
  assert.equal(await signInLink.count(), 1);

  await signIn(page, me);
  const menu = async (path, status, heading) => {
    await open(page, path, status);
    assert.equal(await textOf(page.locator('main h1')), heading, path);
    assert.equal(await textOf(who), `Bejelentkezve: ${me.name}`, `${path}: whose menu`);
    assert.equal(await signOut.count(), 1, `${path}: Kijelentkezés`);
    assert.equal(await signInLink.count(), 0, `${path}: no Bejelentkezés`);
  };
  await menu('/nincs-ilyen-oldal', 404, 'Az oldal nem található');
  await menu('/admin/programmes/999999', 404, 'Az oldal nem található');
  await menu('/admin/users', 403, 'Nincs jogosultságod');
  await menu('/admin/programmes/999999/nincs', 404, 'Az oldal nem található');
  await review(t, page, '404 page while signed in', 'not-found-signed-in-hu.png');

  // An error raised before any handler (a form with a wrong security code) looks the same.
  const res = await page.request.post('/admin/programmes/999999/staff', {
    form: { _csrf: 'nem-jo', name: 'x' },
    maxRedirects: 0,
  });
  assert.equal(res.status(), 403);
  const body = await res.text();
  assert.ok(body.includes('<h1>Lejárt űrlap</h1>'), 'the expired-form page');
  assert.ok(body.includes(me.name) && body.includes('Kijelentkezés'), 'with the menu');

  // The menu on an error page works: signing out from it.
  await open(page, '/nincs-ilyen-oldal', 404);
  await Promise.all([page.waitForURL((u) => u.pathname === '/'), signOut.click()]);
  assert.equal(await signInLink.count(), 1, 'signed out from the error page');
});
