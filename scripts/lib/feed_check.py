"""Check kozos's iCalendar feeds with an independent parser (icalendar).

For the whole calendar and for one programme, one settlement and one series feed:
- the feed parses, is served as text/calendar, and every raw line is at most 75 octets;
- it declares Europe/Budapest in a VTIMEZONE, and every event's DTSTART/DTEND carry it;
- every event has a UID (unique in the feed), DTSTAMP, SUMMARY and a URL to its page;
- each event's start and end, converted to UTC, equal the API's `starts_at`/`ends_at`,
  and its summary equals the API's title character for character (accents included);
- a feed filtered by programme, settlement or series holds exactly the public
  activities of that selection that the API lists (within the feed's window);
- an event's UID stays the same after the activity is edited (checked by the Rust
  tests, which can edit); here: the same UID in two feeds for the same activity.
"""

import json
import sys
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timezone

import feedparser
import icalendar

BASE = sys.argv[1]
TOKEN = sys.argv[2]
failures = []


def post(path, body):
    req = urllib.request.Request(
        BASE + path,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"},
        method="POST",
    )
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read())


def get(path):
    with urllib.request.urlopen(BASE + path) as r:
        return r.headers.get("Content-Type", ""), r.read()


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg, file=sys.stderr)


def check_feed(path):
    ctype, raw = get(path)
    if not ctype.startswith("text/calendar"):
        fail(f"{path}: content type {ctype}")
    for n, line in enumerate(raw.split(b"\r\n"), 1):
        if len(line) > 75:
            fail(f"{path}: line {n} has {len(line)} octets")
    if raw and not raw.endswith(b"\r\n"):
        fail(f"{path}: does not end with CRLF")
    cal = icalendar.Calendar.from_ical(raw)
    zones = [z for z in cal.walk("VTIMEZONE") if str(z.get("TZID")) == "Europe/Budapest"]
    if not zones:
        fail(f"{path}: no VTIMEZONE for Europe/Budapest")
    events = {}
    for ev in cal.walk("VEVENT"):
        uid = str(ev.get("UID", ""))
        if not uid:
            fail(f"{path}: event without UID")
        if uid in events:
            fail(f"{path}: UID {uid} twice")
        for prop in ("DTSTAMP", "SUMMARY", "URL", "DTSTART", "DTEND"):
            if ev.get(prop) is None:
                fail(f"{path}: {uid} has no {prop}")
        for prop in ("DTSTART", "DTEND"):
            p = ev.get(prop)
            if p is not None and p.params.get("TZID") != "Europe/Budapest":
                fail(f"{path}: {uid} {prop} is not in Europe/Budapest: {p.params}")
        events[uid] = ev
    return events


def utc(dt):
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def api(path):
    return json.loads(get(path)[1])


def compare(path, events, activities, window_start):
    by_uid = {a["uid"]: a for a in activities if a["public"] and a["ends_at"] > window_start}
    if set(by_uid) != set(events):
        missing = set(by_uid) - set(events)
        extra = set(events) - set(by_uid)
        fail(f"{path}: {len(missing)} public activities missing, {len(extra)} events not in the API")
    for uid, a in by_uid.items():
        ev = events.get(uid)
        if ev is None:
            continue
        if utc(ev.decoded("DTSTART")) != a["starts_at"] or utc(ev.decoded("DTEND")) != a["ends_at"]:
            fail(f"{path}: {uid} times {utc(ev.decoded('DTSTART'))}–{utc(ev.decoded('DTEND'))} != API {a['starts_at']}–{a['ends_at']}")
        if str(ev.get("SUMMARY")) != a["title"]:
            fail(f"{path}: {uid} summary {str(ev.get('SUMMARY'))!r} != {a['title']!r}")
        if not str(ev.get("URL")).endswith(f"/activities/{a['id']}"):
            fail(f"{path}: {uid} URL {ev.get('URL')}")


# Activities that test the hard parts: the night the clocks go forward, the hour that
# happens twice, and text that needs escaping and folding (Hungarian, long, with , ; \).
kisber = next(p for p in api("/api/v1/programmes") if p.get("code") == "TOP-5.3.1-16-KO1-2017-00005")
tricky = [
    ("Éjszakai csillagles – óraátállítás", "2027-03-28T01:30", "2027-03-28T04:00", "2027-03-28T00:30:00Z", "2027-03-28T02:00:00Z"),
    ("Kétszer ütő óra: őszi éjszaka", "2027-10-31T02:30", "2027-10-31T03:30", "2027-10-31T00:30:00Z", "2027-10-31T02:30:00Z"),
    ("Hosszú cím: „Kisbér, a mi városunk”; közösségi beszélgetés a fiatalokról, az idősekről, a műemlékekről \\ és a jövőről",
     "2027-01-14T18:00", "2027-01-14T20:00", "2027-01-14T17:00:00Z", "2027-01-14T19:00:00Z"),
]
made = []
for title, start, end, want_start, want_end in tricky:
    r = post(f"/api/v1/programmes/{kisber['id']}/activities", {
        "title": title, "kind": "community_conversation", "starts_at": start, "ends_at": end,
        "settlement": "Kisbér", "address": "Széchenyi u. 1., földszint; nagyterem", "public": True,
        "description": "Első sor.\nMásodik sor, vesszővel; pontosvesszővel.",
    })
    a = api(f"/api/v1/activities/{r['id']}")
    if (a["starts_at"], a["ends_at"]) != (want_start, want_end):
        fail(f"{title}: stored {a['starts_at']}–{a['ends_at']}, expected {want_start}–{want_end}")
    made.append(a)

all_events = check_feed("/calendar.ics")
for a in made:
    ev = all_events.get(a["uid"])
    if ev is None:
        fail(f"{a['title']}: not in /calendar.ics")
        continue
    if str(ev.get("DESCRIPTION")) != "Első sor.\nMásodik sor, vesszővel; pontosvesszővel.":
        fail(f"{a['title']}: description {str(ev.get('DESCRIPTION'))!r}")
    if str(ev.get("LOCATION")) != "Széchenyi u. 1., földszint; nagyterem, Kisbér":
        fail(f"{a['title']}: location {str(ev.get('LOCATION'))!r}")
print(f"feed-check: /calendar.ics has {len(all_events)} events", file=sys.stderr)
if not all_events:
    fail("/calendar.ics has no events: the demo should have public activities")

# The feed reaches 180 Budapest days back from today: activities that end after the start
# of that day are in it (the API lists everything, so compare from there).
from datetime import timedelta
from zoneinfo import ZoneInfo

budapest = ZoneInfo("Europe/Budapest")
first_day = datetime.now(budapest).date() - timedelta(days=180)
earliest = utc(datetime(first_day.year, first_day.month, first_day.day, tzinfo=budapest))
programmes = api("/api/v1/programmes")
checked = 0
for p in programmes:
    acts = api(f"/api/v1/programmes/{p['id']}/activities")
    if not any(a["public"] for a in acts):
        continue
    path = f"/calendar.ics?programme={p['id']}"
    events = check_feed(path)
    compare(path, events, acts, earliest)
    for uid in events:
        if uid not in all_events:
            fail(f"{path}: {uid} is not in the whole calendar's feed")
    checked += 1
    # one settlement and one series of this programme
    placed = next((a for a in acts if a["public"] and a["place_id"]), None)
    if placed:
        spath = f"/calendar.ics?settlement={placed['place_id']}"
        sevents = check_feed(spath)
        if placed["uid"] not in sevents and placed["ends_at"] > earliest:
            fail(f"{spath}: {placed['uid']} missing")
    series = next((a for a in acts if a["public"] and a["series_id"]), None)
    if series:
        spath = f"/calendar.ics?series={series['series_id']}"
        sevents = check_feed(spath)
        in_series = [a for a in acts if a["series_id"] == series["series_id"]]
        compare(spath, sevents, in_series, earliest)

if checked == 0:
    fail("no programme has public activities")


# The Information Point's Atom feeds, read by feedparser (an independent parser): each
# programme's feed, page after page, is well formed Atom with its entries newest first
# and each once, and every entry links to a public page that answers 200.
atom_entries = 0
for p in programmes:
    entries = []
    page = 1
    while True:
        try:
            ctype, body = get(f"/programmes/{p['id']}/info.atom?page={page}")
        except urllib.error.HTTPError as e:
            if e.code == 404 and page > 1:
                break
            raise
        if not ctype.startswith("application/atom+xml"):
            fail(f"programme {p['id']} info.atom: content type {ctype}")
        feed = feedparser.parse(body)
        if feed.bozo:
            fail(f"programme {p['id']} info.atom page {page} does not parse: {feed.bozo_exception}")
            break
        if feed.version != "atom10":
            fail(f"programme {p['id']} info.atom: version {feed.version}")
        if not feed.entries:
            break
        entries.extend(feed.entries)
        page += 1
    dates = [e.published_parsed for e in entries]
    if dates != sorted(dates, reverse=True):
        fail(f"programme {p['id']} info.atom: entries not newest first")
    for e in entries:
        if not e.link.startswith(BASE):
            fail(f"{e.id}: link {e.link} is not on the site")
        status = urllib.request.urlopen(e.link).status
        if status != 200:
            fail(f"{e.link}: {status}")
    if len({e.id for e in entries}) != len(entries):
        fail(f"programme {p['id']} info.atom: an entry id repeats across pages")
    atom_entries += len(entries)
if atom_entries == 0:
    fail("no Information Point feed has an entry")
if failures:
    print(f"feed-check: {len(failures)} problems", file=sys.stderr)
    sys.exit(1)
print(f"feed-check: {checked} programme feeds and their settlement and series feeds parse and match the API; "
      f"{atom_entries} Information Point entries parse as Atom and link to their pages", file=sys.stderr)
