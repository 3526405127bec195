"""Signs a new admin in over HTTP (password, then enrolling an authenticator with a TOTP code) and prints the cookies
as a Cookie header value, for curl to download admin pages with. The admin must have been made with `admin create`.
Usage: python3 bench/admin-signin.py BASE EMAIL PASSWORD
"""
import importlib.util, os, sys, time

# The browser, TOTP and page scraping of bench/cluster-checks.py (a file name with a dash, so loaded by path).
spec = importlib.util.spec_from_file_location("cluster_checks", os.path.join(os.path.dirname(__file__), "cluster-checks.py"))
checks = importlib.util.module_from_spec(spec)
spec.loader.exec_module(checks)

base, email, password = sys.argv[1:4]
browser = checks.Browser()


def step(method, path, expect, fields=None):
    status, response, text, _ = browser.request(base, method, path, fields)
    if status != expect:
        sys.exit(f"{method} {path} answered {status}, not {expect} ({response.getheader('Location') or text[:200]})")
    return text


token = checks.TOKEN.search(step("GET", "/en/admin/login", 200)).group(1)
step("POST", "/en/admin/login", 302, {"Email": email, "Password": password, "__RequestVerificationToken": token})
enrol = step("GET", "/en/admin/enrol", 200)
key = checks.SHARED_KEY.search(enrol).group(1).replace(" ", "").upper()
step("POST", "/en/admin/enrol", 200, {"Code": checks.totp(key, time.time()), "__RequestVerificationToken": checks.TOKEN.search(enrol).group(1)})
step("GET", "/en/admin", 200)
print("; ".join(f"{k}={v}" for k, v in browser.cookies.items()))
