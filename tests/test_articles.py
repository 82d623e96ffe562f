from pathlib import Path
import gzip
import json

from index.articles import dedupe, load_articles_from, normalize_date, parse_bytes, read_file
from tests.conftest import SEED_FILE


def test_seed_article_parses_with_title_and_dateline():
    parsed = read_file(SEED_FILE)
    assert parsed.skipped == []
    [article] = parsed.articles
    assert article.title == "Russia blames Turkey for recent Syria regime clashes in Idlib"
    assert article.dateline == "ERBIL, Kurdistan Region"
    assert article.text.startswith("ERBIL, Kurdistan Region – Turkey is to blame")
    assert article.path == str(SEED_FILE)
    assert len(article.id) == 16
    # the id is stable across reads
    assert read_file(SEED_FILE).articles[0].id == article.id


def test_markdown_front_matter_and_heading():
    data = b"---\ntitle: Budget passes\nurl: https://www.example.com/a/\npublished: 2023-03-01\n---\nThe budget passed.\n"
    [a] = parse_bytes(data, "x.md").articles
    assert (a.title, a.url, a.source, a.published, a.text) == (
        "Budget passes", "https://www.example.com/a/", "example.com", "2023-03-01", "The budget passed.")
    [b] = parse_bytes(b"# A heading title\n\nBody text here.", "y.md").articles
    assert b.title == "A heading title" and b.text == "Body text here."


def test_json_jsonl_and_gzip_records():
    record = {"title": "T", "body": "Some body text.", "url": "https://ex.org/1", "published": "Jan 5, 2023",
              "author": "A. Writer", "source": "Ex"}
    [a] = parse_bytes(json.dumps(record).encode(), "a.json").articles
    assert a.text == "Some body text." and a.published == "2023-01-05" and a.author == "A. Writer"
    lines = json.dumps(record) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n"
    parsed = parse_bytes(lines.encode(), "b.jsonl")
    assert len(parsed.articles) == 1
    assert [s.path for s in parsed.skipped] == ["b.jsonl:2", "b.jsonl:3"]
    assert "invalid JSON" in parsed.skipped[0].reason and "no text" in parsed.skipped[1].reason
    gz = parse_bytes(gzip.compress(lines.encode()), "c.jsonl.gz")
    assert len(gz.articles) == 1 and len(gz.skipped) == 2


def test_html_main_text_extracted_not_boilerplate():
    html = """<html><head><title>Flood hits valley | News Site</title>
    <meta property="og:title" content="Flood hits valley"><meta name="date" content="2023-02-10"></head>
    <body><nav>Home | World | Sport | Subscribe now</nav><article><h1>Flood hits valley</h1>
    <p>Heavy rain caused the river to burst its banks on Tuesday, forcing hundreds of families to leave their homes.</p>
    <p>Emergency services said the water level was the highest recorded in forty years and rescue teams were deployed.</p>
    </article><footer>Copyright 2023 News Site. All rights reserved.</footer></body></html>"""
    [a] = parse_bytes(html.encode(), "flood.html").articles
    assert "Flood hits valley" in a.title
    assert "burst its banks" in a.text and "highest recorded" in a.text
    assert "Subscribe now" not in a.text and "All rights reserved" not in a.text


def test_bad_files_are_reported_with_path_and_reason(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "broken.json").write_text("{\"title\": ")
    (tmp_path / "latin.txt").write_bytes("Titre\nCaf\xe9 cr\xe8me".encode("latin-1"))
    (tmp_path / "title-only.txt").write_text("Just a title\n\n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "good.txt").write_text("Good title\nGood body sentence.")
    articles, skipped, merged = load_articles_from(tmp_path)
    assert [a.title for a in articles] == ["Good title"]
    reasons = {s.path.rsplit("/", 1)[-1]: s.reason for s in skipped}
    assert reasons.keys() == {"empty.txt", "binary.txt", "broken.json", "latin.txt", "title-only.txt", "image.png"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "invalid JSON at line 1" in reasons["broken.json"]
    assert "UTF-8" in reasons["latin.txt"]
    assert "no text" in reasons["title-only.txt"]
    assert "unsupported" in reasons["image.png"]


def test_exact_duplicates_merge_and_are_reported(tmp_path):
    text = SEED_FILE.read_text()
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.txt").write_text(text.replace("\n", "\n\n"))  # same story, other spacing
    articles, skipped, merged = load_articles_from(tmp_path)
    assert len(articles) == 1 and skipped == []
    assert [(m.kept_path.endswith("a.txt"), m.dropped_path.endswith("b.txt")) for m in merged] == [(True, True)]


def test_dates_normalise():
    assert normalize_date("2023-01-06T10:00:00Z") == "2023-01-06"
    assert normalize_date("March 3, 2023") == "2023-03-03"
    assert normalize_date("Fri, 06 Jan 2023 10:00:00 GMT") == "2023-01-06"
    assert normalize_date("someday") is None


def test_dedupe_keeps_first_by_url_id():
    a = parse_bytes(json.dumps({"title": "A", "text": "one", "url": "https://x.org/a"}).encode(), "1.json").articles[0]
    b = parse_bytes(json.dumps({"title": "A2", "text": "two", "url": "https://www.x.org/a/"}).encode(), "2.json").articles[0]
    kept, merged = dedupe([a, b])
    assert kept == [a] and merged[0].dropped_path == "2.json"


def test_a_page_of_navigation_only_is_not_an_article():
    html = """<html><head><title>Menu</title><script>var x = 1;</script></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
    <div id="menu">Menu</div><script>track();</script></body></html>"""
    parsed = parse_bytes(html.encode(), "menu.html")
    assert parsed.articles == [] and parsed.skipped and "no article text" in parsed.skipped[0].reason


def test_broken_links_and_links_to_folders_are_reported(tmp_path):
    from index.articles import Skipped, scan_files

    (tmp_path / "real.txt").write_text("A title\nSome text about the harbour of Eastwick and its storm.")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "loop").symlink_to(tmp_path)
    problems: list[Skipped] = []
    files = scan_files(tmp_path, problems)
    assert [f.path.name for f in files] == ["real.txt"]
    reasons = {Path(p.path).name: p.reason for p in problems}
    assert "broken link" in reasons["gone.txt"] and "not followed" in reasons["loop"]


def test_a_text_file_too_long_for_one_article_is_reported(tmp_path, monkeypatch):
    import index.articles as articles

    monkeypatch.setattr(articles, "MAX_ARTICLE_BYTES", 1000)
    big = tmp_path / "dump.txt"
    big.write_text("A title\n" + "The harbour closed after the storm. " * 100)
    parsed = articles.read_file(big)
    assert parsed.articles == [] and "too long for one article" in parsed.skipped[0].reason
