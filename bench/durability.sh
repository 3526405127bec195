#!/usr/bin/env bash
# Durability of acknowledged survey answers: concurrent clients post real survey forms to the published Release build
# while the portal process is killed with SIGKILL at a random moment and restarted on the same database, round after
# round. At the end every answer that got its 303 must be stored exactly once, and PRAGMA integrity_check must say ok.
# Usage: bash bench/durability.sh [rounds] [seconds] [clients]    (PORT=5097: the port the portal listens on)
#   rounds   how many times the portal is killed (default 5)
#   seconds  the kill comes at a random moment between 0.5 s and this many seconds of load (default 4)
#   clients  concurrent clients, each with its own form and cookie (default 24)
# Exits non-zero on a lost or duplicated answer, a failed integrity check, a portal that does not start again or stops
# by any hand but this script's, or a run in which nothing was acknowledged. Answers other than 303 are counted, not failed.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
rounds="${1:-5}"
seconds="${2:-4}"
clients="${3:-24}"
port="${PORT:-5097}"
base="http://127.0.0.1:$port"
out="$(pwd)/artifacts/bench"

publish_release "$out"

data="$(mktemp -d)"
portal=""
load=""
passed=false

# Whatever happens, no portal or client is left running; the data folder stays for inspection unless the run passed.
cleanup() {
  if [ -n "$load" ]; then kill "$load" 2>/dev/null || true; wait "$load" 2>/dev/null || true; fi
  if [ -n "$portal" ]; then kill "$portal" 2>/dev/null || true; wait "$portal" 2>/dev/null || true; fi
  if $passed; then rm -rf "$data"; else echo "database, events and portal log kept in $data"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_portal() {
  if curl -s -o /dev/null "$base/"; then
    echo "something already answers on port $port; stop it first" >&2
    exit 1
  fi
  # exec: the background job's pid is the dotnet process itself, so kill -9 hits the portal, not a wrapper shell.
  (cd "$out/app" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" \
    ConnectionStrings__Portal="Data Source=$data/survey.db" DataProtection__KeysPath="$data/keys" \
    RateLimiting__Enabled=false Serilog__MinimumLevel__Default=Warning \
    exec dotnet HelpPortal.Web.dll >>"$data/portal.log" 2>&1) &
  portal=$!
  for _ in $(seq 1 240); do
    if curl -fs -o /dev/null "$base/healthz"; then
      echo "up $(date +%s.%N)" >>"$data/phases"
      return 0
    fi
    if ! kill -0 "$portal" 2>/dev/null; then break; fi
    sleep 0.25
  done
  portal_failed "did not start on the database"
}

# The portal must only ever stop by this script's hand; anything else (a crash, a signal from elsewhere) fails the run.
portal_failed() {
  local status=running
  if ! kill -0 "$portal" 2>/dev/null; then
    status=0
    wait "$portal" || status=$?
  fi
  echo "the portal (pid $portal) $1; exit status $status (128+n: killed by signal n); its log:" >&2
  grep -v '^   at ' "$data/portal.log" | tail -n 20 >&2
  exit 1
}

killed=""
kill_portal() {
  if ! kill -0 "$portal" 2>/dev/null; then portal_failed "exited before its SIGKILL"; fi
  killed="$(tr '\0' ' ' <"/proc/$portal/cmdline")(pid $portal)"
  if [[ "$killed" != *"HelpPortal.Web.dll"* ]]; then
    echo "pid $portal is '$killed', not the portal" >&2
    exit 1
  fi
  echo "down $(date +%s.%N)" >>"$data/phases"
  kill -9 "$portal"
  wait "$portal" 2>/dev/null || true
  portal=""
}

count() { grep -c "^$1 " "$data/events" || true; }

echo "== $rounds rounds, $clients clients, kill within 0.5-${seconds}s of load; data in $data"
touch "$data/events"
python3 bench/durability-client.py "$base" "$clients" "run$(date +%s)" "$data/events" &
load=$!

for round in $(seq 1 "$rounds"); do
  acknowledged=$(count ack)
  broken=$(count broken)
  start_portal
  wait_ms=$(shuf -i "500-$((seconds * 1000))" -n 1)
  sleep "$(printf '%d.%03d' $((wait_ms / 1000)) $((wait_ms % 1000)))"
  kill_portal
  sleep 0.2 # Lets the clients see their connections break before counting.
  if ! kill -0 "$load" 2>/dev/null; then echo "the survey clients stopped unexpectedly" >&2; exit 1; fi
  echo "round $round: SIGKILL after $(printf '%d.%03d' $((wait_ms / 1000)) $((wait_ms % 1000))) s to $killed;" \
    "acknowledged $(( $(count ack) - acknowledged )), in doubt (connection broken) $(( $(count broken) - broken ))"
done

kill "$load"
wait "$load"
load=""

# The portal must also come back after the last kill; then it stops normally, and the database is checked.
start_portal
kill "$portal"
wait "$portal" || true
portal=""

python3 - "$data/events" "$data/phases" "$data/survey.db" "$rounds" <<'PY'
import collections, sqlite3, sys
events_path, phases_path, db_path, rounds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]

# The windows in which the portal was up: from its healthy /healthz to the moment just before its SIGKILL.
times = [float(line.split()[1]) for line in open(phases_path)]
up_windows = list(zip(times[0::2], times[1::2]))

outcome_of = {}
failed_while_up = 0
for line in open(events_path, encoding="utf-8"):
    outcome, marker, sent_at, outcome_at = line.split()
    outcome_of[marker] = outcome
    if outcome in ("broken", "refused") and any(up <= float(sent_at) and float(outcome_at) < down for up, down in up_windows):
        failed_while_up += 1
outcomes = collections.Counter(outcome_of.values())
acknowledged = {m for m, o in outcome_of.items() if o == "ack"}
other_status = collections.Counter(o for o in outcome_of.values() if o.startswith("status:"))

db = sqlite3.connect(db_path)
integrity = "; ".join(row[0] for row in db.execute("PRAGMA integrity_check"))
stored = collections.Counter((q5 or "").split(" ", 1)[0] for (q5,) in db.execute("SELECT Q5 FROM SurveyResponses"))
db.close()

lost = sorted(m for m in acknowledged if stored[m] == 0)
duplicated = sorted(m for m, n in stored.items() if n > 1)
# A row is expected only for an acknowledged answer or one whose connection broke at the kill (it may have committed).
unexpected = sorted(m for m in stored if outcome_of.get(m) not in ("ack", "broken"))
in_doubt_stored = sum(1 for m, o in outcome_of.items() if o == "broken" and stored[m])

print(f"rounds={rounds}, acknowledged={len(acknowledged)}, stored={sum(stored.values())}, lost={len(lost)}, integrity={integrity}")
print(f"duplicated={len(duplicated)}, unexpected_rows={len(unexpected)}, "
      f"in_doubt={outcomes['broken']} (stored {in_doubt_stored}), refused={outcomes['refused']}, "
      f"connection_errors_while_up={failed_while_up}, "
      f"non_303={sum(other_status.values())}" + (f" {dict(other_status)}" if other_status else ""))
for name, markers in (("lost", lost), ("duplicated", duplicated), ("unexpected", unexpected)):
    if markers:
        print(f"{name} (first 10): {' '.join(markers[:10])}")
if not acknowledged:
    print("nothing was acknowledged: the run tested nothing")
sys.exit(0 if acknowledged and not lost and not duplicated and not unexpected and integrity == "ok" else 1)
PY

problems="$(grep -cE ' (ERR|FTL)\]|Unhandled' "$data/portal.log" || true)"
echo "portal_log_errors=$problems"
if [ "$problems" -gt 0 ]; then grep -E ' (ERR|FTL)\]|Unhandled' "$data/portal.log" | cut -c 11- | sort | uniq -c | sort -rn | head -n 10; fi
passed=true
