"""Survey load for bench/durability.sh: N clients post complete survey forms until SIGTERM, while the portal is killed.

Each client fetches its own form (antiforgery cookie and token, data-protected start stamp) and posts it over and
over, each time with a new marker in q5. Every outcome is appended to the events file as
"<outcome> <marker> <sent at> <outcome at>" (Unix seconds, the clock bench/durability.sh records the kills with):
  ack      the portal answered 303: the answer must be stored, exactly once
  status   the portal answered with another code (written "status:<code>"): not accepted, must not be stored
  refused  no connection (portal down): the submission never reached the portal
  broken   the connection broke after the form was sent (the kill): not acknowledged, stored or not
A broken or refused submission is never sent again under the same marker, so a marker stored twice is a real duplicate.
Usage: python3 bench/durability-client.py <base url> <clients> <run id> <events file>
"""
import http.client, re, signal, sys, threading, time, urllib.parse

base, clients, run_id, events_path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
url = urllib.parse.urlsplit(base)
stop = threading.Event()
for stopping in (signal.SIGTERM, signal.SIGINT):
    signal.signal(stopping, lambda *_: stop.set())
events = open(events_path, "a", encoding="utf-8", buffering=1)
events_lock = threading.Lock()

TOKEN = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]*)"')
STARTED = re.compile(r'name="started" value="([^"]*)"')


def record(outcome, marker, sent_at):
    with events_lock:
        events.write(f"{outcome} {marker} {sent_at:.3f} {time.time():.3f}\n")


def hang_up(conn):
    if conn is not None:
        conn.close()
    return None


def fetch_form(conn):
    conn.request("GET", "/en/survey?from=forgotten-password")
    response = conn.getresponse()
    html = response.read().decode("utf-8")
    if response.status != 200:
        raise RuntimeError(f"form answered {response.status}")
    cookie = next(v.split(";", 1)[0] for k, v in response.getheaders()
                  if k.lower() == "set-cookie" and v.startswith("hp_antiforgery="))
    return cookie, TOKEN.search(html).group(1), STARTED.search(html).group(1)


def client(number):
    conn, form, seq = None, None, 0
    while not stop.is_set():
        try:
            if conn is None:
                conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
            if form is None:
                form = fetch_form(conn)
        except (OSError, http.client.HTTPException, RuntimeError, StopIteration, AttributeError):
            conn = hang_up(conn)
            time.sleep(0.1)  # The portal is (re)starting.
            continue

        seq += 1
        marker = f"{run_id}-c{number:02d}-{seq:06d}"
        cookie, token, started = form
        body = urllib.parse.urlencode({
            "__RequestVerificationToken": token, "started": started, "from": "forgotten-password",
            "q1": "4", "q2": "partly", "q3": "5", "q4": "other", "q5": f"{marker} paldies, ā č ē",
        })
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
        sent_at = time.time()
        try:
            conn.request("POST", "/en/survey", body=body, headers=headers)
        except ConnectionRefusedError:  # The portal is not listening: nothing was sent.
            record("refused", marker, sent_at)
            conn = hang_up(conn)
            time.sleep(0.1)
            continue
        except (OSError, http.client.HTTPException):
            record("broken", marker, sent_at)
            conn = hang_up(conn)
            continue
        try:
            response = conn.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            record("broken", marker, sent_at)
            conn = hang_up(conn)
            continue
        record("ack" if response.status == 303 else f"status:{response.status}", marker, sent_at)


threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(1, clients + 1)]
for thread in threads:
    thread.start()
while not stop.wait(0.2):
    pass
for thread in threads:
    thread.join(timeout=35)
events.close()
