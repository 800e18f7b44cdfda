#!/usr/bin/env bash
# Check the site's key pages and stylesheets with the Nu HTML Checker (vnu-jar, run by java).
#
#   scripts/validate_html.sh [BASE_URL] [PATH ...]
#
# BASE_URL defaults to http://127.0.0.1:8200 (start the site first). PATHs default to the
# pages Lighthouse checks plus Browse safely, a search with results and the three sign-up
# forms, each also as "post:PATH": the form sent empty, so its error state is checked too
# (sent after OUTREACH_MIN_FILL_SECONDS, default 3, so the site does not take it for a bot).
# vnu-jar comes from npm into var/node-tools (git-ignored) on first use. Exits non-zero on
# any error.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE_URL="${1:-http://127.0.0.1:8200}"
shift || true
if [ "$#" -eq 0 ]; then
  set -- / /legal-framework/ /legal-framework/palermo-protocol/ /legal-framework/governments/ \
    /legal-framework/blue-heart-campaign/ /browse-safely/ /accessibility/ /search/ \
    "/search/?q=trafficking" /no-such-page/ \
    /partner-with-us/become-an-advocate/ post:/partner-with-us/become-an-advocate/ \
    /partner-with-us/partner-sign-up/ post:/partner-with-us/partner-sign-up/ \
    /partner-with-us/request-a-training/ post:/partner-with-us/request-a-training/
fi

TOOLS=var/node-tools
VNU="$TOOLS/node_modules/vnu-jar/build/dist/vnu.jar"
if [ ! -f "$VNU" ]; then
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --silent --ignore-scripts vnu-jar@26 >/dev/null
fi

# The checker will not fetch from local addresses, so the pages are saved first.
OUT=var/vnu
rm -rf "$OUT" && mkdir -p "$OUT"
files=()
posts=()
for path in "$@"; do
  name=$(printf '%s' "$path" | tr -c 'a-zA-Z0-9' '-' | sed 's/^-*//; s/-*$//')
  file="$OUT/${name:-home}.html"
  if [[ "$path" == post:* ]]; then
    # Keep the form's cookies and hidden fields (CSRF and timing tokens) to send it later.
    url="$BASE_URL${path#post:}"
    curl -s -c "$file.cookies" "$url" | python3 -c '
import re, sys, urllib.parse
fields = re.findall(r"<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"", sys.stdin.read())
print(urllib.parse.urlencode(fields))' >"$file.data"
    posts+=("$url $file")
  else
    curl -s -o "$file" "$BASE_URL$path"
  fi
  files+=("$file")
done
if [ "${#posts[@]}" -gt 0 ]; then
  sleep "${OUTREACH_MIN_FILL_SECONDS:-3}"
  for post in "${posts[@]}"; do
    read -r url file <<<"$post"
    curl -s -b "$file.cookies" -H "Referer: $url" --data "@$file.data" -o "$file" "$url"
    grep -q 'There is a problem' "$file" || { echo "No error summary from POST $url" >&2; exit 1; }
    rm -f "$file.cookies" "$file.data"
  done
fi
echo "Checking ${#files[@]} pages from $BASE_URL and static/css/*.css with the Nu HTML Checker"
if java -jar "$VNU" --also-check-css --format text "${files[@]}" static/css/*.css; then
  echo "No errors."
else
  echo "The Nu HTML Checker found errors (above)." >&2
  exit 1
fi
