#!/usr/bin/env bash
# Refresh the vendored front-end files under static/vendor/ from the npm registry.
# Run by hand when upgrading; the app itself never fetches anything at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
BOOTSTRAP=5.3.8
FONT=5.3.0
LEAFLET=1.9.4
HTMX=2.0.7
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fetch() { (cd "$tmp" && npm pack --silent "$1" >/dev/null && mkdir -p "$2" && tar -xzf ./*.tgz -C "$2" --strip-components=1 && rm ./*.tgz); }
fetch "bootstrap@$BOOTSTRAP" bootstrap
fetch "@fontsource/ibm-plex-sans-arabic@$FONT" font
fetch "leaflet@$LEAFLET" leaflet
fetch "htmx.org@$HTMX" htmx
out=static/vendor
rm -rf "$out" && mkdir -p "$out/bootstrap" "$out/ibm-plex-sans-arabic/files" "$out/leaflet/images" "$out/htmx"
cp "$tmp/bootstrap/dist/css/bootstrap.rtl.min.css" "$tmp/bootstrap/dist/css/bootstrap.min.css" "$out/bootstrap/"
cp "$tmp/bootstrap/dist/js/bootstrap.bundle.min.js" "$out/bootstrap/"
cp "$tmp/bootstrap/LICENSE" "$out/bootstrap/LICENSE"
for w in 400 500 700; do
  for s in arabic latin; do
    cp "$tmp/font/files/ibm-plex-sans-arabic-$s-$w-normal.woff2" "$out/ibm-plex-sans-arabic/files/"
  done
done
cp "$tmp/font/LICENSE" "$out/ibm-plex-sans-arabic/LICENSE" 2>/dev/null || true
cp "$tmp/leaflet/dist/leaflet.js" "$tmp/leaflet/dist/leaflet.css" "$out/leaflet/"
cp "$tmp/leaflet/dist/images/"*.png "$out/leaflet/images/"
cp "$tmp/leaflet/LICENSE" "$out/leaflet/LICENSE"
cp "$tmp/htmx/dist/htmx.min.js" "$out/htmx/"
cp "$tmp/htmx/LICENSE" "$out/htmx/LICENSE"
cat > "$out/VERSIONS" <<V
bootstrap $BOOTSTRAP
@fontsource/ibm-plex-sans-arabic $FONT
leaflet $LEAFLET
htmx.org $HTMX
V
echo "vendored into $out"
