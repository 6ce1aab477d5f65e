// A resident registers for an upcoming public activity as a guest and reads the
// confirmation mail as it arrived at a real SMTP server (scripts/lib/smtp_sink.py, whose
// folder scripts/e2e.sh passes in KOZOS_MAIL_DIR): the subject and the Hungarian text
// with their accents, and the ticket link, which opens the ticket page with its QR code
// (checked with axe). Then a project manager downloads the activity's attendance sheet,
// poppler's pdftotext finds the resident's accented name and the project ID in it, and
// the sheet goes back up as the activity's evidence through the upload form.
//
// It shares the demo database with the other test files: it registers one guest with an
// address of its own run on an activity that has places left.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ACCOUNTS,
  BASE,
  axeViolations,
  findProgramme,
  launchBrowser,
  newPage,
  open,
  registerAsGuest,
  screenshot,
  signIn,
  submitForResponse,
  textOf,
} from './support.mjs';

const MAIL_DIR = process.env.KOZOS_MAIL_DIR;
if (!MAIL_DIR) throw new Error('KOZOS_MAIL_DIR is not set: run scripts/e2e.sh (it starts the SMTP sink)');

const KISBER_CODE = 'TOP-5.3.1-16-KO1-2017-00005';
const RUN = Date.now().toString(36);
const NAME = 'Őri Ügyes Tünde';
const EMAIL = `ori.tunde.${RUN}@example.hu`;

let browser;
let kisberId;

before(async () => {
  browser = await launchBrowser();
  kisberId = await findProgramme('kisber', (p) => p.code === KISBER_CODE);
});
after(async () => {
  await browser?.close();
});

/**
 * The first mail the sink received for `to`, as Python's mail parser read it (subject and
 * bodies decoded) with the raw message; waits for it up to `timeoutMs`.
 */
async function mailTo(to, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A .eml appears only once its .json is complete (the sink renames it into place last).
    const names = (await readdir(MAIL_DIR)).filter((n) => n.endsWith('.eml')).sort();
    for (const eml of names) {
      const base = eml.slice(0, -'.eml'.length);
      const parsed = JSON.parse(await readFile(join(MAIL_DIR, `${base}.json`), 'utf8'));
      if (parsed.rcpt_tos.includes(to)) {
        return { ...parsed, raw: await readFile(join(MAIL_DIR, eml), 'latin1') };
      }
    }
    if (Date.now() > deadline) assert.fail(`no mail to ${to} within ${timeoutMs} ms in ${MAIL_DIR}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('a guest registers, reads the mail, opens the ticket, and is on the attendance sheet', async (t) => {
  // An upcoming public Kisbér activity open for registration, with places left.
  const now = Date.now();
  const res = await fetch(`${BASE}/api/v1/programmes/${kisberId}/activities`);
  assert.equal(res.status, 200);
  const open_ = (await res.json()).filter(
    (a) =>
      a.public &&
      Date.parse(a.starts_at) > now + 24 * 3600 * 1000 &&
      (!a.registration_opens || Date.parse(a.registration_opens) <= now) &&
      (!a.registration_closes || Date.parse(a.registration_closes) > now + 3600 * 1000) &&
      (a.capacity === null || a.capacity > 5),
  );
  // Another test file registers on the first such activity; this one takes the last.
  const activity = open_.at(-1);
  assert.ok(activity, 'the demo has an upcoming public Kisbér activity open for registration');

  const guest = await newPage(browser);
  const ticketPath = await registerAsGuest(guest, activity.id, NAME, EMAIL);

  // The confirmation, as delivered over SMTP.
  const mail = await mailTo(EMAIL);
  assert.equal(mail.subject, `Helyed van: ${activity.title}`);
  assert.match(mail.subject_raw, /=\?utf-8\?/i, 'the subject travels as encoded words');
  assert.equal(mail.to, EMAIL);
  assert.match(mail.text, new RegExp(`^Kedves ${NAME}!`), 'the greeting with the accents decoded');
  assert.match(mail.text, /Köszönjük, hogy jelentkeztél! Helyed van ezen az eseményen:/);
  assert.ok(mail.text.includes(activity.title), 'the activity is named');
  assert.match(mail.text, /Ha mégsem tudsz jönni, itt lemondhatod a jelentkezésedet/);
  const link = mail.text.match(/^A jegyed: (\S+)$/m);
  assert.ok(link, `a ticket link in the text:\n${mail.text}`);
  const ticketUrl = new URL(link[1]);
  assert.equal(ticketUrl.origin, new URL(BASE).origin, 'the link is to this site');
  assert.equal(decodeURIComponent(ticketUrl.pathname), decodeURIComponent(ticketPath));
  assert.ok(mail.html.includes(`href="${link[1]}"`), 'the HTML part links to the same ticket');

  // The link from the mail, in a browser that never registered.
  const reader = await newPage(browser);
  await open(reader, link[1]);
  assert.equal(await textOf(reader.locator('h1')), 'Belépőjegy');
  assert.match(await textOf(reader.locator('dl.facts')), new RegExp(NAME));
  assert.ok(await reader.locator('figure.qr svg').isVisible(), 'the QR code is shown');
  assert.deepEqual(await axeViolations(t, reader), [], 'ticket page opened from the mail');
  await screenshot(reader, 'ticket-from-mail.png');

  // Staff print the attendance sheet: the name is in it, accents and all.
  const staff = await newPage(browser);
  await signIn(staff, ACCOUNTS.pm);
  const roster = await open(staff, `/admin/activities/${activity.id}/roster`);
  assert.equal(roster.status(), 200);
  const sheetLink = staff.getByRole('link', { name: 'Jelenléti ív letöltése (PDF)' });
  const href = await sheetLink.getAttribute('href');
  assert.equal(href, `/admin/activities/${activity.id}/attendance-sheet.pdf`);
  const pdf = await staff.request.get(href);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.match(pdf.headers()['content-disposition'], /^attachment; filename="jelenleti-iv-\d+\.pdf"$/);
  const bytes = await pdf.body();
  assert.equal(bytes.subarray(0, 4).toString('latin1'), '%PDF');
  const dir = await mkdtemp(join(tmpdir(), 'kozos-sheet-'));
  try {
    const file = join(dir, 'jelenleti-iv.pdf');
    await writeFile(file, bytes);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' });
    assert.ok(text.includes(NAME), `the sheet names ${NAME}:\n${text}`);
    assert.ok(text.includes(KISBER_CODE), 'the publicity block carries the project ID');
    assert.ok(text.includes('JELENLÉTI ÍV'), 'the heading, accents and all');

    // Signed, it comes back as evidence: uploaded through the page's form, listed, and
    // downloaded byte for byte.
    await open(staff, `/admin/activities/${activity.id}/evidence`);
    assert.deepEqual(await axeViolations(t, staff), [], 'evidence page, empty');
    await staff.selectOption('#evidence-kind', 'attendance_sheet');
    await staff.setInputFiles('#evidence-file', {
      name: 'jelenléti ív – aláírt.pdf',
      mimeType: 'application/pdf',
      buffer: bytes,
    });
    const uploaded = await submitForResponse(staff, 'Feltöltés');
    assert.equal(uploaded.status(), 303);
    assert.equal(await textOf(staff.locator('p.flash')), 'A fájl feltöltve.');
    const row = staff.locator('tbody tr', { hasText: 'jelenléti ív – aláírt.pdf' });
    assert.match(await textOf(row), /Aláírt jelenléti ív/);
    assert.deepEqual(await axeViolations(t, staff), [], 'evidence page with a file');
    await screenshot(staff, 'evidence.png');
    const download = await row.getByRole('link', { name: 'Letöltés: jelenléti ív – aláírt.pdf' }).getAttribute('href');
    const back = await staff.request.get(download);
    assert.equal(back.status(), 200);
    assert.ok(Buffer.compare(await back.body(), bytes) === 0, 'the same bytes come back');
    assert.match(back.headers()['content-disposition'], /filename\*=UTF-8''jelenl%C3%A9ti%20%C3%ADv%20%E2%80%93%20al%C3%A1%C3%ADrt\.pdf$/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
