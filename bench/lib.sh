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

# ensure_debian_tool COMMAND PACKAGE: installs PACKAGE from Debian when COMMAND is missing.
ensure_debian_tool() {
  if ! command -v "$1" >/dev/null; then
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "$2" >/dev/null
  fi
}
