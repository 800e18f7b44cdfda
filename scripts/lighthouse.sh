#!/usr/bin/env bash
# Lighthouse (mobile, the default) on the site's key pages; prints the four scores per page.
#
#   scripts/lighthouse.sh [BASE_URL] [PATH ...]
#
# BASE_URL defaults to http://127.0.0.1:8200 (start the site first, ideally the production
# way: `make serve`). PATHs default to the home page, the section, an article, the search
# form and a sign-up form. Lighthouse comes from npm into var/node-tools (git-ignored) on first use, and drives
# Debian's chromium (CHROME_PATH) with background networking off, so it works offline.
# Reports are written to var/lighthouse/. Exits non-zero if any score is below 100.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE_URL="${1:-http://127.0.0.1:8200}"
shift || true
if [ "$#" -eq 0 ]; then
  set -- / /legal-framework/ /legal-framework/palermo-protocol/ /search/ \
    /partner-with-us/become-an-advocate/
fi

TOOLS=var/node-tools
if [ ! -x "$TOOLS/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --silent lighthouse@12 vnu-jar@26 >/dev/null
fi
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
OUT=var/lighthouse
mkdir -p "$OUT"

status=0
printf '%-40s %11s %13s %14s %4s\n' page performance accessibility best-practices seo
for path in "$@"; do
  name=$(printf '%s' "$path" | tr -c 'a-zA-Z0-9' '-' | sed 's/^-*//; s/-*$//')
  report="$OUT/${name:-home}.json"
  "$TOOLS/node_modules/.bin/lighthouse" "$BASE_URL$path" --quiet \
    --output=json --output-path="$report" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-background-networking \
--disable-component-update --disable-default-apps --no-first-run --disable-sync"
  python3 - "$report" "$path" <<'PY' || status=1
import json, sys
report = json.load(open(sys.argv[1]))
names = ["performance", "accessibility", "best-practices", "seo"]
scores = [round((report["categories"][name]["score"] or 0) * 100) for name in names]
print(f"{sys.argv[2]:<40} {scores[0]:>11} {scores[1]:>13} {scores[2]:>14} {scores[3]:>4}")
for name in names:
    for ref in report["categories"][name]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            print(f"    {name}: {audit['id']}: {audit['title']}")
sys.exit(0 if min(scores) == 100 else 1)
PY
done
exit "$status"
