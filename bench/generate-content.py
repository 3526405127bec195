"""Writes a content folder with N article keys in English and Latvian (2N files) for the search benchmark.

Sentences are recombined from the real articles (not the legal pages), so the vocabulary, word forms and diacritics are the portal's own;
every article also gets a few unique tokens so that some queries are rare and some very common.
"""
import pathlib, random, re, shutil, sys

source = pathlib.Path(sys.argv[1])
target = pathlib.Path(sys.argv[2])
count = int(sys.argv[3])
rng = random.Random(2026)

if target.exists():
    shutil.rmtree(target)
target.mkdir(parents=True)
# The real topics without their popular questions, which name real articles this folder does not have.
topics_yml = (source / "topics.yml").read_text(encoding="utf-8")
(target / "topics.yml").write_text(re.sub(r"^  popular: .*\n", "", topics_yml, flags=re.M), encoding="utf-8")
topics = re.findall(r"^- key: (\S+)", topics_yml, re.M)


def sentences(culture):
    found = []
    for path in (source / culture).rglob("*.md"):
        if "pages" in path.relative_to(source / culture).parts:
            continue  # The legal pages: their placeholders are refused in articles.
        body = path.read_text(encoding="utf-8").split("---", 2)[2]
        for line in body.splitlines():
            line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line).strip(" -*#0123456789.")
            if len(line) > 30:
                found.append(line)
    return found


corpus = {"en": sentences("en"), "lv": sentences("lv")}
for i in range(count):
    topic = rng.choice(topics)
    for culture in ("en", "lv"):
        lines = rng.sample(corpus[culture], k=min(8, len(corpus[culture])))
        title = lines[0][:120].rstrip(".") + f" ({i})"
        body = "\n\n".join(lines[1:]) + f"\n\nCode word k{i:05d} and batch b{i % 100:02d}."
        folder = target / culture / topic
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"generated-{i:05d}.md").write_text(
            f"---\nkey: generated-{i:05d}\ntitle: \"{title.replace(chr(34), '')}\"\ntopic: {topic}\norder: {i}\n"
            f"summary: \"{lines[1][:150].replace(chr(34), '')}\"\nupdated: 2026-11-20\n---\n\n{body}\n",
            encoding="utf-8")
print(f"wrote {2 * count} articles to {target}")
