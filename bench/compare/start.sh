# Cold start: process start to the first 200 on /en/, the database and content already imported (by this build, as a
# deployment's first start leaves them). bench/first-response.py starts the portal and polls it from one process.
measure_start() {
  local data="$run/start"
  cp -r "$prepared" "$data"
  # Five starts; the median is reported (the first also warms the disk cache, as any deployment's would be).
  local times=()
  for _ in 1 2 3 4 5; do
    times+=("$(cd "$app" && env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
      ConnectionStrings__Portal="Data Source=$data/portal.db" DataProtection__KeysPath="$data/keys" \
      Content__Path="$repo/content" RateLimiting__Enabled=false \
      python3 "$repo/bench/first-response.py" "http://127.0.0.1:$port/en/" dotnet HelpPortal.Web.dll)")
  done
  echo "start: process start to first 200 on /en/: median $(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p) s (runs: ${times[*]})"
}
