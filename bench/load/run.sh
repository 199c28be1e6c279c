#!/usr/bin/env bash
# Load measurement of `ptrack serve` on a database (usually the synthetic large portfolio):
#   bench/load/run.sh DB
# Publishes Release, starts `ptrack serve` on DB at 127.0.0.1:$PORT, waits for /health, warms up, then runs wrk for
# $DURATION against each endpoint below and prints one markdown table: requests per second, p50/p95/p99 latency and
# failures (non-2xx/3xx responses, e.g. a 404 for an endpoint that does not exist, and socket errors), then the memory
# of the serve process: VmRSS idle (after start and warm-up) and VmHWM (peak resident) after the load.
# Needs: the .NET SDK, wrk (Debian package `wrk`), curl. Every setting is a variable:
#   SLUG=synthetic-01 WORD=interoperability DURATION=30s CONNECTIONS=8 THREADS=2 TIMEOUT=10s PORT=5099
#   DASHBOARD_URL LIST_URL API_URL SEARCH_URL HEALTH_URL (paths; defaults below)
# Make the portfolio first:
#   dotnet run -c Release --project bench/PartnershipTracker.Benchmarks -- portfolio --out data/large.db
set -euo pipefail
cd "$(dirname "$0")/../.."

db=${1:?usage: bench/load/run.sh DB (e.g. data/large.db, made by the benchmarks portfolio command)}
[ -f "$db" ] || { echo "no database at $db" >&2; exit 2; }
db=$(realpath "$db")
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

SLUG=${SLUG:-synthetic-01}
WORD=${WORD:-interoperability}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
TIMEOUT=${TIMEOUT:-10s}
PORT=${PORT:-5099}
DASHBOARD_URL=${DASHBOARD_URL:-/?programme=$SLUG}
LIST_URL=${LIST_URL:-/initiatives?programme=$SLUG&status=Ongoing}
API_URL=${API_URL:-/api/v1/initiatives?programme=$SLUG&limit=50}
SEARCH_URL=${SEARCH_URL:-/search?q=$WORD}
HEALTH_URL=${HEALTH_URL:-/health}
base="http://127.0.0.1:$PORT"
endpoints=("dashboard|$DASHBOARD_URL" "list page|$LIST_URL" "API list|$API_URL" "search|$SEARCH_URL" "health|$HEALTH_URL")

out=${PUBLISH_DIR:-${TMPDIR:-/tmp}/ptrack-load}
echo "== publishing Release to $out" >&2
dotnet publish src/PartnershipTracker -c Release -o "$out" --nologo -v quiet >&2

log=$(mktemp)
"$out/ptrack" serve --urls "$base" "--Database:ConnectionString=Data Source=$db" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -f "$log"' EXIT

echo "== waiting for $base/health (pid $pid)" >&2
for _ in $(seq 1 180); do
  curl -sf "$base/health" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { echo "serve stopped:" >&2; cat "$log" >&2; exit 1; }
  sleep 1
done
curl -sf "$base/health" >/dev/null || { echo "no answer from $base/health" >&2; exit 1; }

kib() { awk -v k="$1" '$1 == k":" { print $2 }' "/proc/$pid/status"; }

echo "== warming up" >&2
for entry in "${endpoints[@]}"; do
  url=${entry#*|}
  code=$(curl -s -o /dev/null -w '%{http_code}' "$base$url")
  echo "   $code $url" >&2
  wrk -t1 -c2 -d3s --timeout "$TIMEOUT" "$base$url" >/dev/null
done
sleep 2
idle_kib=$(kib VmRSS)

rows=()
declare -A rps
for entry in "${endpoints[@]}"; do
  name=${entry%%|*}
  url=${entry#*|}
  echo "== $name: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout $TIMEOUT $url" >&2
  result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" -s bench/load/report.lua "$base$url" | awk '/^RESULT/ { $1 = ""; print }')
  read -r requests rate p50 p95 p99 failures <<<"$result"
  # wrk counts a request only once it is answered: none answered means every connection waited out the run.
  [ "$requests" != 0 ] || { failures="all: no answer within $DURATION"; p50="—"; p95="—"; p99="—"; }
  # A run with failures has no rate worth comparing (a 404 answers fast).
  [ "$failures" = 0 ] && rps[$name]=$rate || rps[$name]=0
  rows+=("| $name | \`$url\` | $requests | $rate | $p50 | $p95 | $p99 | $failures |")
done
peak_kib=$(kib VmHWM)
now_kib=$(kib VmRSS)

echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout $TIMEOUT per endpoint, database $(basename "$db") ($(du -m "$db" | cut -f1) MB)"
echo
echo "| endpoint | URL | requests | req/s | p50 ms | p95 ms | p99 ms | failures |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
awk -v api="${rps[API list]}" -v health="${rps[health]}" 'BEGIN {
  if (api > 0 && health > 0) printf "API list / health requests per second: %.2f\n", api / health
  else print "API list / health requests per second: n/a (a run had failures)" }'
echo "serve memory: idle (after start and warm-up) $((idle_kib / 1024)) MB VmRSS; peak under load $((peak_kib / 1024)) MB VmHWM; after the load $((now_kib / 1024)) MB VmRSS"
