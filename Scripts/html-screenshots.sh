#!/usr/bin/env bash
# Renders the README quick-start sample report as HTML (and the html-email variant) and photographs it with
# headless Chromium: full-page PNGs at 1280 px (a laptop) and 390 px (a phone), and the print to PDF (A4,
# the print stylesheet) with its pages as PNGs when pdftoppm is there. A person looks at the pictures.
#
#   Scripts/html-screenshots.sh [OUT_DIR]        (default: Scripts/html-screenshots-out, git-ignored)
#
# Installs Debian's chromium (and poppler-utils for pdftoppm) when missing; needs root for that.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-Scripts/html-screenshots-out}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if ! command -v chromium >/dev/null 2>&1; then
  echo "installing chromium (Debian package)" >&2
  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null
fi
if ! command -v pdftoppm >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q poppler-utils >/dev/null 2>&1 || echo "no pdftoppm: PDF pages not converted" >&2
fi

bin=.build/debug/contactstat
[ -x "$bin" ] || swift build >&2
"$bin" report Fixtures/sample/contacts.csv --no-color -f html -o "$out/report.html" 2>/dev/null
"$bin" report Fixtures/sample/contacts.csv --no-color -f html-email -o "$out/report-email.html" 2>/dev/null

chrome=(chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
        --disable-extensions --disable-background-networking --default-background-color=ffffffff)
# A tall window (Chromium photographs the window, not the page): the white below the page is trimmed and the
# picture cut into screen-high tiles (report-1280-01.png, ...) so each can be looked at, when Pillow is there.
shoot() { # file width png
  local tall=12000
  [ "$2" -lt 1000 ] && tall=24000
  timeout 180 "${chrome[@]}" --window-size="$2,$tall" --screenshot="$3" "file://$1" 2>/dev/null
}
tile() { # png tile-height
  python3 - "$1" "$2" <<'PY' || echo "no Pillow (pip install pillow): $1 kept whole, untrimmed" >&2
import sys
from PIL import Image, ImageChops
path, tile = sys.argv[1], int(sys.argv[2])
image = Image.open(path).convert("RGB")
box = ImageChops.difference(image, Image.new("RGB", image.size, (255, 255, 255))).getbbox()
if box:
    image = image.crop((0, 0, image.width, min(image.height, box[3] + 24)))
image.save(path)
for index, top in enumerate(range(0, image.height, tile), start=1):
    image.crop((0, top, image.width, min(image.height, top + tile))).save(path.replace(".png", "-%02d.png" % index))
PY
}
for width in 1280 390; do
  shoot "$out/report.html" "$width" "$out/report-$width.png"
  shoot "$out/report-email.html" "$width" "$out/report-email-$width.png"
  tile "$out/report-$width.png" $([ "$width" -ge 1000 ] && echo 1400 || echo 1600)
  tile "$out/report-email-$width.png" $([ "$width" -ge 1000 ] && echo 1400 || echo 1600)
done
timeout 180 "${chrome[@]}" --no-pdf-header-footer --print-to-pdf="$out/report.pdf" "file://$out/report.html" 2>/dev/null
if command -v pdftoppm >/dev/null 2>&1; then
  pdftoppm -r 60 -png "$out/report.pdf" "$out/report-page"
fi
ls -1 "$out"
