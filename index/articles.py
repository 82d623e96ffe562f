"""Articles in: find files under a seeds folder, parse each format, give every article a stable id.

Everything here is pure except `scan_files` and `read_file`, which touch the disk.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import yaml

TEXT_SUFFIXES = (".txt", ".md")
JSON_SUFFIXES = (".json", ".jsonl", ".json.gz", ".jsonl.gz")
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + JSON_SUFFIXES + HTML_SUFFIXES
MAX_FILE_BYTES = 200 * 1024 * 1024
# one .txt/.md/.html file is one article: past this size it is a dump, not an article (a 30 MB
# text file once became one "article" and took minutes to chunk); JSON/JSONL files hold many
MAX_ARTICLE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    text: str
    source: str = ""
    url: str = ""
    published: str | None = None  # ISO date, YYYY-MM-DD
    author: str = ""
    dateline: str = ""
    path: str = ""  # where it was read: a file (with :line or #record for JSON), or a fetched item's key
    content_hash: str = ""
    # where it came from: the seeds file, the feed's URL, or the page URL given to `newsbot add`
    # (`url` is the article's own link)
    origin: str = ""
    # other copies of the same text (syndication): (source, url) pairs, shown with its citations
    also: tuple[tuple[str, str], ...] = ()

    def listing(self) -> dict:
        """What a list of articles shows of one (stories, digests, an empty timeline, follows)."""
        return {"title": self.title, "url": self.url, "source": self.source, "published": self.published}


@dataclass(frozen=True)
class Skipped:
    """A file (or one record of a file) that could not be indexed, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Merged:
    """An article dropped because another file holds the same text."""

    kept_id: str
    kept_path: str
    dropped_path: str


@dataclass(frozen=True)
class SourceFile:
    path: Path
    size: int
    mtime_ns: int

    @property
    def key(self) -> str:
        return f"{self.size}:{self.mtime_ns}"


@dataclass
class FileParse:
    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


MIN_HTML_WORDS = 15  # what trafilatura keeps of a menu or a page of links is a few words; a short news item has more


def scan_files(root: Path, problems: list[Skipped] | None = None) -> list[SourceFile]:
    """Every non-hidden file under root, sorted by path (so builds are deterministic). Links to
    folders are not followed (they may loop) and broken links cannot be read: both are reported in
    `problems` when it is given."""
    root = Path(root)
    if root.is_file():
        stat = root.stat()
        return [SourceFile(root, stat.st_size, stat.st_mtime_ns)]
    found: list[SourceFile] = []
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames:
            if not name.startswith(".") and (Path(dirpath) / name).is_symlink() and problems is not None:
                problems.append(Skipped(str(Path(dirpath) / name), "link to a folder, not followed (it could loop); "
                                                                   "put the articles themselves under the seeds folder"))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            try:
                stat = path.stat()
            except OSError as exc:
                if problems is not None:
                    reason = "broken link (its target is missing)" if path.is_symlink() else f"cannot read: {exc.strerror}"
                    problems.append(Skipped(str(path), reason))
                continue
            found.append(SourceFile(path, stat.st_size, stat.st_mtime_ns))
    return sorted(found, key=lambda f: str(f.path))


def read_file(path: Path) -> FileParse:
    """Read and parse one file; never raises for bad content, reports it instead."""
    shown = str(path)
    if not str(path).lower().endswith(SUPPORTED_SUFFIXES):
        return FileParse(skipped=[Skipped(shown, "unsupported file type (use .txt, .md, .json, .jsonl, .html)")])
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return FileParse(skipped=[Skipped(shown, f"file too large ({size} bytes)")])
        if size > MAX_ARTICLE_BYTES and str(path).lower().endswith((".txt", ".md", ".html", ".htm")):
            return FileParse(skipped=[Skipped(shown, f"{size / 1024 / 1024:.0f} MB is too long for one article; "
                                                     "split it into one file per article, or use .jsonl with one "
                                                     "article a line")])
        data = path.read_bytes()
    except OSError as exc:
        return FileParse(skipped=[Skipped(shown, f"cannot read file: {exc.strerror or exc}")])
    return parse_bytes(data, shown)


def parse_bytes(data: bytes, path: str) -> FileParse:
    lower = path.lower()
    if lower.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            return FileParse(skipped=[Skipped(path, f"not a valid gzip file: {exc}")])
        lower = lower[:-3]
    if not data.strip():
        return FileParse(skipped=[Skipped(path, "empty file")])
    if b"\x00" in data[:8192]:
        return FileParse(skipped=[Skipped(path, "binary file, not text")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return FileParse(
            skipped=[Skipped(path, f"not UTF-8 text (bad byte at offset {exc.start}); re-save it as UTF-8")]
        )
    if lower.endswith(TEXT_SUFFIXES):
        return _one(parse_text(text, path), path)
    if lower.endswith(HTML_SUFFIXES):
        return _one(parse_html(text, path), path)
    if lower.endswith(".jsonl"):
        return parse_jsonl(text, path)
    return parse_json(text, path)


def _one(result: Article | str, path: str) -> FileParse:
    if isinstance(result, str):
        return FileParse(skipped=[Skipped(path, result)])
    return FileParse(articles=[result])


# ---------------------------------------------------------------- formats

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_DATELINE = re.compile(
    r"^\s*(?P<dateline>[A-Z][A-Z.'’\- ]{2,40}"  # ERBIL / WASHINGTON / NEW YORK
    r"(?:,\s*[A-Z][\w.'’\- ]{1,40})?"  # , Kurdistan Region
    r"(?:\s*\([A-Za-z .]{1,20}\))?)"  # (AP)
    r"\s*[–—-]{1,2}\s+"
)


def parse_text(text: str, path: str) -> Article | str:
    """A .txt/.md article: optional YAML front matter, first non-empty line is the title."""
    meta: dict = {}
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError as exc:
            return f"front matter is not valid YAML: {str(exc).splitlines()[0]}"
        if isinstance(loaded, dict):
            meta = loaded
        text = text[match.end():]
    lines = text.strip().splitlines()
    if not lines:
        return "no text"
    title = str(meta.get("title") or "").strip()
    if not title:
        title = lines[0].lstrip("#").strip()
        lines = lines[1:]
    body = "\n".join(line.rstrip() for line in lines).strip()
    if not body:
        return "no text after the title line"
    return article_from_fields({**meta, "title": title, "text": body}, path)


def parse_html(html: str, path: str) -> Article | str:
    import trafilatura  # heavy import, only when an HTML file is present

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None:
        return "no article text found in HTML"
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (data.get("text") or "").strip()
    if not text:
        return "no article text found in HTML"
    if len(text.split()) < MIN_HTML_WORDS:  # a menu, a cookie banner, a page of links: not an article
        return f"no article text found in HTML (only {len(text.split())} words outside navigation and scripts)"
    return article_from_fields({**data, "text": text}, path)


def parse_json(text: str, path: str) -> FileParse:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return FileParse(skipped=[Skipped(path, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")])
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    records = data if isinstance(data, list) else [data]
    result = FileParse()
    for number, record in enumerate(records, 1):
        where = path if len(records) == 1 else f"{path}#{number}"
        _add(result, article_from_record(record, where), where)
    return result


def parse_jsonl(text: str, path: str) -> FileParse:
    result = FileParse()
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            result.skipped.append(Skipped(where, f"invalid JSON: {exc.msg}"))
            continue
        _add(result, article_from_record(record, where), where)
    return result


def _add(result: FileParse, parsed: Article | str, where: str) -> None:
    if isinstance(parsed, str):
        result.skipped.append(Skipped(where, parsed))
    else:
        result.articles.append(parsed)


def article_from_record(record: object, path: str) -> Article | str:
    if not isinstance(record, dict):
        return "record is not a JSON object"
    return article_from_fields(record, path)


# The one field mapping: front matter, a JSON record, trafilatura's metadata and a feed item all
# name the same things differently. The first non-empty name wins.
FIELD_NAMES = {
    "title": ("title", "headline"),
    "text": ("text", "body", "content"),
    "url": ("url", "link"),
    "source": ("source", "sitename", "hostname"),
    "published": ("published", "date", "updated"),
    "author": ("author", "byline"),
}


def pick(fields: dict, name: str) -> object:
    for key in FIELD_NAMES[name]:
        value = fields.get(key)
        if value not in (None, ""):
            return value
    return None


def article_from_fields(fields: dict, path: str, origin: str = "") -> Article | str:
    """An article from a mapping of fields under any of their usual names, or why there is none."""
    text = pick(fields, "text")
    if not isinstance(text, str) or not text.strip():
        return "record has no text (expected a 'text' or 'body' field)"
    return make_article(
        title=str(pick(fields, "title") or ""),
        text=text.strip(),
        url=str(pick(fields, "url") or ""),
        source=str(pick(fields, "source") or ""),
        published=pick(fields, "published"),
        author=str(pick(fields, "author") or ""),
        path=path,
        origin=origin or path.split(":", 1)[0].split("#", 1)[0],
    )


# ---------------------------------------------------------------- metadata


def make_article(
    *, title: str, text: str, url: str = "", source: str = "", published: object = None,
    author: str = "", path: str = "", origin: str = "",
) -> Article:
    title = " ".join(title.split()) or _first_words(text)
    content_hash = text_fingerprint(text)
    article_id = _hash(normalize_url(url))[:16] if url else content_hash[:16]
    dateline = ""
    match = _DATELINE.match(text)
    if match and len(re.sub(r"[^A-Z]", "", match.group("dateline").split(",")[0])) >= 3:
        dateline = match.group("dateline").strip()
    return Article(
        id=article_id,
        title=title,
        text=text,
        source=source.strip() or source_from_url(url),
        url=url.strip(),
        published=normalize_date(published),
        author=author.strip(),
        dateline=dateline,
        path=path,
        content_hash=content_hash,
        origin=origin or path,
    )


def text_fingerprint(text: str) -> str:
    """Hash of the normalized text: the same story with other spacing or quotes hashes the same."""
    norm = unicodedata.normalize("NFKC", text).lower()
    norm = re.sub(r"[“”«»„]", '"', re.sub(r"[‘’‚]", "'", norm))
    return _hash(" ".join(norm.split()))


def normalize_url(url: str) -> str:
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}" + (f"?{parts.query}" if parts.query else "")


def source_from_url(url: str) -> str:
    return urlsplit(url.strip()).netloc.lower().removeprefix("www.") if url else ""


def normalize_date(value: object) -> str | None:
    """Best-effort ISO date (YYYY-MM-DD) from the usual shapes; None when unknown."""
    if value is None or value == "":
        return None
    if hasattr(value, "isoformat"):  # date or datetime (YAML front matter gives these)
        return value.isoformat()[:10]
    raw = str(value).strip()
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%m/%d/%Y", "%b. %d, %Y"):
        try:
            return datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(raw).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def dedupe(articles: list[Article]) -> tuple[list[Article], list[Merged]]:
    """Keep the first article of each text fingerprint and of each id; report the rest as merged."""
    by_hash: dict[str, Article] = {}
    by_id: dict[str, Article] = {}
    kept: list[Article] = []
    merged: list[Merged] = []
    for article in articles:
        first = by_hash.get(article.content_hash) or by_id.get(article.id)
        if first is not None:
            merged.append(Merged(first.id, first.path, article.path))
            continue
        by_hash[article.content_hash] = article
        by_id[article.id] = article
        kept.append(article)
    return kept, merged


def _first_words(text: str, limit: int = 80) -> str:
    first = " ".join(text.split())[:limit]
    return first.rsplit(" ", 1)[0] + "…" if len(text) > limit else first


def _hash(value: str) -> str:
    return hashlib.sha1(value.encode("utf-8")).hexdigest()


def load_articles_from(root: Path) -> tuple[list[Article], list[Skipped], list[Merged]]:
    """Every article under root (deduplicated), what was skipped and what was merged."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for source in scan_files(Path(root)):
        parsed = read_file(source.path)
        articles.extend(parsed.articles)
        skipped.extend(parsed.skipped)
    kept, merged = dedupe(articles)
    return kept, skipped, merged
