#!/usr/bin/env bash
# Copies the QR decoder the check-in page falls back on (browsers without BarcodeDetector)
# from the npm package jsqr into crates/web/static/vendor/, with its licence. Run it only
# to move to another version: the copied files are committed, so building kozos needs
# neither npm nor the network.
#
#   scripts/vendor-jsqr.sh
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=1.4.0
# dist/jsQR.js of jsqr 1.4.0; a different file means the package is not the one reviewed.
SHA256=bc40c8a15196236b2314db0856f72ca0b49980cd5413b8c852a7349f5fee0859

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm pack --silent "jsqr@$VERSION" >/dev/null && tar xzf "jsqr-$VERSION.tgz")
echo "$SHA256  $TMP/package/dist/jsQR.js" | sha256sum --check --quiet
OUT=crates/web/static/vendor
mkdir -p "$OUT"
cp "$TMP/package/dist/jsQR.js" "$OUT/jsQR.js"
cp "$TMP/package/LICENSE" "$OUT/jsQR.LICENSE"
echo "vendor-jsqr: jsqr $VERSION copied to $OUT" >&2
