#!/usr/bin/env bash
# Security scan of a local `ptrack serve` with sqlmap and wapiti (Debian packages):
#   bench/security/scan.sh [OUT]          # OUT defaults to ./scan-results (git-ignored)
# Builds ptrack (or uses $PTRACK), starts `ptrack serve` on a free local port with a new temporary SQLite database (the
# example programme loads on first start), creates a contributor (or, with SCAN_ROLE, another role) with
# `ptrack user add` and an API token with `ptrack token create`, signs in through POST /login for a session cookie,
# completes the forced password change at /account/password (every user added by `ptrack user add` must change the
# password an admin chose, docs/accounts.md) with a new random password, then runs
#   - sqlmap (batch mode) against the API list endpoint with its filters, /api/v1/search, a record GET by id, the
#     /search page and a list page with filters (with the session cookie), the sign-in form (name, password), the
#     second sign-in step POST /login/code (code; in the two-step state of scan-mfa, a viewer the script gives
#     two-factor sign-in at /account/mfa; anonymous, or if that fails, without it: every answer is then the way back
#     to /login), the own-password form POST /account/password (a wrong current password: nothing changes);
#     as admin (SCAN_ROLE=admin) also POST /admin/users (add a user), POST /admin/users/{id} (save a user made for
#     the scan), the purge page POST /{section}/{id}/purge and DELETE /api/v1/{type}/{id}/purge (a record the
#     script deletes first; a stale revision / If-Match, so nothing is purged);
#   - wapiti crawling from / with the session cookie (never /logout), with the modules below and a time limit;
# and writes everything under OUT: sqlmap/ (sqlmap's own output) and sqlmap-*.log, wapiti.json and wapiti.log,
# serve.log (the server's console, without the line that shows the first admin's password) and
# summary.md (one line per sqlmap target, wapiti's findings by category). The server is stopped at the end.
# docs/security.md explains the findings of the recorded run.
# The scan changes what it scans: wapiti submits every form as the contributor (it deletes and edits records, creates
# and revokes API tokens), which is why it runs after sqlmap and only ever against the temporary database made here.
#
# Exit code: 0 when every scan ran (read summary.md for findings), 1 when something could not run (server, sign-in,
# a scanner that crashed), 2 for bad usage or a missing tool.
# Needs: the .NET SDK (unless PTRACK is set), curl, python3, sqlmap, wapiti (`apt-get install sqlmap wapiti`).
# Every setting is a variable:
#   PTRACK=path/to/ptrack       use this executable instead of building src/PartnershipTracker (Release, publish)
#   PORT=5099                   listen here instead of a free port
#   ANONYMOUS=1                 do not create a user or sign in: scan what an anonymous visitor reaches (also the
#                               way to scan a build that has no accounts yet)
#   SCAN_USER=scanner           the user created for the scan (its passwords are random, never written to OUT)
#   SCAN_ROLE=contributor       its role: viewer, contributor, reviewer or admin. admin adds the /admin pages and
#                               purge to the sqlmap targets, and wapiti crawls them (never the scan user's own
#                               /admin/users/{id} page, whose forms would demote or disable it)
#   SCAN_CLEARANCE="NATO SECRET" SCAN_ORGANISATION=NATO   its clearance and organisation: it sees
#                               every record up to NATO SECRET that has no Releasable To list or lists NATO
#   LOGIN_NAME_FIELD=name LOGIN_PASSWORD_FIELD=password   the sign-in form's field names
#   SQLMAP_LEVEL=3 SQLMAP_RISK=2   sqlmap --level (1-5: which parameters and payloads) and --risk (1-3)
#   SQLMAP_TARGETS="login-code account-password"   run sqlmap only on these targets (names as in summary.md;
#                               default every target)
#   SQLMAP_EXTRA=""             more sqlmap options, e.g. "--technique=BEU" to leave out time-based tests
#   WAPITI_MODULES=...          wapiti -m list (default below)
#   WAPITI_TIME=180             wapiti --max-scan-time in seconds (wapiti 3.0.4 applies it to the crawl only)
#   WAPITI_ATTACK_TIME=60       wapiti --max-attack-time in seconds, for each module: the attacks take at most
#                               the number of modules times this
#   KEEP=1                      keep the temporary folder (database, wapiti session) and print where it is
# The login rate limit and the lockout are raised for the scanned server (Security:LoginRateLimit,
# Security:LockoutFailures) so that sqlmap tests the forms themselves rather than the rate limiter and the lockout
# (a wrong current password at /account/password counts as a failed sign-in); both have their own tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

for tool in sqlmap wapiti; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install sqlmap wapiti" >&2; exit 2; }
done
for tool in curl python3; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install $tool" >&2; exit 2; }
done
[ $# -le 1 ] || { echo "usage: bench/security/scan.sh [OUT] (default ./scan-results)" >&2; exit 2; }

out=${1:-./scan-results}
mkdir -p "$out"
out=$(realpath "$out")
work=$(mktemp -d "${TMPDIR:-/tmp}/ptrack-scan.XXXXXX")

ANONYMOUS=${ANONYMOUS:-0}
mfa_password=
SCAN_USER=${SCAN_USER:-scanner}
SCAN_ROLE=${SCAN_ROLE:-contributor}
case $SCAN_ROLE in
  viewer|contributor|reviewer|admin) ;;
  *) echo "SCAN_ROLE must be viewer, contributor, reviewer or admin, not '$SCAN_ROLE'" >&2; exit 2 ;;
esac
SCAN_CLEARANCE=${SCAN_CLEARANCE:-NATO SECRET}
SCAN_ORGANISATION=${SCAN_ORGANISATION:-NATO}
LOGIN_NAME_FIELD=${LOGIN_NAME_FIELD:-name}
LOGIN_PASSWORD_FIELD=${LOGIN_PASSWORD_FIELD:-password}
SQLMAP_LEVEL=${SQLMAP_LEVEL:-3}
SQLMAP_RISK=${SQLMAP_RISK:-2}
SQLMAP_EXTRA=${SQLMAP_EXTRA:-}
SQLMAP_TARGETS=${SQLMAP_TARGETS:-}
WAPITI_MODULES=${WAPITI_MODULES:-xss,permanentxss,sql,blindsql,exec,file,crlf,redirect,csp,http_headers,cookieflags,csrf,methods}
WAPITI_TIME=${WAPITI_TIME:-180}
WAPITI_ATTACK_TIME=${WAPITI_ATTACK_TIME:-60}
PORT=${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
base="http://127.0.0.1:$PORT"

# The CLI commands and the server share the temporary database through this setting.
export Database__ConnectionString="Data Source=$work/ptrack.db"
export Examples__LoadOnEmptyDatabase=true
export Security__LoginRateLimit=100000
export Security__LockoutFailures=100000

if [ -z "${PTRACK:-}" ]; then
  echo "== publishing Release to $work/bin" >&2
  dotnet publish "$repo/src/PartnershipTracker" -c Release -o "$work/bin" --nologo -v quiet >&2
  PTRACK="$work/bin/ptrack"
fi
[ -x "$PTRACK" ] || { echo "no ptrack executable at $PTRACK" >&2; exit 2; }

antiforgery_of() {
  printf '%s' "$1" | sed -n 's/.*name="__RequestVerificationToken"[^>]*value="\([^"]*\)".*/\1/p' | head -n 1
}

# sign_in JAR NAME PASSWORD: GET /login for the antiforgery token, then POST /login; the answer must be 302 (to the
# return URL, or to /login/code for a user with two-factor sign-in). JAR is curl's cookie file, read and written.
sign_in() {
  local page token status
  page=$(curl -sf -c "$1" -b "$1" "$base/login") || { echo "GET /login failed" >&2; return 1; }
  token=$(antiforgery_of "$page")
  [ -n "$token" ] || { echo "no antiforgery token in the /login form" >&2; return 1; }
  status=$(curl -s -o /dev/null -w '%{http_code}' -c "$1" -b "$1" "$base/login" \
    --data-urlencode "$LOGIN_NAME_FIELD=$2" --data-urlencode "$LOGIN_PASSWORD_FIELD=$3" \
    --data-urlencode "__RequestVerificationToken=$token")
  [ "$status" = 302 ] || { echo "sign-in of $2 failed: POST /login answered $status" >&2; return 1; }
}

# change_password JAR CURRENT NEW: the form at /account/password (fields currentPassword, newPassword, repeatPassword,
# returnUrl and the antiforgery token of this session); the answer must be 302 (to the return URL).
change_password() {
  local page token status
  page=$(curl -sf -c "$1" -b "$1" "$base/account/password") || { echo "GET /account/password failed" >&2; return 1; }
  token=$(antiforgery_of "$page")
  [ -n "$token" ] || { echo "no antiforgery token in the /account/password form" >&2; return 1; }
  status=$(curl -s -o /dev/null -w '%{http_code}' -c "$1" -b "$1" "$base/account/password" \
    --data-urlencode "currentPassword=$2" --data-urlencode "newPassword=$3" --data-urlencode "repeatPassword=$3" \
    --data-urlencode "returnUrl=/" --data-urlencode "__RequestVerificationToken=$token")
  [ "$status" = 302 ] || { echo "the password change failed: POST /account/password answered $status" >&2; return 1; }
}

# cookies_of JAR: every cookie of curl's jar as one Cookie header value (curl writes HttpOnly ones as "#HttpOnly_host").
cookies_of() {
  awk -F '\t' 'NF >= 7 { sub(/^#HttpOnly_/, "", $1); if ($1 !~ /^#/) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$1"
}

# totp SECRET: the current code (RFC 6238: HMAC-SHA1, 30 s, 6 digits) of a base32 authenticator key.
totp() {
  python3 - "$1" <<'PY'
import base64, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1] + "=" * (-len(sys.argv[1]) % 8))
mac = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), "sha1").digest()
offset = mac[-1] & 15
print(f"{(struct.unpack('>I', mac[offset:offset + 4])[0] & 0x7fffffff) % 10**6:06d}")
PY
}

# mfa_user NAME: adds a viewer NAME, signs it in, changes its forced password and turns on two-factor sign-in at
# /account/mfa (Begin with the password, Confirm with the code of the key the page shows); prints the password.
mfa_user() {
  local first pass jar page token secret code
  first=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
  pass=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
  jar="$work/cookies-$1.txt"
  (cd "$work" && printf '%s\n' "$first" | "$PTRACK" user add "$1" --role viewer --password-stdin) >&2 || return 1
  sign_in "$jar" "$1" "$first" && change_password "$jar" "$first" "$pass" || return 1
  page=$(curl -sf -c "$jar" -b "$jar" "$base/account/mfa") || return 1
  token=$(antiforgery_of "$page")
  page=$(curl -s -L -c "$jar" -b "$jar" "$base/account/mfa?handler=Begin" \
    --data-urlencode "password=$pass" --data-urlencode "__RequestVerificationToken=$token") || return 1
  secret=$(printf '%s' "$page" | sed -n 's/.*data-secret="\([A-Z2-7]*\)".*/\1/p' | head -n 1)
  [ -n "$secret" ] || { echo "/account/mfa showed no key after Begin" >&2; return 1; }
  token=$(antiforgery_of "$page")
  code=$(totp "$secret")
  curl -s -o /dev/null -L -c "$jar" -b "$jar" "$base/account/mfa?handler=Confirm" \
    --data-urlencode "code=$code" --data-urlencode "__RequestVerificationToken=$token" || return 1
  (cd "$work" && "$PTRACK" user list --json) | python3 -c '
import json, sys
sys.exit(0 if any(u["name"] == sys.argv[1] and u["mfa"] for u in json.load(sys.stdin)["items"]) else 1)' "$1" \
    || { echo "two-factor sign-in of $1 is not on after Confirm" >&2; return 1; }
  printf '%s\n' "$pass"
}

pid=
stop() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  # The first start prints the generated admin password once: it stays out of OUT.
  [ -f "$work/serve.log" ] && sed 's/.*[Pp]assword.*/[a line that mentions a password, left out]/' "$work/serve.log" >"$out/serve.log"
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap stop EXIT

# serve runs in the temporary folder, so nothing lands in ./data/ of the clone.
echo "== starting ptrack serve at $base (database $work/ptrack.db)" >&2
(cd "$work" && exec "$PTRACK" serve --urls "$base") >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 180); do
  curl -sf "$base/health" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { echo "serve stopped:" >&2; cat "$work/serve.log" >&2; exit 1; }
  sleep 1
done
curl -sf "$base/health" >/dev/null || { echo "no answer from $base/health" >&2; exit 1; }

cookie_header=
auth=()
if [ "$ANONYMOUS" != 1 ]; then
  echo "== creating $SCAN_ROLE $SCAN_USER and an API token" >&2
  password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
  (cd "$work" && printf '%s\n' "$password" | "$PTRACK" user add "$SCAN_USER" --role "$SCAN_ROLE" \
    --clearance "$SCAN_CLEARANCE" --organisation "$SCAN_ORGANISATION" --password-stdin) >&2 \
    || { echo "ptrack user add failed" >&2; exit 1; }
  token=$(cd "$work" && "$PTRACK" token create "$SCAN_USER" --name security-scan) || { echo "ptrack token create failed" >&2; exit 1; }
  [ -n "$token" ] || { echo "ptrack token create printed no token" >&2; exit 1; }
  auth=(-H "Authorization: Bearer $token")

  echo "== signing in as $SCAN_USER through POST /login" >&2
  jar="$work/cookies.txt"
  sign_in "$jar" "$SCAN_USER" "$password" || exit 1
  # The user was added by the command line, so it must change its password before any page opens.
  echo "== changing the forced password at /account/password" >&2
  new_password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
  change_password "$jar" "$password" "$new_password" || exit 1
  password=$new_password
  cookie_header=$(cookies_of "$jar")

  # POST /login/code is reached only in the two-step state (a right password less than 5 minutes before): a second
  # user with two-factor sign-in gives sqlmap that state, made again just before its sqlmap target runs.
  echo "== adding scan-mfa, a viewer with two-factor sign-in" >&2
  mfa_password=$(mfa_user scan-mfa) || { echo "   could not turn on two-factor sign-in: /login/code is scanned without the two-step state" >&2; mfa_password=; }
  check=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie_header" "$base/initiatives")
  [ "$check" = 200 ] || { echo "sign-in failed: /initiatives with the cookie answered $check" >&2; exit 1; }
fi
cookie=()
[ -n "$cookie_header" ] && cookie=(--cookie "$cookie_header")

# A real record id and a real cursor (one made for the same order), so that sqlmap starts from answers that are 200.
first=$(curl -sf "${auth[@]}" "$base/api/v1/initiatives?sort=name&dir=asc&limit=1") || { echo "GET /api/v1/initiatives failed" >&2; exit 1; }
id=$(printf '%s' "$first" | python3 -c 'import json, sys; items = json.load(sys.stdin)["items"]; print(items[0]["id"] if items else "")')
[ -n "$id" ] || { echo "the scan user sees no initiative (GET /api/v1/initiatives is empty): nothing to scan" >&2; exit 1; }
cursor=$(printf '%s' "$first" | python3 -c 'import json, sys; print(json.load(sys.stdin)["nextCursor"] or "")')

sqlmap_targets=(
  "api-list|$base/api/v1/initiatives?status=Ongoing&q=reform&sort=name&dir=asc&limit=20"
  "api-list-cursor|$base/api/v1/initiatives?sort=name&dir=asc&limit=1&cursor=$cursor"
  "api-search|$base/api/v1/search?q=reform"
  "api-record|$base/api/v1/initiatives/$id*"
  "page-search|$base/search?q=reform&page=1"
  "page-list|$base/initiatives?status=Ongoing&q=reform&sort=name&dir=asc&page=1"
  "login-form|$base/login"
  "login-code|$base/login/code"
)
[ "$ANONYMOUS" = 1 ] || sqlmap_targets+=("account-password|$base/account/password")

if [ "$ANONYMOUS" != 1 ] && [ "$SCAN_ROLE" = admin ]; then
  # A user for sqlmap to edit (never the scan user: a demoted or disabled scan user would end the scan's session),
  # and a deleted initiative for the purge targets, which send a stale revision so that nothing is purged.
  (cd "$work" && "$PTRACK" user add scan-target --role viewer --organisation NATO >/dev/null) \
    || { echo "ptrack user add scan-target failed" >&2; exit 1; }
  users_page=$(curl -sf -H "Cookie: $cookie_header" "$base/admin/users") || { echo "GET /admin/users failed" >&2; exit 1; }
  target_id=$(printf '%s' "$users_page" | sed -n 's/.*href="\/admin\/users\/\([0-9]*\)">scan-target<.*/\1/p' | head -n 1)
  self_id=$(printf '%s' "$users_page" | sed -n "s/.*href=\"\\/admin\\/users\\/\\([0-9]*\\)\">$SCAN_USER<.*/\\1/p" | head -n 1)
  [ -n "$target_id" ] && [ -n "$self_id" ] || { echo "no scan-target or $SCAN_USER on /admin/users" >&2; exit 1; }
  last=$(curl -sf "${auth[@]}" "$base/api/v1/initiatives?sort=name&dir=desc&limit=1" \
    | python3 -c 'import json, sys; items = json.load(sys.stdin)["items"]; print(items[0]["id"] if items else "")')
  etag=$(curl -sf -o /dev/null -D - "${auth[@]}" "$base/api/v1/initiatives/$last" | sed -n 's/^[Ee][Tt]ag: *\(.*\)\r$/\1/p')
  status=$(curl -s -o /dev/null -w '%{http_code}' -X DELETE "${auth[@]}" -H "If-Match: $etag" "$base/api/v1/initiatives/$last")
  [ "$status" = 204 ] || { echo "DELETE /api/v1/initiatives/$last answered $status: no deleted record to purge" >&2; exit 1; }
  sqlmap_targets+=(
    "admin-users-add|$base/admin/users"
    "admin-user-save|$base/admin/users/$target_id?handler=Save"
    "page-purge|$base/initiatives/$last/purge"
    "api-purge|$base/api/v1/initiatives/$last*/purge"
  )
fi
rows=()
failed=0
for entry in "${sqlmap_targets[@]}"; do
  name=${entry%%|*}
  url=${entry#*|}
  if [ -n "$SQLMAP_TARGETS" ] && [[ " $SQLMAP_TARGETS " != *" $name "* ]]; then continue; fi
  args=(-u "$url" --batch --disable-coloring --flush-session --output-dir "$out/sqlmap" --dbms SQLite
        --level "$SQLMAP_LEVEL" --risk "$SQLMAP_RISK" --timeout 30 --retries 1)
  case $name in
    api-purge) args+=("${auth[@]}" --method DELETE -H 'If-Match: "999"*') ;;
    api-*) args+=("${auth[@]}") ;;
    page-purge) args+=("${cookie[@]}" --data "revision=999&__RequestVerificationToken=x"
                       --csrf-token __RequestVerificationToken --csrf-url "$url") ;;
    page-*) args+=("${cookie[@]}") ;;
    # A name that does not exist: sqlmap's guesses must not lock the scan user out.
    login-form) args+=(--data "$LOGIN_NAME_FIELD=nobody&$LOGIN_PASSWORD_FIELD=not-the-password&returnUrl=%2F&__RequestVerificationToken=x"
                       --csrf-token __RequestVerificationToken --csrf-url "$base/login" -p "$LOGIN_NAME_FIELD,$LOGIN_PASSWORD_FIELD,returnUrl") ;;
    # No two-step state (no right password just before): every answer is the way back to /login, which is what a
    # forged or expired state gets. The antiforgery token of an anonymous visitor comes from /login.
    login-code)
      state="without the two-step state"
      csrf_url="$base/login"
      if [ -n "$mfa_password" ]; then
        rm -f "$work/cookies-code.txt"
        if sign_in "$work/cookies-code.txt" scan-mfa "$mfa_password"; then
          state="in the two-step state of scan-mfa"
          csrf_url="$base/login/code"
          args+=(--cookie "$(cookies_of "$work/cookies-code.txt")")
        fi
      fi
      args+=(--data "code=123456&__RequestVerificationToken=x" --csrf-token __RequestVerificationToken
             --csrf-url "$csrf_url" -p code) ;;
    # A wrong current password, so that no guess changes the password (the lockout is raised above).
    account-password) args+=("${cookie[@]}" --data "returnUrl=%2F&currentPassword=not-the-password&newPassword=another+long+passphrase+here&repeatPassword=another+long+passphrase+here&__RequestVerificationToken=x"
                             --csrf-token __RequestVerificationToken --csrf-url "$url" -p "returnUrl,currentPassword,newPassword,repeatPassword") ;;
    admin-users-add) args+=("${cookie[@]}" --data "Form.Name=sqlmap-probe&Form.Role=viewer&Form.Clearance=NATO+RESTRICTED&Form.Nationality=BIH&Form.Organisation=NATO&__RequestVerificationToken=x"
                            --csrf-token __RequestVerificationToken --csrf-url "$url" -p "Form.Name,Form.Role,Form.Clearance,Form.Nationality,Form.Organisation") ;;
    admin-user-save) args+=("${cookie[@]}" --data "Form.Role=viewer&Form.Clearance=NATO+RESTRICTED&Form.Nationality=BIH&Form.Organisation=NATO&__RequestVerificationToken=x"
                            --csrf-token __RequestVerificationToken --csrf-url "${url%%\?*}" -p "Form.Role,Form.Clearance,Form.Nationality,Form.Organisation") ;;
  esac
  # shellcheck disable=SC2206 # SQLMAP_EXTRA is a list of options on purpose
  args+=($SQLMAP_EXTRA)
  echo "== sqlmap $name: $url" >&2
  started=$(date +%s)
  TERM=dumb sqlmap "${args[@]}" >"$out/sqlmap-$name.log" 2>&1 || { echo "   sqlmap $name failed (see sqlmap-$name.log)" >&2; failed=1; }
  seconds=$(( $(date +%s) - started ))
  if grep -q "is vulnerable\|sqlmap identified the following injection point" "$out/sqlmap-$name.log"; then
    verdict="INJECTABLE: $(grep -m1 -o "Parameter: .*" "$out/sqlmap-$name.log" || echo 'see log')"
  elif grep -q "all tested parameters do not appear to be injectable" "$out/sqlmap-$name.log"; then
    verdict="no injectable parameter"
  else
    verdict="inconclusive: $(grep -E '\[(CRITICAL|ERROR)\]' "$out/sqlmap-$name.log" | tail -n 1 | sed 's/.*\[\(CRITICAL\|ERROR\)\] //' || true)"
  fi
  codes=$(grep -A1 'HTTP error codes detected during run' "$out/sqlmap-$name.log" | tail -n +2 | head -n 1 || true)
  echo "   $verdict ($seconds s)" >&2
  [ "$name" = login-code ] && verdict="$verdict ($state)"
  rows+=("| $name | \`${url#"$base"}\` | $verdict | ${codes:-none} | $seconds |")
done

# Debian's wapiti 3.0.4 crashes on -x under Python 3.11 ("global flags not at the start of the expression": its
# wildcard_translate appends "(?ms)" after the pattern). Run it with that one function replaced by a correct one.
# The Python that wapiti's own launcher names (#!/usr/bin/python3), which has wapitiCore, whatever python3 is on PATH.
wapiti_patched() {
  local python
  python=$(sed -n '1s/^#! *//p' "$(command -v wapiti)")
  "${python:-/usr/bin/python3}" - "$@" <<'PY'
import re, sys
try:
    import wapitiCore.net.crawler as crawler
    if hasattr(crawler, "wildcard_translate"):
        crawler.wildcard_translate = lambda pattern: re.compile(
            "(?ms)" + "".join(".*" if c == "*" else re.escape(c) for c in pattern) + r"\Z")
    from wapitiCore.main.wapiti import wapiti_main
except ImportError:
    import os
    os.execvp("wapiti", ["wapiti"] + sys.argv[1:])
sys.argv[0] = "wapiti"
sys.exit(wapiti_main())
PY
}

wapiti_exclude=()
[ -n "${self_id:-}" ] && wapiti_exclude=(-x "$base/admin/users/$self_id*")
echo "== wapiti: crawl from / for at most $WAPITI_TIME s, then at most $WAPITI_ATTACK_TIME s per module ($WAPITI_MODULES)" >&2
wapiti_args=(-u "$base/" --scope folder -m "$WAPITI_MODULES" -f json -o "$out/wapiti.json"
             --max-scan-time "$WAPITI_TIME" --max-attack-time "$WAPITI_ATTACK_TIME" -t 30 -d 5
             --max-links-per-page 60 --flush-session --store-session "$work/wapiti-session" --no-bugreport -v 1
             -x "$base/logout" "${wapiti_exclude[@]}" -s "$base/search?q=reform" -s "$base/initiatives?status=Ongoing&q=reform&sort=name")
if [ -n "$cookie_header" ]; then
  # wapiti's own cookie file (its JSON shape: host, path, name), so that its cookie jar keeps the session and the
  # antiforgery cookie together; a fixed Cookie header (-H) would hide the cookies the forms' tokens belong to.
  python3 - "$jar" "$work/cookies.json" <<'PY'
import json, sys
cookies = {}
for line in open(sys.argv[1]):
    fields = line.rstrip("\n").split("\t")
    if len(fields) < 7:
        continue
    host = fields[0].removeprefix("#HttpOnly_")
    if host.startswith("#"):
        continue
    cookies.setdefault(host, {}).setdefault(fields[2], {})[fields[5]] = {
        "value": fields[6], "expires": None, "secure": fields[3] == "TRUE", "port": None, "version": 0}
json.dump(cookies, open(sys.argv[2], "w"))
PY
  wapiti_args+=(-c "$work/cookies.json")
fi
started=$(date +%s)
wapiti_patched "${wapiti_args[@]}" >"$out/wapiti.log" 2>&1 || { echo "   wapiti failed (see wapiti.log)" >&2; failed=1; }
wapiti_seconds=$(( $(date +%s) - started ))
session_after=n/a
if [ -n "$cookie_header" ]; then
  session_after=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie_header" "$base/initiatives")
fi

{
  echo "# Security scan $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "ptrack at $base ($( [ "$ANONYMOUS" = 1 ] && echo anonymous || echo "signed in as $SCAN_ROLE $SCAN_USER")), $(nproc) cores;"
  echo "sqlmap $(sqlmap --version 2>/dev/null | grep -v WARNING | tail -n 1) (--level $SQLMAP_LEVEL --risk $SQLMAP_RISK --dbms SQLite $SQLMAP_EXTRA),"
  echo "$(wapiti --version 2>/dev/null | tail -n 1) (modules $WAPITI_MODULES; crawl at most $WAPITI_TIME s, each module at most $WAPITI_ATTACK_TIME s; took $wapiti_seconds s)."
  echo
  echo "## sqlmap"
  echo
  echo "| target | URL | result | HTTP error codes seen | seconds |"
  echo "|---|---|---|---|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "## wapiti"
  echo
  if [ -s "$out/wapiti.json" ]; then
    python3 - "$out/wapiti.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
info = report.get("infos", {})
print(f"Crawled: {info.get('target', '?')}; {len(report.get('classifications', {}))} categories checked.")
print()
print("| kind | category | findings | where (method path: parameter) |")
print("|---|---|---:|---|")
found = False
for kind in ("vulnerabilities", "anomalies", "additionals"):
    for category, items in sorted(report.get(kind, {}).items()):
        if not items:
            continue
        found = True
        where = sorted({f"{i.get('method', '')} {i.get('path', '')}: {i.get('parameter', '') or '-'}" for i in items})
        shown = "; ".join(where[:6]) + (f"; and {len(where) - 6} more" if len(where) > 6 else "")
        print(f"| {kind} | {category} | {len(items)} | {shown.replace('|', '/')} |")
if not found:
    print("| - | - | 0 | nothing reported |")
PY
  else
    echo "no wapiti.json (see wapiti.log)"
  fi
  echo
  echo "Session still valid after the wapiti crawl: $session_after (200 = yes; otherwise the crawl lost its sign-in part way)."
  echo
  echo "Server errors logged during the scans: $(grep -c 'fail: ' "$work/serve.log" || true) (see serve.log)."
} >"$out/summary.md"

cat "$out/summary.md"
exit "$failed"
