#!/usr/bin/env bash
# Memory of the streamed CSV export on the published Release build: fills a database with N generated survey
# responses and runs `survey export` (the same CSV writer and query as the admin download), reporting wall time,
# peak resident memory (RSS) and file size for each N. Constant memory means the peak does not grow with N.
# Usage: bash bench/export-memory.sh [N ...]      (default: 10000 100000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
sizes=("${@:-10000 100000 1000000}")
[ $# -eq 0 ] && sizes=(10000 100000 1000000)
out="$(pwd)/artifacts/bench"

publish_release "$out"

for n in "${sizes[@]}"; do
  data="$(mktemp -d)"
  export ConnectionStrings__Portal="Data Source=$data/bench.db" DataProtection__KeysPath="$data/keys" Serilog__MinimumLevel__Default=Warning
  # Creates the schema through the portal's own migrations (nothing to purge in an empty database).
  (cd "$out/app" && dotnet HelpPortal.Web.dll survey purge --older-than 36500 >/dev/null)
  python3 bench/fill-responses.py "$data/bench.db" "$n"
  python3 - "$out/app" "$data/export.csv" "$n" <<'PY'
import resource, subprocess, sys, time, os
app, target, n = sys.argv[1], sys.argv[2], sys.argv[3]
start = time.monotonic()
result = subprocess.run(["dotnet", "HelpPortal.Web.dll", "survey", "export", "--out", target], cwd=app, capture_output=True, text=True)
elapsed = time.monotonic() - start
if result.returncode != 0:
    sys.exit(result.stderr)
peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
size_mib = os.path.getsize(target) / 1024 / 1024
print(f"rows={n} seconds={elapsed:.1f} peak_rss_mib={peak_mib:.0f} csv_mib={size_mib:.0f} | {result.stdout.strip()}")
PY
  rm -rf "$data"
done
