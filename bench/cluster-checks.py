"""The HTTP side of bench/cluster.sh: each proof that several instances behave as one portal, printed as PASS/FAIL.

Every request names the instance that answered: the port when an instance is addressed directly, nginx's
X-Instance header (its $upstream_addr) when the request went through the balancer.
  form      SRC DST          a survey form fetched from SRC is posted to DST and answered 303
  form-lb   LB               a survey form fetched through LB is accepted when the POST lands on another instance
  admin     EMAIL PASSWORD LB BASE...
                             an admin enrols an authenticator with each request on the next BASE, then a second
                             browser signs in through LB (password + TOTP), its enrolment code is refused there, and
                             the CSV export downloads; the instances seen are listed
  content   MARKER PATH SINCE SECONDS BASE...
                             every BASE shows MARKER on PATH within SECONDS of SINCE (Unix time of the import's end)
  stored    EVENTS STORED    every marker bench/durability-client.py recorded as "ack" (303) is in STORED (one
                             marker a line, from psql), and none twice
Exit status 0 when the proof passes, 1 when it fails.
"""
import base64, collections, hashlib, hmac, http.client, re, struct, sys, time, urllib.parse

TOKEN = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]*)"')
HIDDEN = re.compile(r'<input[^>]*type="hidden"[^>]*>')
SHARED_KEY = re.compile(r'id="shared-key"[^>]*>([^<]*)<')
ANSWERS = {"q1": "4", "q2": "partly", "q3": "5", "q4": "other"}


class Browser:
    """One visitor: a cookie jar shared by whichever instance each request goes to."""

    def __init__(self):
        self.cookies = {}

    def request(self, base, method, path, fields=None):
        url = urllib.parse.urlsplit(base)
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        conn.close()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                key, _, val = pair.partition("=")
                if val and "expires=thu, 01 jan 1970" not in value.lower():
                    self.cookies[key] = val
                else:
                    self.cookies.pop(key, None)
        instance = response.getheader("X-Instance") or f"{url.hostname}:{url.port}"
        return response.status, response, text, instance


def hidden_fields(html):
    fields = {}
    for tag in HIDDEN.findall(html):
        name = re.search(r'name="([^"]*)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name:
            fields[name.group(1)] = value.group(1) if value else ""
    return fields


def totp(key, at):
    """RFC 6238: HMAC-SHA1 over the 30-second step, six digits; the key is RFC 4648 Base32 as the enrolment page shows it."""
    secret = base64.b32decode(key + "=" * (-len(key) % 8))
    digest = hmac.new(secret, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def verdict(passed, name, evidence):
    print(f"{'PASS' if passed else 'FAIL'} {name}: {evidence}")
    return 0 if passed else 1


def open_survey(browser, base):
    status, _, html, instance = browser.request(base, "GET", "/en/survey?from=forgotten-password")
    if status != 200:
        raise SystemExit(verdict(False, "survey form", f"GET /en/survey on {instance} answered {status}"))
    return hidden_fields(html), instance


def post_survey(browser, base, hidden, marker):
    fields = dict(hidden, **ANSWERS, q5=f"{marker} cluster check")
    status, response, _, instance = browser.request(base, "POST", "/en/survey", fields)
    return status, response.getheader("Location"), instance


def form(source, target):
    browser = Browser()
    hidden, served_by = open_survey(browser, source)
    status, location, accepted_by = post_survey(browser, target, hidden, f"form-{int(time.time() * 1000)}")
    return verdict(status == 303 and served_by != accepted_by, f"form from {served_by} posted to {accepted_by}",
                   f"POST answered {status} -> {location}")


def form_through_balancer(balancer):
    browser = Browser()
    hidden, served_by = open_survey(browser, balancer)
    tries = []
    for attempt in range(1, 7):
        status, location, accepted_by = post_survey(browser, balancer, hidden, f"form-lb-{int(time.time() * 1000)}-{attempt}")
        tries.append(f"{accepted_by}:{status}")
        if status != 303:
            break
        if accepted_by != served_by:
            return verdict(True, f"form through nginx served by {served_by}, accepted by {accepted_by}",
                           f"POSTs {' '.join(tries)} -> {location}")
    return verdict(False, f"form through nginx served by {served_by}", f"POSTs {' '.join(tries)}")


def admin(email, password, balancer, bases):
    steps, failures = [], []

    def step(browser, base, method, path, expect, fields=None, want=None):
        if fields is not None and "__RequestVerificationToken" not in fields:
            page, _, _ = step(browser, base, "GET", path, 200)
            token = TOKEN.search(page)
            fields = dict(fields, __RequestVerificationToken=token.group(1) if token else "")
        status, response, text, instance = browser.request(base, method, path, fields)
        location = response.getheader("Location") or ""
        steps.append(f"{method} {path} -> {status}{' ' + location if location else ''} [{instance}]")
        if status != expect or (want and want not in location):
            failures.append(steps[-1])
        return text, response, instance

    # 1. Enrolment, each request on the next instance in turn: the antiforgery token, the password sign-in cookie and
    #    the authenticator key all cross instances.
    first = Browser()
    turn = iter(bases * 4)
    login_page, _, _ = step(first, next(turn), "GET", "/en/admin/login", 200)
    token = TOKEN.search(login_page).group(1)
    step(first, next(turn), "POST", "/en/admin/login", 302, {"Email": email, "Password": password, "__RequestVerificationToken": token}, "/en/admin/enrol")
    enrol_page, _, _ = step(first, next(turn), "GET", "/en/admin/enrol", 200)
    key_match = SHARED_KEY.search(enrol_page)
    if not key_match:
        return verdict(False, "admin enrolment", "no shared key on the enrolment page; " + "; ".join(steps))
    key = key_match.group(1).replace(" ", "").upper()
    enrol_code = totp(key, time.time())
    token = TOKEN.search(enrol_page).group(1)
    step(first, next(turn), "POST", "/en/admin/enrol", 200, {"Code": enrol_code, "__RequestVerificationToken": token})
    step(first, next(turn), "GET", "/en/admin", 200)
    direct = len(steps)

    # 2. A second browser through nginx: password, then an authenticator code. The enrolment code is refused here
    #    (used codes are in the database), the next step's code is accepted; then the report and three CSV downloads.
    second = Browser()
    step(second, balancer, "POST", "/en/admin/login", 302, {"Email": email, "Password": password}, "/en/admin/login/code")
    step(second, balancer, "POST", "/en/admin/login/code", 400, {"Code": enrol_code})
    step(second, balancer, "POST", "/en/admin/login/code", 302, {"Code": totp(key, time.time() + 30)}, "/en/admin")
    step(second, balancer, "GET", "/en/admin", 200)
    csv_lines = []
    for _ in range(3):
        text, response, _ = step(second, balancer, "GET", "/en/admin/survey/export.csv", 200)
        if not (response.getheader("Content-Type") or "").startswith("text/csv"):
            failures.append(f"export.csv Content-Type {response.getheader('Content-Type')}")
        csv_lines.append(len(text.splitlines()))

    for line in steps:
        print(f"     {line}")
    seen_direct = collections.Counter(re.search(r"\[(.*)\]$", s).group(1) for s in steps[:direct])
    seen_balanced = collections.Counter(re.search(r"\[(.*)\]$", s).group(1) for s in steps[direct:])
    evidence = (f"direct steps on {dict(seen_direct)}, through nginx on {dict(seen_balanced)}; "
                f"CSV downloads of {csv_lines} lines (header + answers)")
    passed = not failures and len(seen_direct) >= 2 and len(seen_balanced) >= 2
    return verdict(passed, "admin sign-in (password + TOTP) and CSV export across instances",
                   evidence + ("" if not failures else f"; wrong answers: {failures}"))


def content(marker, path, since, seconds, bases):
    since, seconds = float(since), float(seconds)
    pending, seen_at = set(bases), {}
    while pending and time.time() - since < seconds + 5:
        for base in sorted(pending):
            status, _, html, _ = Browser().request(base, "GET", path)
            if status == 200 and marker in html:
                seen_at[base] = time.time() - since
                pending.discard(base)
        time.sleep(0.05)
    evidence = ", ".join(f"{base} after {seen_at[base]:.2f} s" if base in seen_at else f"{base} never" for base in bases)
    return verdict(not pending and all(t <= seconds for t in seen_at.values()),
                   f"content change visible on every instance within {seconds:g} s of the import", evidence)


def stored(events_path, stored_path):
    outcome_of = {}
    for line in open(events_path, encoding="utf-8"):
        outcome, marker, _, _ = line.split()
        outcome_of[marker] = outcome
    rows = collections.Counter(line.strip() for line in open(stored_path, encoding="utf-8") if line.strip())
    acknowledged = {m for m, o in outcome_of.items() if o == "ack"}
    lost = sorted(m for m in acknowledged if rows[m] == 0)
    duplicated = sorted(m for m, n in rows.items() if n > 1)
    outcomes = collections.Counter(o for o in outcome_of.values())
    evidence = (f"acknowledged (303) {len(acknowledged)}, in SurveyResponses {sum(1 for m in acknowledged if rows[m])}, "
                f"lost {len(lost)}, duplicated {len(duplicated)}; other outcomes {dict((k, v) for k, v in outcomes.items() if k != 'ack')}")
    if lost:
        evidence += f"; lost (first 10): {' '.join(lost[:10])}"
    return verdict(bool(acknowledged) and not lost and not duplicated, "every acknowledged survey answer is stored", evidence)


if __name__ == "__main__":
    command, arguments = sys.argv[1], sys.argv[2:]
    if command == "form":
        sys.exit(form(*arguments))
    if command == "form-lb":
        sys.exit(form_through_balancer(*arguments))
    if command == "admin":
        sys.exit(admin(arguments[0], arguments[1], arguments[2], arguments[3:]))
    if command == "content":
        sys.exit(content(arguments[0], arguments[1], arguments[2], arguments[3], arguments[4:]))
    if command == "stored":
        sys.exit(stored(*arguments))
    sys.exit(f"unknown check {command}")
