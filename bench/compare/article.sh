# English article page: the portal vs nginx serving the same bytes from a file, wrk -t1 -c32, back to back.
measure_article() {
  local data="$work/article" path="/en/articles/forgotten-password"
  cp -r "$prepared" "$data"
  start_portal "$data"
  wait_ready
  mkdir -p "$work/nginx/www"
  curl -fs "http://127.0.0.1:$port$path" -o "$work/nginx/www/article.html"
  cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
error_log $work/nginx/error.log;
pid $work/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  server { listen 127.0.0.1:$nginx_port; root $work/nginx/www; location / { default_type "text/html; charset=utf-8"; } }
}
CONF
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf"
  # Warm both (JIT, output cache), then measure them back to back.
  wrk -t1 -c32 -d3s "http://127.0.0.1:$port$path" >/dev/null
  wrk -t1 -c32 -d3s "http://127.0.0.1:$nginx_port/article.html" >/dev/null
  read -r nginx_rps nginx_p99 < <(wrk_rps_p99 "http://127.0.0.1:$nginx_port/article.html")
  read -r portal_rps portal_p99 < <(wrk_rps_p99 "http://127.0.0.1:$port$path")
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -s stop
  stop_portal
  echo "article: portal $portal_rps req/s (p99 $portal_p99 ms), nginx $nginx_rps req/s (p99 $nginx_p99 ms): $(ratio "$portal_rps" "$nginx_rps")x nginx"
}

