#!/usr/bin/env bash
# The four performance ratios of docs/performance.md, each against the baseline a user would pick instead, measured
# in one run on the published Release build (Production environment, shipped settings, rate limits off):
#   article  — an English article page through the portal vs bare Kestrel sending the same bytes from memory with no
#              middleware or logging (bench/floor), wrk -t1 -c32; nginx serving them from a file, with and without its
#              access log, in the same run, for context
#   csv      — the admin CSV download of N survey responses vs `sqlite3 -csv -header` of the same table
#   start    — process start to the first 200 on /en/, with the database and content already imported
#   survey   — valid survey submissions/s (FULL durability) vs raw one-row SQLite commits in a loop on the same disk
# Usage: bash bench/compare.sh [article|csv|start|survey ...]    (default: all four)
#   DURATION=10 (seconds per wrk run), ROWS=1000000 (CSV responses), HP_COMPARE_PORT=5097, HP_COMPARE_NGINX_PORT=8097
#   AGAINST=<git revision>: also publishes that revision and runs each measure on it right after this build's, so a
#   change (a speed mechanism taken out, say) is measured with and without in the same run; its lines start "[<rev>]".
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
measures=("$@"); [ ${#measures[@]} -eq 0 ] && measures=(article csv start survey)
duration="${DURATION:-10}"
rows="${ROWS:-1000000}"
repo="$(pwd)"
out="$repo/artifacts/bench"
port="${HP_COMPARE_PORT:-5097}"
nginx_port="${HP_COMPARE_NGINX_PORT:-8097}"
# Another portal on the port would answer the measure's requests in this one's place (the article's floor uses port+1).
for p in "$port" "$((port + 1))" "$nginx_port"; do
  if ss -Hltn "sport = :$p" | grep -q .; then
    echo "port $p is already in use; stop what listens there or choose other ports (HP_COMPARE_PORT, HP_COMPARE_NGINX_PORT)" >&2
    exit 1
  fi
done
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx/nginx.pid" ] && nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -s stop 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

ensure_wrk
ensure_debian_tool nginx nginx-light
ensure_debian_tool sqlite3 sqlite3
# This build is published again unless the last publish was of this same commit with src/ unchanged since.
built="$(git rev-parse HEAD)"; [ -n "$(git status --porcelain -- src)" ] && built="dirty"
if [ "$built" = "dirty" ] || [ "$(cat "$out/app/.commit" 2>/dev/null)" != "$built" ]; then
  publish_release "$out"
  echo "$built" >"$out/app/.commit"
fi
apps=("$out/app")
if [ -n "${AGAINST:-}" ]; then
  # Published once per commit, and kept: the same revision is often measured against several changes.
  against_app="$out/against/$(git rev-parse --verify "$AGAINST^{commit}")/app"
  if [ ! -f "$against_app/HelpPortal.Web.dll" ]; then
    git worktree add --detach "$work/against" "$AGAINST" >/dev/null
    echo "== publishing $AGAINST"
    dotnet publish "$work/against/src/HelpPortal.Web" -c Release -o "$against_app" --nologo -v quiet
    git worktree remove --force "$work/against"
  fi
  apps+=("$against_app")
fi
if printf '%s\n' "${measures[@]}" | grep -qx article; then
  dotnet publish bench/floor -c Release -o "$out/floor" --nologo -v quiet
fi
echo "machine: $(nproc) cores; $(nginx -v 2>&1); $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2)"

# The portal as shipped (appsettings.json; request logs at Information to stdout, kept in a file), rate limits off
# because wrk is one client address. Extra settings as arguments: NAME=value.
start_portal() {
  local data="$1"; shift
  (cd "$app" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
    ConnectionStrings__Portal="Data Source=$data/portal.db" DataProtection__KeysPath="$data/keys" \
    Content__Path="$repo/content" RateLimiting__Enabled=false "$@" \
    dotnet HelpPortal.Web.dll >>"$data/portal.log" 2>&1) &
  portal_pid=$!
  pids+=("$portal_pid")
}

wait_ready() {
  for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:$port/healthz/ready" && return 0; sleep 0.05; done
  echo "the portal did not become ready" >&2; return 1
}

stop_portal() {
  kill "$portal_pid" 2>/dev/null || true
  wait "$portal_pid" 2>/dev/null || true
}

# A database with the content imported and the schema migrated by the build being measured, as a deployment leaves it.
prepare() {
  prepared="$work/prepared-$1"
  mkdir -p "$prepared"
  start_portal "$prepared"
  wait_ready
  stop_portal
}

ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$1" "$2"; }

# wrk's summary as "rps p99_ms".
wrk_rps_p99() {
  wrk -t1 -c32 -d"${duration}s" --latency "$1" | awk '
    /^ +99%/ { v = $2; if (v ~ /us$/) { sub(/us/, "", v); p99 = v / 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v); p99 = v } else { sub(/s/, "", v); p99 = v * 1000 } }
    /^Requests\/sec/ { rps = $2 }
    END { printf "%.0f %.2f\n", rps, p99 }'
}

# Each measure is a function in bench/compare/<name>.sh, printing one line "<name>: … <ratio>x …".
for file in bench/compare/*.sh; do
  source "$file"
done

for measure in "${measures[@]}"; do
  for i in "${!apps[@]}"; do
    app="${apps[$i]}" run="$work/run-$i"
    mkdir -p "$run"
    prepare "$i"
    if [ "$i" -eq 0 ]; then "measure_$measure"; else "measure_$measure" | sed "s|^|[$AGAINST] |"; fi
  done
done
