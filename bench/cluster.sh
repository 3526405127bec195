#!/usr/bin/env bash
# Three portal instances on one PostgreSQL database behind nginx (round robin), and the proofs that they behave as one
# portal:
#   1. a survey form fetched from one instance is accepted by another (by port, and through nginx);
#   2. an admin enrols an authenticator and signs in (password + TOTP) and downloads the CSV, the requests landing on
#      different instances; the enrolment code is refused on another instance (used codes are in the database);
#   3. a content change imported by `content import` is visible on all three instances within 5 s;
#   4. under concurrent survey load through nginx one instance is SIGKILLed and restarted: every answer that got a 303
#      is in "SurveyResponses", and the restarted instance takes requests again;
# then the throughput of an English article page through nginx with 1, 2 and 3 instances, and direct to one instance.
# Every proof prints PASS or FAIL with its evidence; the script exits non-zero if any proof fails.
#
# Usage: bash bench/cluster.sh     (as root or with sudo; installs nginx-light, wrk and postgresql when missing)
# Environment: HP_CLUSTER_PORTS ("5101 5102 5103"), HP_CLUSTER_LB_PORT (8088), HP_CLUSTER_DB (hp_cluster: the role
# and database, dropped and created again at every run). The publish output, a copy of content/ (the change is made
# there, never in the repository), the nginx configuration and every log live in one temporary folder, removed after
# a passing run and kept after a failing one.
set -euo pipefail
cd "$(dirname "$0")/.."

read -r -a ports <<<"${HP_CLUSTER_PORTS:-5101 5102 5103}"
lb_port="${HP_CLUSTER_LB_PORT:-8088}"
db="${HP_CLUSTER_DB:-hp_cluster}"
lb="http://127.0.0.1:$lb_port"
article="/en/articles/forgotten-password"
article_file="en/eu-login-account/forgotten-password.md"
admin_email="cluster-admin@example.eu"
admin_password="cluster check passphrase $(date +%s)"
load_clients=24

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
as_postgres() { if [ -z "$sudo" ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

# ---------------------------------------------------------------------------------------------------------------------
echo "== tools"
missing=()
command -v nginx >/dev/null || missing+=(nginx-light)
command -v wrk >/dev/null || missing+=(wrk)
command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

for port in "${ports[@]}" "$lb_port"; do
  if ss -Hltn "sport = :$port" | grep -q .; then
    echo "port $port is already in use; stop what listens there or choose other ports (HP_CLUSTER_PORTS, HP_CLUSTER_LB_PORT)" >&2
    exit 1
  fi
done

work="$(mktemp -d /tmp/hp-cluster.XXXXXX)"
chmod 755 "$work"
pids=()          # every portal instance, by index
nginx_pid=""
load_pid=""
started_postgres=""
pg_port=""
passed=false

# Stops exactly what this script started, by process id; keeps the folder and the database when a proof failed.
cleanup() {
  local status=$?
  if [ -n "$load_pid" ]; then kill "$load_pid" 2>/dev/null || true; wait "$load_pid" 2>/dev/null || true; fi
  if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
  for pid in "${pids[@]}"; do
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  done
  if $passed && [ -n "$pg_port" ]; then
    as_postgres psql -p "$pg_port" -qAt -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "DROP ROLE IF EXISTS $db" >/dev/null || true
    rm -rf "$work"
  else
    echo "logs, nginx configuration and content copy kept in $work; database $db kept" >&2
  fi
  # Only a PostgreSQL this script had to start is stopped again; one that was already running is left alone.
  if [ -n "$started_postgres" ]; then $sudo pg_ctlcluster "$started_postgres" main stop || true; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------------------------------
echo "== PostgreSQL"
read -r pg_version pg_port pg_status < <(pg_lsclusters -h | awk '$2 == "main" { print $1, $3, $4 }' | sort -rn | head -n 1) || true
if [ -z "${pg_version:-}" ]; then echo "no PostgreSQL cluster named main (see pg_lsclusters)" >&2; exit 1; fi
if [ "$pg_status" != "online" ]; then
  $sudo pg_ctlcluster "$pg_version" main start
  started_postgres="$pg_version"
fi
db_password="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
PGOPTIONS="--client-min-messages=warning" as_postgres psql -p "$pg_port" -v ON_ERROR_STOP=1 -qAt \
  -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "DROP ROLE IF EXISTS $db" \
  -c "CREATE ROLE $db LOGIN PASSWORD '$db_password'" -c "CREATE DATABASE $db OWNER $db"
# Three instances of up to 20 connections each stay well inside max_connections (100 by default), beside other users.
connection="Host=127.0.0.1;Port=$pg_port;Database=$db;Username=$db;Password=$db_password;Maximum Pool Size=20"
echo "PostgreSQL $pg_version on port $pg_port: role and database $db created"
sql() { PGPASSWORD="$db_password" psql -h 127.0.0.1 -p "$pg_port" -U "$db" -d "$db" -v ON_ERROR_STOP=1 -qAt -c "$1"; }

echo "== publishing Release build to $work/app"
dotnet publish src/HelpPortal.Web -c Release -o "$work/app" --nologo -v quiet
cp -r content "$work/content"

# The same configuration for every instance and every command: PostgreSQL, the content copy, no rate limits (they
# count per instance and would refuse the load), nginx on loopback as the only trusted proxy.
portal_env=(ASPNETCORE_ENVIRONMENT=Production
  Database__Provider=Postgres ConnectionStrings__Portal="$connection"
  Content__Path="$work/content" DataProtection__KeysPath="$work/keys"
  RateLimiting__Enabled=false ForwardedHeaders__KnownProxies__0=127.0.0.1 Portal__PublicOrigin="$lb"
  Serilog__MinimumLevel__Default=Warning Serilog__MinimumLevel__Override__HelpPortal=Information)
portal() { (cd "$work/app" && exec env "${portal_env[@]}" dotnet HelpPortal.Web.dll "$@"); }

since() { awk -v from="$1" -v now="$(date +%s.%N)" 'BEGIN { printf "%.1f", now - from }'; }

start_instance() {
  local index=$1 port=${ports[$1]}
  # exec (twice): the job's pid is dotnet itself, so SIGKILL and the trap hit the portal, not a wrapper shell.
  (cd "$work/app" && exec env "${portal_env[@]}" ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet HelpPortal.Web.dll \
    >>"$work/portal-$port.log" 2>&1) &
  pids[index]=$!
}

wait_ready() {
  local index=$1 port=${ports[$1]} began
  began=$(date +%s.%N)
  for _ in $(seq 1 360); do
    if curl -fs -o /dev/null "http://127.0.0.1:$port/healthz/ready"; then
      echo "instance $port (pid ${pids[index]}) ready after $(since "$began") s"
      return 0
    fi
    if ! kill -0 "${pids[index]}" 2>/dev/null; then break; fi
    sleep 0.5
  done
  echo "instance $port did not become ready; its log:" >&2
  grep -v '^   at ' "$work/portal-$port.log" | tail -n 20 >&2
  exit 1
}

proofs="$work/proofs"
touch "$proofs"
verdict() { # PASS|FAIL, then the evidence
  echo "$*" | tee -a "$proofs"
}
check() { # runs a cluster-checks.py proof; its PASS/FAIL line is collected, a failure does not stop the run
  local output status=0
  output="$(python3 bench/cluster-checks.py "$@")" || status=$?
  echo "$output" | tee -a "$proofs"
  if [ "$status" -ne 0 ] && ! grep -q '^FAIL' <<<"$output"; then
    verdict "FAIL cluster-checks.py $1 stopped with status $status before its verdict"
  fi
}
import_content() { # the deployment step; its last line is the summary, anything before it a content problem
  local output
  output="$(portal content import)" || { echo "$output" >&2; echo "content import failed" >&2; exit 1; }
  echo "content import: $(tail -n 1 <<<"$output")"
}

echo "== deployment step: content import once, then an admin account"
import_content
printf '%s\n' "$admin_password" | portal admin create --email "$admin_email"

echo "== starting ${#ports[@]} instances at once on ports ${ports[*]}"
for index in "${!ports[@]}"; do start_instance "$index"; done
for index in "${!ports[@]}"; do wait_ready "$index"; done

# ---------------------------------------------------------------------------------------------------------------------
echo "== nginx on $lb, round robin over the instances"
mkdir -p "$work/nginx/tmp"
# Which instance answered: X-Instance from $upstream_addr, and the same in the access log with nginx's clock ($msec);
# $upstream_addr comes last there, as it lists every instance tried ("a, b") when the first failed.
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  log_format upstreams '\$msec \$request_method \$uri \$status \$upstream_addr';
  access_log $work/nginx/access.log upstreams;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  upstream portal {
    include $work/nginx/upstream.conf;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$lb_port;
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      add_header X-Instance \$upstream_addr always;
    }
  }
}
EOF
upstreams() { # the first N instances; a failed one is left out for 2 s, then tried again
  local n=$1
  : >"$work/nginx/upstream.conf"
  for port in "${ports[@]:0:n}"; do
    echo "server 127.0.0.1:$port max_fails=1 fail_timeout=2s;" >>"$work/nginx/upstream.conf"
  done
}
nginx_args=(-p "$work/nginx/" -c "$work/nginx/nginx.conf")
upstreams "${#ports[@]}"
nginx "${nginx_args[@]}" -t -q
nginx "${nginx_args[@]}" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 1 40); do curl -fs -o /dev/null "$lb/healthz/ready" && break; sleep 0.25; done

# The instances a few plain requests reach through nginx (after a reload, once the new worker answers).
instances_behind_nginx() {
  for _ in $(seq 1 $(( ${#ports[@]} * 3 ))); do
    curl -fs -o /dev/null -D - "$lb/healthz/live" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-instance" { print $2 }'
  done | sort -u | tr '\n' ' '
}
echo "nginx (pid $nginx_pid) reaches: $(instances_behind_nginx)"

base() { echo "http://127.0.0.1:${ports[$1]}"; }
bases=()
for index in "${!ports[@]}"; do bases+=("$(base "$index")"); done

# ---------------------------------------------------------------------------------------------------------------------
echo "== proof 1: a survey form fetched from one instance is accepted by another"
for index in "${!ports[@]}"; do
  check form "$(base "$index")" "$(base $(( (index + 1) % ${#ports[@]} )))"
done
check form-lb "$lb"

echo "== proof 2: admin sign-in (password + TOTP) and CSV export across instances"
check admin "$admin_email" "$admin_password" "$lb" "${bases[@]}"

echo "== proof 3: a content change imported by 'content import' is visible on every instance within 5 s"
marker="cluster-change-$(date +%s%N)"
for b in "${bases[@]}"; do
  # Each instance renders and caches the page first, so the change can only show if its cache is evicted.
  curl -fs -o /dev/null "$b$article" || { echo "$b$article does not answer 200" >&2; exit 1; }
done
printf '\nCluster check: %s.\n' "$marker" >>"$work/content/$article_file"
import_content
imported_at=$(date +%s.%N)
check content "$marker" "$article" "$imported_at" 5 "${bases[@]}"

# ---------------------------------------------------------------------------------------------------------------------
echo "== proof 4: SIGKILL of one instance under survey load through nginx"
events="$work/events"
touch "$events"
victim=1
python3 bench/durability-client.py "$lb" "$load_clients" "kill$(date +%s)" "$events" &
load_pid=$!
sleep 4
if ! kill -0 "${pids[victim]}" 2>/dev/null; then echo "instance ${ports[victim]} stopped by itself" >&2; exit 1; fi
killed_cmd="$(tr '\0' ' ' <"/proc/${pids[victim]}/cmdline")"
[[ "$killed_cmd" == *HelpPortal.Web.dll* ]] || { echo "pid ${pids[victim]} is '$killed_cmd', not the portal" >&2; exit 1; }
acks_before=$(grep -c '^ack ' "$events" || true)
killed_at=$(date +%s.%N)
kill -9 "${pids[victim]}"
wait "${pids[victim]}" 2>/dev/null || true
echo "SIGKILL to instance ${ports[victim]} (pid ${pids[victim]}, $killed_cmd) after $acks_before acknowledged answers"
sleep 2
start_instance "$victim"
wait_ready "$victim"
ready_at=$(date +%s.%N)
sleep 4
kill "$load_pid"
wait "$load_pid" || true
load_pid=""
stopped_at=$(date +%s.%N)

sql "SELECT split_part(\"Q5\", ' ', 1) FROM \"SurveyResponses\"" >"$work/stored"
check stored "$events" "$work/stored"

# nginx's access log says which instance took each survey POST before the kill, while it was down, after it was back.
awk -v k="$killed_at" -v r="$ready_at" -v s="$stopped_at" '
  $2 == "POST" && $3 == "/en/survey" && $1 <= s {
    up = $NF; phase = ($1 < k) ? "1-before-kill" : ($1 < r) ? "2-while-down" : "3-after-restart"
    count[phase " " up " " $4]++
  }
  END { for (key in count) print key, count[key] }' "$work/nginx/access.log" | sort >"$work/phases"
echo "survey POSTs by phase, instance that answered (the last one nginx tried) and status:"
sed 's/^/     /' "$work/phases"
after=$(awk -v up="127.0.0.1:${ports[victim]}" '$1 == "3-after-restart" && $2 == up && $3 == 303 { n += $4 } END { print n + 0 }' "$work/phases")
if [ "$after" -gt 0 ]; then
  verdict "PASS restarted instance ${ports[victim]} takes requests again: $after survey POSTs answered 303 by it after it was ready"
else
  verdict "FAIL restarted instance ${ports[victim]} took no survey POST after it was ready"
fi

# ---------------------------------------------------------------------------------------------------------------------
rounds=3
echo "== throughput: GET $article, wrk -t1 -c32 -d10s, $rounds rounds of every configuration, $(nproc) cores"
# The machine may be shared: the load average says how busy it was, and rounds of interleaved runs show the spread.
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Every instance JIT-compiles the page's path first (the restarted one has just started): 10 s each.
for b in "${bases[@]}"; do wrk -t1 -c32 -d10s "$b$article" >/dev/null; done
measure() { # label url: a 2 s warm-up (nginx's new worker, its upstream connections), then the 10 s run
  wrk -t1 -c32 -d2s "$2" >/dev/null
  wrk -t1 -c32 -d10s --latency "$2" >"$work/wrk.txt"
  awk -v label="$1" '
    /Requests\/sec/ { rps = $2 }
    /^    Latency/ { avg = $2 }
    /^ +99%/ { p99 = $2 }
    /Non-2xx/ { errors += $NF }
    /Socket errors/ { for (i = 3; i <= NF; i++) errors += $i + 0 }
    END { printf "%s\t%.0f\t%s\t%s\t%d\n", label, rps, avg, p99, errors }' "$work/wrk.txt" | tee -a "$work/throughput-runs"
}
balance_over() { # the first N instances behind nginx; waits until exactly they answer
  upstreams "$1"
  nginx "${nginx_args[@]}" -s reload 2>>"$work/nginx/error.log"
  for _ in $(seq 1 40); do
    [ "$(instances_behind_nginx | wc -w)" -eq "$1" ] && return 0
    sleep 0.25
  done
  echo "nginx did not switch to $1 instance(s)" >&2
  exit 1
}
: >"$work/throughput-runs"
for round in $(seq 1 "$rounds"); do
  echo "round $round"
  measure "direct to one instance" "$(base 0)$article"
  for n in $(seq 1 "${#ports[@]}"); do
    balance_over "$n"
    measure "nginx, $n instance(s)" "$lb$article"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work/throughput-runs" >"$work/throughput" <<'PY'
import collections, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    label, rps, avg, p99, errors = line.rstrip("\n").split("\t")
    runs[label].append((int(rps), avg, p99, int(errors)))
print("| configuration          | req/s (median) | runs (req/s)          | avg latency | p99 latency | errors |")
print("|------------------------|---------------:|-----------------------|------------:|------------:|-------:|")
for label, results in runs.items():
    ordered = sorted(results)
    median = ordered[len(ordered) // 2]
    print(f"| {label:<22} | {median[0]:>14} | {', '.join(str(r[0]) for r in results):<21} | {median[1]:>11} | {median[2]:>11} | {sum(r[3] for r in results):>6} |")
PY
cat "$work/throughput"

# ---------------------------------------------------------------------------------------------------------------------
echo
echo "== summary ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
grep -E '^(PASS|FAIL)' "$proofs"
echo "throughput (median of $rounds runs each, the run with the median req/s gives the latencies):"
cat "$work/throughput"
if grep -q '^FAIL' "$proofs" || ! grep -q '^PASS' "$proofs"; then
  exit 1
fi
passed=true
