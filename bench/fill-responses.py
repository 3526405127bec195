"""Fills SurveyResponses with N generated answers (Latvian text, quotes, commas, newlines, formula-like text)."""
import random, sqlite3, sys, uuid

path, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(42)
texts = [None, None, "Ļoti labi, \"paldies\"!", "=SUM(A1)", "Clearer steps, please.\nThank you.", "Parole, e-pasts; ā č ē ģ ī ķ ļ ņ š ū ž"]
articles = [None, "forgotten-password", "activate-eid", "eqf", "cefr", "set-up-eu-login-app"]
epoch_ticks = 621355968000000000
start = 1_760_000_000  # 2025-10-09, seconds since 1970


def rows():
    for i in range(count):
        seconds = start + i * 30
        yield (
            str(uuid.UUID(int=rng.getrandbits(128))).upper(),
            epoch_ticks + seconds * 10_000_000,
            rng.choice(["en", "lv"]),
            rng.choice(articles),
            "2026-11",
            rng.randint(1, 5),
            rng.choice(["yes", "partly", "no"]),
            rng.randint(1, 5),
            rng.choice([None, "eid", "other", "eu-login-account"]),
            rng.choice(texts),
            rng.randint(30, 600),
        )


db = sqlite3.connect(path)
db.execute("PRAGMA journal_mode = WAL")
db.executemany(
    "INSERT INTO SurveyResponses (Id, SubmittedAt, Culture, SourceArticle, QuestionSet, Q1, Q2, Q3, Q4, Q5, CompletionSeconds)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    rows(),
)
db.commit()
print(f"filled {count} responses")
