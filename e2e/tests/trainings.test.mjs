// Browser tests for trainings: a project manager opens a past training from the
// activities list, sees who completed it, issues the certificates (a job: the page shows
// its progress, then the numbers), downloads one (poppler's pdftotext reads the accented
// name from it), and anyone verifies it at /verify/{number}. axe finds no serious or
// critical violation on the training page and the verify page, in Hungarian and English,
// at desktop and phone width. Screenshots go to e2e/test-results/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ACCOUNTS,
  accessible,
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

const PHONE = { width: 375, height: 740 };
const TRAINING = 'Önkéntes-felkészítő: hogyan készítsünk közösségi interjút?';

let browser;

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('a project manager issues a training’s certificates and one verifies', async (t) => {
  const kisber = await findProgramme('Kisbér', (p) => p.title.includes('Kisbér'));
  const pm = await newPage(browser);
  await signIn(pm, ACCOUNTS.pm);

  // From the activities list, the training's own page.
  await open(pm, `/admin/programmes/${kisber}/activities`);
  await pm.getByRole('link', { name: `Képzés: ${TRAINING}` }).click();
  await pm.waitForLoadState('load');
  assert.match(new URL(pm.url()).pathname, /^\/admin\/activities\/\d+\/training$/);
  const summary = await textOf(pm.locator('#completion + p'));
  const m = summary.match(/^(\d+) résztvevőből (\d+) teljesítette/);
  assert.ok(m, summary);
  const completers = Number(m[2]);
  assert.ok(completers > 0, 'the demo training has people who completed it');
  await accessible(t, pm, 'training page (hu)');

  // Issue: the page shows the batch's progress until the job is done, then the numbers.
  const issue = pm.getByRole('button', { name: /^Tanúsítvány(ok)? kiállítása/ });
  if (await issue.count()) {
    const res = await submitForResponse(pm, /^Tanúsítvány(ok)? kiállítása/);
    assert.equal(res.status(), 303, 'the issue is asked for, and the page comes back');
    await pm.waitForSelector('text=Minden teljesítő megkapta a tanúsítványát.', { timeout: 30000 });
  }
  await screenshot(pm, 'training-certified.png');
  const links = pm.locator('#completion ~ div table a[download]');
  assert.equal(await links.count(), completers, 'one certificate per completer');
  const first = links.first();
  const number = (await first.innerText()).trim();
  const row = pm.locator('tr', { has: pm.locator('a[download]', { hasText: number }) });
  const name = await textOf(row.locator('th'));

  // The PDF holds the name with its accents, and the number.
  const pdf = await pm.request.get(await first.getAttribute('href'));
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  const dir = mkdtempSync(join(tmpdir(), 'kozos-cert-'));
  const file = join(dir, 'tanusitvany.pdf');
  writeFileSync(file, await pdf.body());
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  assert.ok(text.includes(name), `${name} in the PDF`);
  assert.ok(text.includes(number), `${number} in the PDF`);
  assert.ok(text.includes('TANÚSÍTVÁNY'));

  // English, then a phone.
  // The account keeps the language it chose: give it Hungarian back afterwards.
  t.after(() => open(pm, '/lang/hu?next=/'));
  await open(pm, `/lang/en?next=${encodeURIComponent(new URL(pm.url()).pathname)}`);
  assert.match(await textOf(pm.locator('#completion + p')), /participants completed/);
  await accessible(t, pm, 'training page (en)');
  await pm.setViewportSize(PHONE);
  await accessible(t, pm, 'training page (en, phone)');
  await screenshot(pm, 'training-en-phone.png');

  // Anyone verifies it, typed by hand on the verify form as well.
  const anon = await newPage(browser);
  await open(anon, `/verify/${number}`);
  assert.equal(await textOf(anon.locator('.verify strong')), 'Érvényes tanúsítvány.');
  assert.ok((await textOf(anon.locator('.verify dl'))).includes(name));
  assert.ok((await textOf(anon.locator('.verify dl'))).includes(TRAINING));
  await accessible(t, anon, 'verify page (hu)');
  await open(anon, '/verify');
  await anon.fill('#verify-number', number.toLowerCase().replaceAll('-', ' '));
  await anon.getByRole('button', { name: 'Ellenőrzés' }).click();
  await anon.waitForLoadState('load');
  assert.equal(await textOf(anon.locator('.verify strong')), 'Érvényes tanúsítvány.');
  // A typing error is told apart from a number nobody issued.
  const typo = number.slice(0, 5) + (number[5] === 'A' ? 'B' : 'A') + number.slice(6);
  await open(anon, `/verify/${typo}`, 404);
  assert.match(await textOf(anon.locator('.verify')), /Ez nem érvényes sorszám/);
  await accessible(t, anon, 'verify page, mistyped (hu)');
  await open(anon, `/lang/en?next=${encodeURIComponent(`/verify/${number}`)}`);
  assert.equal(await textOf(anon.locator('.verify strong')), 'Valid certificate.');
  await anon.setViewportSize(PHONE);
  await accessible(t, anon, 'verify page (en, phone)');
  await noSidewaysScroll(anon);
  await screenshot(anon, 'verify-en-phone.png');
});
