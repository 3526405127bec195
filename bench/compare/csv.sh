# CSV export: the admin download of $rows survey responses over HTTP (signed in with password + TOTP) vs the database's
# own CSV export of the same table, in the same run; and how much the portal's resident memory grows meanwhile.
#   measure_csv           — SQLite, against `sqlite3 -csv -header`
#   measure_csv_postgres  — PostgreSQL (run it by name: bash bench/compare.sh csv_postgres), against psql's \copy
csv_admin_email="bench-admin@example.eu"
csv_admin_password="bench export passphrase, not a secret"
csv_pg="Host=127.0.0.1;Username=helpportal;Password=helpportal"
csv_pg_database="helpportal_bench_csv"

# The portal's command line with the configuration of the last start_portal (plus NAME=value arguments first).
csv_portal_command() {
  local data="$1"; shift
  (cd "$app" && env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Portal="Data Source=$data/portal.db" \
    DataProtection__KeysPath="$data/keys" Content__Path="$repo/content" Serilog__MinimumLevel__Default=Warning "$@")
}

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

# Seconds a command takes, its output discarded.
seconds_of() {
  local t0; t0=$(date +%s.%N)
  "$@" >/dev/null
  python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$t0" "$(date +%s.%N)"
}

median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

download() { curl -fsS -o /dev/null -H "Cookie: $cookie" "http://127.0.0.1:$port/en/admin/survey/export.csv$1"; }

# csv_versus NAME BASELINE_NAME COMMAND...: signs the admin in on the running portal and warms the export path up on
# an empty range; times the first full download after the start on its own (it runs while the JIT is still tiering the
# code up), then three pairs of a download and a run of COMMAND back to back. The machine is shared, so each pair is a
# ratio of its own and the median ratio is reported, with the median times. The memory growth is the kernel's peak RSS
# of the portal (VmHWM, reset just before the downloads) minus its RSS then: exact, and no sampling loop taking CPU.
csv_versus() {
  local name="$1" baseline="$2"; shift 2
  local cookie portal_times=() baseline_times=() ratios=()
  cookie="$(python3 bench/admin-signin.py "http://127.0.0.1:$port" "$csv_admin_email" "$csv_admin_password")"
  download "?from=2099-01-01"
  "$@" >/dev/null # warms the disk cache for both
  local before; before=$(rss_kb "$portal_pid")
  echo 5 >"/proc/$portal_pid/clear_refs" # the kernel's peak RSS (VmHWM) starts again from here
  local first; first=$(seconds_of download "")
  for _ in 1 2 3; do
    portal_times+=("$(seconds_of download "")")
    baseline_times+=("$(seconds_of "$@")")
    ratios+=("$(ratio "${portal_times[-1]}" "${baseline_times[-1]}")")
  done
  local peak; peak=$(awk '/^VmHWM:/ { print $2 }' "/proc/$portal_pid/status")
  echo "$name: portal $(median "${portal_times[@]}") s, $baseline $(median "${baseline_times[@]}") s: $(median "${ratios[@]}")x $baseline;" \
    "server memory growth $(( (peak - before) / 1024 )) MB (rows $rows; first download after start $first s;" \
    "pairs: portal ${portal_times[*]}, $baseline ${baseline_times[*]}, ratios ${ratios[*]}; RSS before $(( before / 1024 )) MB)"
}

measure_csv() {
  local data="$run/csv"
  cp -r "$prepared" "$data"
  python3 bench/fill-responses.py "$data/portal.db" "$rows" >/dev/null
  printf '%s\n' "$csv_admin_password" | csv_portal_command "$data" dotnet HelpPortal.Web.dll admin create --email "$csv_admin_email" >/dev/null
  start_portal "$data"
  wait_ready
  csv_versus csv sqlite3 sqlite3 -csv -header "$data/portal.db" "select * from SurveyResponses"
  stop_portal
}

csv_psql() { PGPASSWORD=helpportal PGOPTIONS="--client-min-messages=warning" psql -h 127.0.0.1 -U helpportal -v ON_ERROR_STOP=1 -qAt "$@"; }

measure_csv_postgres() {
  local data="$run/csv-postgres" cs="$csv_pg;Database=$csv_pg_database"
  local settings=(Database__Provider=Postgres ConnectionStrings__Portal="$cs")
  mkdir -p "$data"
  csv_psql -d postgres -c "DROP DATABASE IF EXISTS $csv_pg_database WITH (FORCE)" -c "CREATE DATABASE $csv_pg_database"
  # The schema and the catalogue from the portal's own start, then the same generated rows as on SQLite, through COPY.
  start_portal "$data" "${settings[@]}"
  wait_ready
  stop_portal
  cp "$prepared/portal.db" "$data/fill.db"
  python3 bench/fill-responses.py "$data/fill.db" "$rows" >/dev/null
  local columns='"Id", "SubmittedAt", "Culture", "SourceArticle", "QuestionSet", "Q1", "Q2", "Q3", "Q4", "Q5", "CompletionSeconds"'
  sqlite3 -csv "$data/fill.db" "select ${columns//\"/} from SurveyResponses" \
    | csv_psql -d "$csv_pg_database" -c "\\copy \"SurveyResponses\" ($columns) from stdin csv"
  csv_psql -d "$csv_pg_database" -c "ANALYZE \"SurveyResponses\""
  rm -f "$data/fill.db"
  printf '%s\n' "$csv_admin_password" | csv_portal_command "$data" "${settings[@]}" dotnet HelpPortal.Web.dll admin create --email "$csv_admin_email" >/dev/null
  start_portal "$data" "${settings[@]}"
  wait_ready
  csv_versus csv_postgres psql csv_psql -d "$csv_pg_database" -c "\\copy (select * from \"SurveyResponses\") to stdout csv header"
  stop_portal
  csv_psql -d postgres -c "DROP DATABASE IF EXISTS $csv_pg_database WITH (FORCE)"
}
