"""Check the progress report's downloads with independent readers.

As the national coordinator (who reads every programme) for Kecskemét's programme and
the current year:
- the XLSX opens with openpyxl; its sheets are the cover and one per part; the indicator
  sheet's numeric columns hold numbers, not text; each indicator's value at the period's
  end equals the API's value to date; Kecskemét's trained people are 50, 200 and 40;
- every part's CSV starts with a BOM, is split by `;`, has the XLSX sheet's rows, and
  its numbers (decimal comma) equal the XLSX's;
- pdftotext finds the title, the programme, every indicator code and the parts' titles,
  accents intact;
- the XLSX is made in under two seconds;
- a reader without rights to the programme gets 403, and a bad period 400.
"""

import csv
import http.cookiejar
import io
import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import openpyxl

BASE = sys.argv[1]
TOKEN = sys.argv[2]
PASSWORD = "kozos-demo-2026"
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


def session(email):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(BASE + "/signin").read().decode()
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({"_csrf": token, "email": email, "password": PASSWORD})
    opener.open(BASE + "/signin", data=body.encode())
    return opener


def get(opener, path):
    try:
        with opener.open(BASE + path) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def api(path):
    req = urllib.request.Request(BASE + path, headers={"Authorization": "Bearer " + TOKEN})
    with urllib.request.urlopen(req) as r:
        return json.load(r)


programmes = json.load(urllib.request.urlopen(BASE + "/api/v1/programmes"))
kecskemet = next(p["id"] for p in programmes if (p.get("code") or "").startswith("TOP-6.9.1"))
kisber = next(p["id"] for p in programmes if (p.get("code") or "").startswith("TOP-5.3.1"))
national = session("orszagos@demo.kozos.hu")
year = time.gmtime().tm_year
# The demo runs on the real clock: the current year's report counts everything to date.
period = str(year)

started = time.monotonic()
status, headers, body = get(national, f"/admin/programmes/{kecskemet}/report.xlsx?period={period}")
seconds = time.monotonic() - started
check(status == 200, f"XLSX answered {status}")
check(seconds < 2.0, f"XLSX took {seconds:.2f} s")
check("spreadsheetml" in headers.get("Content-Type", ""), "XLSX content type")
wb = openpyxl.load_workbook(io.BytesIO(body))
check(wb.sheetnames == ["Adatlap", "Tevékenységek", "Mutatók", "Dokumentumok"], f"sheets {wb.sheetnames}")
ws = wb["Mutatók"]
rows = list(ws.iter_rows(values_only=True))
head = rows[0]
col = {h: i for i, h in enumerate(head)}
for name in ["Bázisérték", "Célérték", "Érték az időszak végén"]:
    check(name in col, f"column {name}")
values = {r[col["Kód"]]: r for r in rows[1:]}
for code, expect in [("K-1", 50), ("K-2", 200), ("K-3", 40)]:
    r = values.get(code)
    check(r is not None, f"{code} in the XLSX")
    if r:
        v = r[col["Érték az időszak végén"]]
        check(isinstance(v, (int, float)) and not isinstance(v, bool), f"{code} value is a number: {v!r}")
        check(v == expect, f"{code} = {v}, expected {expect}")
        check(isinstance(r[col["Célérték"]], (int, float)), f"{code} target is a number")
public = json.load(urllib.request.urlopen(BASE + f"/api/v1/programmes/{kecskemet}/indicators"))
check(not public["staff"], "the public API read is not staff")
check({i["code"] for i in public["indicators"]} == set(values), "the XLSX lists the API's indicators")
for i in public["indicators"]:
    r = values.get(i["code"])
    if r and i["value"] is not None:
        check(abs(r[col["Érték az időszak végén"]] - i["value"]) < 1e-9,
              f"{i['code']}: XLSX {r[col['Érték az időszak végén']]} vs API to date {i['value']}")

for sheet, slug in [("Tevékenységek", "tevekenysegek"), ("Mutatók", "mutatok"), ("Dokumentumok", "dokumentumok")]:
    status, headers, body = get(national, f"/admin/programmes/{kecskemet}/report.csv?period={period}&part={slug}")
    check(status == 200, f"CSV {slug} answered {status}")
    check(body.startswith(b"\xef\xbb\xbf"), f"CSV {slug} starts with a BOM")
    text = body.decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text), delimiter=";"))
    xrows = list(wb[sheet].iter_rows(values_only=True))
    check(len(table) == len(xrows), f"CSV {slug}: {len(table)} rows, XLSX {len(xrows)}")
    check(table[0] == [str(h) for h in xrows[0]], f"CSV {slug} headings")
    for crow, xrow in zip(table[1:], xrows[1:]):
        for c, x in zip(crow, xrow):
            if isinstance(x, (int, float)) and not isinstance(x, bool):
                check(abs(float(c.replace(",", ".")) - x) < 0.01, f"CSV {slug} {c} vs XLSX {x}")

status, headers, body = get(national, f"/admin/programmes/{kecskemet}/report.pdf?period={period}")
check(status == 200 and body.startswith(b"%PDF"), f"PDF answered {status}")
text = subprocess.run(["pdftotext", "-", "-"], input=body, capture_output=True, check=True).stdout.decode()
flat = " ".join(text.split())
for needle in ["Projekt előrehaladási jelentés", "Kecskemét", "Indikátorok teljesülése",
               "Alátámasztó dokumentumok", "K-1", "K-2", "K-3", "Célérték", "Indoklás"]:
    check(needle in flat, f"PDF text has {needle!r}")

status, _, _ = get(national, f"/admin/programmes/{kecskemet}/report.xlsx?period=2022-Q5")
check(status == 400, f"a bad period answered {status}")
pm = session("projektmenedzser@demo.kozos.hu")
status, _, _ = get(pm, f"/admin/programmes/{kecskemet}/report.xlsx?period={period}")
check(status == 403, f"Kisbér's project manager reading Kecskemét's report got {status}")
status, _, body = get(pm, f"/admin/programmes/{kisber}/report.xlsx?period={period}")
check(status == 200, f"Kisbér's own report answered {status}")
staff = api(f"/api/v1/programmes/{kisber}/indicators?period={period}")
check(staff["staff"], "the project manager's token reads staff figures")
kb = openpyxl.load_workbook(io.BytesIO(body))["Mutatók"]
krows = list(kb.iter_rows(values_only=True))
kcol = {h: i for i, h in enumerate(krows[0])}
by_code = {r[kcol["Kód"]]: r for r in krows[1:]}
for i in staff["indicators"]:
    r = by_code.get(i["code"])
    check(r is not None, f"Kisbér {i['code']} in the XLSX")
    if r and r[kcol["Az időszakban"]] is not None:
        check(abs(r[kcol["Az időszakban"]] - i["value"]) < 1e-9,
              f"Kisbér {i['code']}: XLSX {r[kcol['Az időszakban']]} in {period}, API {i['value']}")

print(f"report-check: XLSX in {seconds:.3f} s; {len(failures)} failures", file=sys.stderr)
sys.exit(1 if failures else 0)
