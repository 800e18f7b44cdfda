#!/usr/bin/env bash
# Check the site's key pages and stylesheets with the Nu HTML Checker (vnu-jar, run by java).
#
#   scripts/validate_html.sh [BASE_URL] [PATH ...]
#
# BASE_URL defaults to http://127.0.0.1:8200 (start the site first). PATHs default to the
# pages Lighthouse checks plus Browse safely and a search with results. vnu-jar comes from
# npm into var/node-tools (git-ignored) on first use. Exits non-zero on any error.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE_URL="${1:-http://127.0.0.1:8200}"
shift || true
if [ "$#" -eq 0 ]; then
  set -- / /legal-framework/ /legal-framework/palermo-protocol/ /legal-framework/governments/ \
    /legal-framework/blue-heart-campaign/ /browse-safely/ /accessibility/ /search/ \
    "/search/?q=trafficking" /no-such-page/
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
for path in "$@"; do
  name=$(printf '%s' "$path" | tr -c 'a-zA-Z0-9' '-' | sed 's/^-*//; s/-*$//')
  file="$OUT/${name:-home}.html"
  curl -s -o "$file" "$BASE_URL$path"
  files+=("$file")
done
echo "Checking ${#files[@]} pages from $BASE_URL and static/css/*.css with the Nu HTML Checker"
if java -jar "$VNU" --also-check-css --format text "${files[@]}" static/css/*.css; then
  echo "No errors."
else
  echo "The Nu HTML Checker found errors (above)." >&2
  exit 1
fi
