# English article page: the portal vs the framework's floor — bench/floor, Kestrel sending the same bytes from memory
# with no middleware or logging — wrk -t1 -c32, back to back. nginx serving the bytes from a file, without and with its
# access log (the portal logs every request too), puts both in context (the line starting "article context:").
measure_article() {
  local data="$run/article" path="/en/articles/forgotten-password" floor_port=$((port + 1))
  cp -r "$prepared" "$data"
  start_portal "$data"
  wait_ready
  mkdir -p "$work/nginx/www"
  curl -fs "http://127.0.0.1:$port$path" -o "$work/nginx/www/article.html"
  nginx_config "access_log off;" >"$work/nginx/nginx.conf"
  nginx_config "access_log $work/nginx/access.log;" >"$work/nginx/nginx-logging.conf"
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf"
  (cd "$out/floor" && exec env FLOOR_BODY="$work/nginx/www/article.html" ASPNETCORE_URLS="http://127.0.0.1:$floor_port" dotnet Floor.dll) &
  local floor_pid=$!
  pids+=("$floor_pid")
  until curl -fs -o /dev/null "http://127.0.0.1:$floor_port/"; do sleep 0.05; done
  # Warm all three (JIT, kept pages), then measure them back to back.
  wrk -t1 -c32 -d3s "http://127.0.0.1:$port$path" >/dev/null
  wrk -t1 -c32 -d3s "http://127.0.0.1:$nginx_port/article.html" >/dev/null
  wrk -t1 -c32 -d3s "http://127.0.0.1:$floor_port/" >/dev/null
  read -r nginx_rps nginx_p99 < <(wrk_rps_p99 "http://127.0.0.1:$nginx_port/article.html")
  read -r portal_rps portal_p99 < <(wrk_rps_p99 "http://127.0.0.1:$port$path")
  read -r floor_rps floor_p99 < <(wrk_rps_p99 "http://127.0.0.1:$floor_port/")
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -s stop
  while [ -f "$work/nginx/nginx.pid" ]; do sleep 0.05; done
  nginx -p "$work/nginx" -c "$work/nginx/nginx-logging.conf"
  wrk -t1 -c32 -d3s "http://127.0.0.1:$nginx_port/article.html" >/dev/null
  read -r logging_rps logging_p99 < <(wrk_rps_p99 "http://127.0.0.1:$nginx_port/article.html")
  nginx -p "$work/nginx" -c "$work/nginx/nginx-logging.conf" -s stop
  kill "$floor_pid"; wait "$floor_pid" 2>/dev/null || true
  stop_portal
  echo "article: portal $portal_rps req/s (p99 $portal_p99 ms), bare Kestrel $floor_rps req/s (p99 $floor_p99 ms): $(ratio "$portal_rps" "$floor_rps")x the floor"
  echo "article context: nginx $nginx_rps req/s (p99 $nginx_p99 ms): portal $(ratio "$portal_rps" "$nginx_rps")x, bare Kestrel $(ratio "$floor_rps" "$nginx_rps")x;" \
    "nginx with its access log $logging_rps req/s (p99 $logging_p99 ms): portal $(ratio "$portal_rps" "$logging_rps")x"
}

# nginx_config DIRECTIVE: one worker serving $work/nginx/www on the measure's port.
nginx_config() {
  cat <<CONF
worker_processes 1;
error_log $work/nginx/error.log;
pid $work/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  $1
  server { listen 127.0.0.1:$nginx_port; root $work/nginx/www; location / { default_type "text/html; charset=utf-8"; } }
}
CONF
}
