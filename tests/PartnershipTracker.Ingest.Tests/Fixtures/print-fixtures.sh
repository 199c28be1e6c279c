#!/bin/sh
# Prints the article pages in this folder to PDF with Debian's Chromium, as a reader pressing "Print" would:
# the default paper (US Letter) and margins, and the running header (date, title) and footer (address, "n/N").
# Run from anywhere; writes article-flattened.pdf and article-tables.pdf next to this script.
# The footer shows the file:// address, so the fixtures are printed from a fixed path in /tmp.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=/tmp/ptrack-print
rm -rf "$work"
mkdir -p "$work/profile"
for page in article-flattened article-tables; do
  cp "$here/$page.html" "$work/$page.html"
  timeout 120 chromium --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --run-all-compositor-stages-before-draw --virtual-time-budget=5000 --user-data-dir="$work/profile" \
    --print-to-pdf="$here/$page.pdf" "file://$work/$page.html" 2>"$work/$page.stderr" \
    || { echo "chromium failed on $page; see $work/$page.stderr" >&2; exit 1; }
done
