# Valid survey submissions/s at FULL durability vs raw one-row SQLite commits in a loop on the same disk.
#   portal   — wrk -t1 -c32 posts a real form (antiforgery cookie and token, data-protected start stamp) with
#              bench/survey-post.lua, which counts the statuses; every 303 must be a stored row.
#   baseline — bench/raw-sqlite-commits.py: INSERT one row of SurveyResponses' shape + COMMIT, WAL, synchronous=FULL,
#              into a file in the portal database's folder, for as long as wrk runs.
measure_survey() {
  local data="$run/survey" url="http://127.0.0.1:$port/en/survey"
  cp -r "$prepared" "$data"

  read -r raw_rate < <(python3 bench/raw-sqlite-commits.py "$data/portal.db" "$data/raw-commits.db" "$duration" \
    | sed -n 's/.*rate=\([0-9]*\).*/\1/p')

  start_portal "$data"
  wait_ready
  local jar="$data/cookies" html
  html="$(curl -fs -c "$jar" "$url?from=forgotten-password")"
  export HP_TOKEN HP_STARTED HP_COOKIE
  HP_TOKEN="$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' <<<"$html")"
  HP_STARTED="$(sed -n 's/.*name="started" value="\([^"]*\)".*/\1/p' <<<"$html")"
  HP_COOKIE="$(awk '$6 == "hp_antiforgery" { print $6 "=" $7 }' "$jar")"

  # Warm up, then measure. A started portal takes ~15 s of this load before its rate settles: the JIT compiles the
  # submission's path again, optimised with what it saw (tier 0, instrumented, tier 1), and until then each request
  # costs two to three times its CPU. Measured after, this is the rate of a portal that has been up for a while.
  # Socket errors (timeouts, resets) count as non-303 answers too.
  wrk -t1 -c32 -d20s -s bench/survey-post.lua "$url" >/dev/null
  local summary
  summary="$(wrk -t1 -c32 -d"${duration}s" -s bench/survey-post.lua "$url" | tail -n 1)"
  stop_portal
  local rps p99 see_other non_303
  rps="$(sed -n 's/.* rps=\([0-9.]*\).*/\1/p' <<<"$summary")"
  p99="$(sed -n 's/.* p99_ms=\([0-9.]*\).*/\1/p' <<<"$summary")"
  see_other="$(sed -n 's/.* status_303=\([0-9]*\).*/\1/p' <<<"$summary")"
  non_303=$(( $(sed -n 's/.* non_303=\([0-9]*\).*/\1/p' <<<"$summary") + $(sed -n 's/.* socket_errors=\([0-9]*\).*/\1/p' <<<"$summary") ))

  echo "survey: portal $(printf '%.0f' "$rps")/s (p99 $p99 ms, $non_303 non-303), raw SQLite commits $raw_rate/s: $(ratio "$rps" "$raw_rate")x"

  # Every 303 the portal sent (its request log, warm-up included) is a stored row; wrk read all but those still in
  # flight when it stopped, at most one per connection.
  local rows answered
  rows="$(sqlite3 "$data/portal.db" "SELECT count(*) FROM SurveyResponses")"
  answered="$(grep -c "HTTP POST /en/survey responded 303" "$data/portal.log" || true)"
  echo "survey: stored rows $rows, 303s sent $answered, 303s read by wrk in the measured run $see_other"
  # A form the portal refuses (a topic key content/ no longer has, say) would be measured as fast refusals.
  if [ "$see_other" -eq 0 ]; then
    echo "survey: no submission was accepted; check the answers bench/survey-post.lua posts against the form" >&2
    return 1
  fi
  if [ "$rows" -ne "$answered" ]; then
    echo "survey: $rows stored rows for $answered answers with 303" >&2
    return 1
  fi
}
