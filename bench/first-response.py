"""Seconds from starting a command to the first 200 on a URL: bench/compare/start.sh's cold start.

Usage: python3 bench/first-response.py URL COMMAND [ARG ...]   (the command's output is discarded; it is stopped after)

One process polls every 10 ms over a fresh connection. A shell loop of curl calls would start a process per poll,
and on two cores those starts take CPU from the start being measured (about 0.3 s of it on this machine).
"""
import http.client
import subprocess
import sys
import time
import urllib.parse

url = urllib.parse.urlsplit(sys.argv[1])
started = time.monotonic()
process = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    while True:
        if process.poll() is not None:
            sys.exit(f"the command exited with {process.returncode} before answering")
        try:
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
            connection.request("GET", url.path or "/")
            response = connection.getresponse()
            response.read()
            connection.close()
            if response.status == 200:
                break
        except OSError:
            pass
        time.sleep(0.01)
    print(f"{time.monotonic() - started:.2f}")
finally:
    process.terminate()
    process.wait()
