#!/usr/bin/env bash
# Runs every FlowConfigs test on a fresh machine: installs what the tests need, then the .NET test projects.
# Ends with one line "N passed, N failed" and exits non-zero on any failure.
# ./test.sh --screenshots instead retakes the README's screenshots (docs/screenshots/*.png) of a fresh gateway holding
# only the sample data; no test writes into the repository.
set -uo pipefail
cd "$(dirname "$0")"

screenshots=false
case "${1:-}" in
  "") ;;
  --screenshots) screenshots=true ;;
  *) echo "usage: ./test.sh [--screenshots]"; exit 2 ;;
esac

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages the tests start for real: espeak-ng (speech preview), chromium (browser tests), redis-server (cluster membership),
# a C toolchain and zlib for the Lambda's Native AOT build.
needed=()
command -v espeak-ng >/dev/null || needed+=(espeak-ng)
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || needed+=(chromium)
command -v redis-server >/dev/null || needed+=(redis-server)
# Native AOT (the GetConfig Lambda's bootstrap) links with clang, or gcc when clang is absent, against zlib.
command -v clang >/dev/null || command -v gcc >/dev/null || needed+=(clang)
dpkg -s zlib1g-dev >/dev/null 2>&1 || needed+=(zlib1g-dev)
if [ ${#needed[@]} -gt 0 ]; then
  echo "Installing ${needed[*]}"
  as_root apt-get update -qq && as_root apt-get install -y -qq "${needed[@]}" >/dev/null || { echo "apt-get install ${needed[*]} failed"; exit 1; }
fi

if $screenshots; then
  # The browser project builds the gateway and the web app it drives; its own entry point walks the app and captures.
  dotnet build tests/FlowConfigs.EndToEnd -c Release -nologo -v q || exit 1
  exec dotnet tests/FlowConfigs.EndToEnd/bin/Release/net10.0/FlowConfigs.EndToEnd.dll screenshots "$PWD/docs/screenshots"
fi

# npm stand-ins the tests start for real: dynalite (DynamoDB-compatible server).
(cd tests/tools && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error) || { echo "npm ci in tests/tools failed"; echo "0 passed, 1 failed"; exit 1; }

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

dotnet build FlowConfigs.sln -c Release -nologo -v q || { echo "0 passed, 1 failed"; exit 1; }

# One run per test project, each with its own result file, so no two runs can overwrite each other's counts.
status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=$?
done

# The web app's component tests (the gateway build above already ran npm ci).
(cd src/FlowConfigs.Web && npx vitest run --reporter=default --reporter=json --outputFile="$results/vitest.json") || status=$?

# Sum the counters of every test run: one .trx file per .NET test project, one JSON report from Vitest.
read -r passed failed < <(
  {
    cat "$results"/*.trx 2>/dev/null \
      | grep -o '<Counters [^>]*>' \
      | sed -E 's/.* passed="([0-9]+)" failed="([0-9]+)".*/\1 \2/'
    node -e 'const r = require(process.argv[1]); const f = r.numFailedTests || 0; console.log(r.numPassedTests || 0, f || (r.success === false ? 1 : 0))' "$results/vitest.json" 2>/dev/null
  } | awk '{ p += $1; f += $2 } END { print p + 0, f + 0 }')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
