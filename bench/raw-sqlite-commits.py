"""The survey baseline: one-row INSERT + COMMIT in a loop for N seconds, WAL and synchronous=FULL as the portal runs.

Usage: python3 bench/raw-sqlite-commits.py PORTAL_DB TARGET_DB SECONDS
SurveyResponses is created in TARGET_DB from PORTAL_DB's own schema (table and indexes), so each commit writes a row
of the same shape to the same indexes as a survey answer. Prints "commits=N seconds=S rate=R".
"""
import sqlite3, sys, time, uuid

portal, target, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
schema = sqlite3.connect(portal).execute(
    "SELECT sql FROM sqlite_master WHERE tbl_name = 'SurveyResponses' AND sql IS NOT NULL ORDER BY type DESC").fetchall()

db = sqlite3.connect(target, isolation_level=None)  # autocommit: each INSERT below is its own transaction.
db.execute("PRAGMA journal_mode = WAL")
db.execute("PRAGMA synchronous = FULL")
for (sql,) in schema:
    db.execute(sql)

insert = ("INSERT INTO SurveyResponses (Id, SubmittedAt, Culture, SourceArticle, QuestionSet, Q1, Q2, Q3, Q4, Q5, CompletionSeconds)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
epoch_ticks = 621355968000000000
commits, start = 0, time.monotonic()
end = start + seconds
while time.monotonic() < end:
    db.execute(insert, (str(uuid.uuid4()).upper(), epoch_ticks + time.time_ns() // 100, "en", "forgotten-password",
                        "2026-11", 4, "partly", 5, "signing-in", "Benchmark answer āčē", 42))
    commits += 1
elapsed = time.monotonic() - start
print(f"commits={commits} seconds={elapsed:.2f} rate={commits / elapsed:.0f}")
