# Shared by the benchmark scripts: installs wrk when missing and publishes the Release build to $out/app.
ensure_wrk() {
  if ! command -v wrk >/dev/null; then
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk >/dev/null
  fi
}

publish_release() {
  echo "== publishing Release build"
  dotnet publish src/HelpPortal.Web -c Release -o "$1/app" --nologo -v quiet
}
