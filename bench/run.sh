#!/usr/bin/env bash
# Survey write throughput on the published Release build: wrk posts valid survey forms from 50 connections
# against a fresh database, once with group commit (the default) and once with one commit per request.
# Usage: bash bench/run.sh [seconds]     Results go to stdout; docs/survey.md records the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
duration="${1:-20}"
port=5099
out="$(pwd)/artifacts/bench"

ensure_wrk
publish_release "$out"

run_case() {
  local name="$1" batch="$2"
  local data; data="$(mktemp -d)"
  (cd "$out/app" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
    ConnectionStrings__Portal="Data Source=$data/bench.db" DataProtection__KeysPath="$data/keys" \
    RateLimiting__Enabled=false Survey__MaxBatchSize="$batch" Serilog__MinimumLevel__Default=Warning \
    exec dotnet HelpPortal.Web.dll >"$data/portal.log" 2>&1) &
  local pid=$!
  sleep 1
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done

  # A real form: its antiforgery cookie and token, and its data-protected start stamp.
  local jar="$data/cookies" html
  html="$(curl -fs -c "$jar" "http://127.0.0.1:$port/en/survey?from=forgotten-password")"
  export HP_TOKEN HP_STARTED HP_COOKIE
  HP_TOKEN="$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' <<<"$html")"
  HP_STARTED="$(sed -n 's/.*name="started" value="\([^"]*\)".*/\1/p' <<<"$html")"
  HP_COOKIE="$(awk '$6 == "hp_antiforgery" { print $6 "=" $7 }' "$jar")"

  echo "== $name (Survey:MaxBatchSize=$batch), 50 connections, ${duration}s"
  wrk -t2 -c50 -d"${duration}s" -s bench/survey-post.lua "http://127.0.0.1:$port/en/survey" | tail -n 1
  local rows
  rows="$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from SurveyResponses').fetchone()[0])" "$data/bench.db")"
  echo "stored_rows=$rows"
  grep -c "database is locked" "$data/portal.log" | sed 's/^/database_locked_log_lines=/' || true
  kill "$pid"; wait "$pid" 2>/dev/null || true
  if grep -qE "fail|crit|Unhandled" "$data/portal.log"; then echo "portal log:"; tail -n 40 "$data/portal.log"; fi
  # The next case needs the port back.
  for _ in $(seq 1 40); do curl -s "http://127.0.0.1:$port/" >/dev/null || break; sleep 0.25; done
  rm -rf "$data"
}

run_case "group commit" 100
run_case "one commit per request" 1
