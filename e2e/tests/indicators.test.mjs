// Browser tests for indicators: a project manager defines an indicator on the form, plans
// an activity and records who came, sees the dashboard's value, chart and table move at
// once, opens the records behind the number, and downloads the progress report
// (openpyxl is not here: the XLSX is checked by scripts/report-check.sh; here the file is
// a real download whose first bytes are a ZIP, and pdftotext reads the PDF). axe finds no
// serious or critical violation on every dashboard page (programme, drill-down, report,
// county, national, public statistics) in Hungarian and English.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  ACCOUNTS,
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

const RUN = Date.now().toString(36);
let browser;
let kisberId;

before(async () => {
  browser = await launchBrowser();
  kisberId = await findProgramme('Kisbér', (p) => p.code === 'TOP-5.3.1-16-KO1-2017-00005');
});
after(async () => {
  await browser?.close();
});

/** A Budapest wall-clock time as a datetime-local field takes it. */
function budapest(date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Budapest', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(date).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The summary table's value cell of an indicator, as the page shows it. */
async function shownValue(page, code) {
  const row = page.locator('table.indicators tbody tr', { has: page.locator('td:first-child', { hasText: code }) });
  assert.equal(await row.count(), 1, `one row for ${code}`);
  return textOf(row.locator('td').nth(2));
}

test('a project manager defines an indicator, records attendance and sees it count', async (t) => {
  const pm = await newPage(browser, { acceptDownloads: true });
  await signIn(pm, ACCOUNTS.pm);
  await open(pm, `/lang/hu?next=${encodeURIComponent(`/admin/programmes/${kisberId}/indicators`)}`);
  await accessible(t, pm, 'programme indicators (hu)');

  // A new indicator: the distinct people at study trips.
  const code = `TT-${RUN}`.slice(0, 20);
  await pm.getByRole('link', { name: 'Új mutató' }).click();
  await accessible(t, pm, 'indicator form (hu)');
  await pm.fill('#ind-code', code);
  await pm.fill('#ind-name_hu', 'Tanulmányúton részt vevők');
  await pm.selectOption('#ind-source', 'participants');
  await pm.getByLabel('Tanulmányút', { exact: true }).check();
  await pm.fill('#ind-target', '1,5');
  // A fraction of a person: refused, with the message beside the field, the rest kept.
  const refused = await submitForResponse(pm, 'Mentés');
  assert.equal(refused.status(), 422);
  assert.equal(await pm.inputValue('#ind-code'), code);
  assert.ok(await pm.locator('#ind-target-error').isVisible(), 'the target says what is wrong');
  await accessible(t, pm, 'indicator form with an error (hu)');
  await pm.fill('#ind-target', '20');
  const saved = await submitForResponse(pm, 'Mentés');
  assert.equal(saved.status(), 303);
  const people = async () => Number((await shownValue(pm, code)).replace(/\D/g, ''));
  const before = await people();

  // A study trip today, and two people who came.
  await open(pm, `/admin/programmes/${kisberId}/activities/new`);
  const title = `Tanulmányút Bakonybélbe ${RUN}`;
  await pm.fill('#activity-title', title);
  await pm.selectOption('#activity-kind', 'study_trip');
  await pm.fill('#activity-starts_at', budapest(new Date(Date.now() - 2 * 3600e3)));
  await pm.fill('#activity-ends_at', budapest(new Date(Date.now() - 3600e3)));
  await pm.fill('#activity-settlement', 'Kisbér');
  assert.equal((await submitForResponse(pm, 'Hozzáadás')).status(), 303);
  const list = await (await pm.request.get(`/api/v1/programmes/${kisberId}/activities`)).json();
  const trip = list.find((a) => a.title === title);
  assert.ok(trip, 'the trip is listed');
  for (const name of ['Szőke Örs', 'Fűzfa Ildikó']) {
    await open(pm, `/admin/activities/${trip.id}/roster`);
    await pm.fill('#walkin-name', name);
    await pm.fill('#walkin-settlement', 'Kisbér');
    assert.equal((await submitForResponse(pm, 'Felvétel és jelenlét rögzítése')).status(), 303);
  }

  // The dashboard shows them at once: the table, the chart's title, the status.
  await open(pm, `/admin/programmes/${kisberId}/indicators`);
  assert.equal(await people(), before + 2);
  const section = pm.locator('section.indicator', { has: pm.locator('h2', { hasText: code }) });
  assert.match(await section.locator('svg.progress title').textContent(), new RegExp(`Elért érték: ${before + 2} fő, célérték: 20 fő`));
  await section.locator('summary').click();
  // This month's row: the two new people in it, and the running total.
  const months = section.locator('details table tbody tr');
  assert.match(await textOf(months.last()), new RegExp(`^\\d{4}-\\d{2} \\d+ fő ${before + 2} fő$`));
  await screenshot(pm, 'indicators-dashboard.png');

  // The records behind the number: the two people, through the trip.
  await section.getByRole('link', { name: new RegExp(`^Rekordok`) }).click();
  assert.match(await textOf(pm.locator('p[role=status]')), new RegExp(`^${before + 2} rekord, érték: ${before + 2} fő`));
  assert.equal(await pm.locator('tbody tr', { hasText: title }).count(), 2);
  await accessible(t, pm, 'drill-down (hu)');
  await screenshot(pm, 'indicators-drill.png');

  // The progress report for this year: the page, then the files.
  const year = new Date().getFullYear();
  await open(pm, `/admin/programmes/${kisberId}/report?period=${year}`);
  await accessible(t, pm, 'progress report (hu)');
  const [xlsx] = await Promise.all([
    pm.waitForEvent('download'),
    pm.getByRole('link', { name: 'Letöltés Excel-táblaként (XLSX)' }).click(),
  ]);
  assert.match(xlsx.suggestedFilename(), /^PEJ-TOP-5\.3\.1-16-KO1-2017-00005-\d{4}\.xlsx$/);
  const bytes = readFileSync(await xlsx.path());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'an XLSX is a ZIP');
  const [pdf] = await Promise.all([
    pm.waitForEvent('download'),
    pm.getByRole('link', { name: 'Letöltés PDF-ben' }).click(),
  ]);
  const text = execFileSync('pdftotext', [await pdf.path(), '-']).toString();
  assert.match(text, /Projekt előrehaladási jelentés/);
  assert.ok(text.includes(code), 'the PDF lists the new indicator');
  assert.ok(text.replace(/\s+/g, ' ').includes(title.replace(/\s+/g, ' ').slice(0, 20)), 'and the trip');

  // English: the same pages pass axe.
  for (const path of [
    `/admin/programmes/${kisberId}/indicators`,
    `/admin/programmes/${kisberId}/report?period=${year}`,
  ]) {
    await open(pm, `/lang/en?next=${encodeURIComponent(path)}`);
    await accessible(t, pm, `${path} (en)`);
  }
  await open(pm, `/lang/hu?next=/admin`);
});

test('county, national and public dashboards with the map pass axe in both languages', async (t) => {
  const page = await newPage(browser);
  await signIn(page, ACCOUNTS.national);
  await open(page, '/lang/hu?next=/admin/indicators');
  assert.match(page.url(), /\/admin\/places\/\d+\/indicators$/);
  assert.equal(await page.locator('figure.map svg path').count(), 20, 'twenty counties');
  // The map is keyboard usable: each county is a link with its figure as its name.
  const county = page.locator('figure.map svg a').first();
  await county.focus();
  assert.match(await county.getAttribute('aria-label'), /: /);
  await accessible(t, page, 'national indicators (hu)');
  await screenshot(page, 'indicators-national.png');
  await page.getByRole('link', { name: 'Komárom-Esztergom' }).first().click();
  assert.match(await textOf(page.locator('h1')), /^Komárom-Esztergom/);
  await accessible(t, page, 'county indicators (hu)');
  const anon = await newPage(browser);
  await open(anon, '/statistics');
  await accessible(t, anon, 'public statistics (hu)');
  for (const p of [page, anon]) {
    const here = new URL(p.url()).pathname;
    await open(p, `/lang/en?next=${encodeURIComponent(here)}`);
    await accessible(t, p, `${here} (en)`);
    await open(p, `/lang/hu?next=${encodeURIComponent(here)}`);
  }
});
