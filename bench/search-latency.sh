#!/usr/bin/env bash
# Search latency on the published Release build with N generated article keys (2N articles, English and Latvian).
# wrk replays a mix of 22 queries (6 of them misspelt or a synonym); one connection gives the latency of a single search, eight the behaviour under load.
# Usage: bash bench/search-latency.sh [keys] [seconds]       (default: 5000 keys = 10,000 articles, 20 s)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
keys="${1:-5000}"
duration="${2:-20}"
port=5098
out="$(pwd)/artifacts/bench"

ensure_wrk
publish_release "$out"
python3 bench/generate-content.py content "$out/content-$keys" "$keys"

data="$(mktemp -d)"
start=$(date +%s)
# wrk is one client address: with rate limits on, every search after the 60th in a minute would be a 429.
(cd "$out/app" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
  Content__Path="$out/content-$keys" ConnectionStrings__Portal="Data Source=$data/bench.db" DataProtection__KeysPath="$data/keys" \
  RateLimiting__Enabled=false Serilog__MinimumLevel__Default=Warning exec dotnet HelpPortal.Web.dll >"$data/portal.log" 2>&1) &
pid=$!
for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
echo "import of $((keys * 2)) articles and start-up: $(( $(date +%s) - start )) s"
indexed="$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from SearchIndex').fetchone()[0])" "$data/bench.db")"
echo "indexed=$indexed"
# Generated files the import refused would shrink the index the latency is measured on.
if [ "$indexed" -ne $((keys * 2)) ]; then
  echo "only $indexed of $((keys * 2)) generated articles were indexed; run content check on $out/content-$keys" >&2
  kill "$pid"; exit 1
fi

wrk -t1 -c1 -d5s -s bench/search-queries.lua "http://127.0.0.1:$port" >/dev/null   # warm-up
echo "== 1 connection, ${duration}s"
wrk -t1 -c1 -d"${duration}s" -s bench/search-queries.lua "http://127.0.0.1:$port" | tail -n 1
echo "== 8 connections, ${duration}s"
wrk -t2 -c8 -d"${duration}s" -s bench/search-queries.lua "http://127.0.0.1:$port" | tail -n 1
kill "$pid"; wait "$pid" 2>/dev/null || true
rm -rf "$data"
