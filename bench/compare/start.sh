# Cold start: process start to the first 200 on /en/, the database and content already imported.
measure_start() {
  local data="$work/start" best=""
  cp -r "$prepared" "$data"
  # Five starts; the median is reported (the first also warms the disk cache, as any deployment's would be).
  local times=()
  for _ in 1 2 3 4 5; do
    local t0; t0=$(date +%s.%N)
    start_portal "$data"
    until curl -fs -o /dev/null "http://127.0.0.1:$port/en/"; do sleep 0.01; done
    times+=("$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$t0" "$(date +%s.%N)")")
    stop_portal
  done
  echo "start: process start to first 200 on /en/: median $(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p) s (runs: ${times[*]})"
}

