"""Feeds as data: parse RSS 0.9x/1.0/2.0 and Atom bytes into entries, give each entry a stable
identity, turn HTML fragments into text. Pure functions; fetching is index/fetched.py's job."""

from __future__ import annotations

import calendar
import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# query parameters that track the reader, not name the article
TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|ref|ref_src|cmpid|ncid|"
                      r"ocid|smid|smtyp|taid|at_medium|at_campaign|spm)$", re.I)


@dataclass(frozen=True)
class Entry:
    guid: str  # the feed's id, else the canonical link
    link: str
    title: str
    author: str
    published: str | None  # ISO date
    updated: str  # as the feed wrote it (a change marks a new version of the item)
    text: str  # the entry's own text (content, else summary), as plain text

    @property
    def key(self) -> str:
        return hashlib.sha1(self.guid.encode("utf-8")).hexdigest()[:20]

    def fingerprint(self) -> str:
        """Changes when the feed changes what it says about the item."""
        return hashlib.sha1("\x1f".join((self.title, self.link, self.updated, self.text)).encode()).hexdigest()


@dataclass
class FeedParse:
    title: str = ""
    entries: list[Entry] = field(default_factory=list)
    error: str = ""  # set when the bytes are not a feed at all
    warning: str = ""  # a malformed feed that still gave entries
    skipped: int = 0  # items with neither a link nor an id (nothing to know them by again)


def parse_feed(body: bytes, feed_url: str, content_type: str = "") -> FeedParse:
    """`content_type`: the response's header, when it sent one (feedparser judges the XML by it)."""
    import warnings

    import feedparser

    headers = {"content-location": feed_url, **({"content-type": content_type} if content_type else {})}
    with warnings.catch_warnings():  # feedparser warns when `updated` is read on an entry without one
        warnings.simplefilter("ignore", DeprecationWarning)
        return _parse(feedparser.parse(utf8_repaired(body), response_headers=headers), feed_url)


_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*encoding=["']([\w.-]+)["']""", re.I)


def utf8_repaired(body: bytes) -> bytes:
    """A UTF-8 feed (declared so, or undeclared) with a few invalid bytes, those bytes replaced by
    U+FFFD: otherwise the parser falls back to another encoding for the whole feed and every item
    turns to mojibake for one bad byte. Feeds declaring another encoding are left as they are."""
    declared = _DECLARED.match(body[:200])
    if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        return body
    try:
        body.decode("utf-8")
        return body
    except UnicodeDecodeError:
        return body.decode("utf-8", errors="replace").encode("utf-8")


def _real_problem(exc) -> bool:
    """A bozo exception worth a warning: not the missing or non-XML content type of a feed that
    parsed fine (servers send text/plain, or nothing)."""
    import feedparser

    return not isinstance(exc, (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride))


def _parse(parsed, feed_url: str) -> FeedParse:
    if not parsed.entries and not parsed.version:
        reason = str(parsed.get("bozo_exception") or "no RSS or Atom elements").splitlines()[0]
        return FeedParse(error=f"not a feed ({reason[:160]})")
    out = FeedParse(title=(parsed.feed.get("title") or "").strip())
    if parsed.bozo and _real_problem(parsed.get("bozo_exception")):
        out.warning = f"malformed feed, read anyway ({str(parsed.get('bozo_exception', '')).splitlines()[0][:160]})"
    for raw in parsed.entries:
        link = canonical_link(raw.get("link") or "", feed_url)
        guid = (raw.get("id") or "").strip() or link
        if not guid:
            out.skipped += 1
            continue
        content = " ".join(c.get("value", "") for c in raw.get("content") or [])
        body_html = content if len(content) > len(raw.get("summary") or "") else (raw.get("summary") or "")
        out.entries.append(Entry(
            guid=guid, link=link, title=html_text(raw.get("title") or ""), author=(raw.get("author") or "").strip(),
            published=_entry_date(raw), updated=(raw.get("updated") or raw.get("dc_date") or "").strip(),
            text=html_text(body_html),
        ))
    if out.skipped:
        note = f"{out.skipped} item(s) with neither a link nor an id skipped"
        out.warning = f"{out.warning}; {note}" if out.warning else note
    return out


def _entry_date(raw) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = raw.get(key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), timezone.utc).date().isoformat()
    from index.articles import normalize_date

    for key in ("published", "updated", "dc_date", "date"):  # RSS 1.0's dc:date is not always parsed
        if raw.get(key):
            found = normalize_date(raw[key])
            if found:
                return found
    return None


def canonical_link(url: str, base: str = "") -> str:
    """The link without tracking parameters and fragment, host lower-cased; relative links resolved."""
    url = (url or "").strip()
    if not url:
        return ""
    if base and not urlsplit(url).scheme:
        from urllib.parse import urljoin

        url = urljoin(base, url)
    parts = urlsplit(url)
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


_BLOCK = re.compile(r"</?(p|div|br|li|h[1-6]|blockquote|tr|section|article)\b[^>]*>", re.I)


def html_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed content is HTML, often escaped once more)."""
    if "<" not in fragment and "&" not in fragment:
        return " ".join(fragment.split())
    import html

    import lxml.html

    marked = _BLOCK.sub("\n\n", fragment)
    try:
        text = lxml.html.fromstring(f"<div>{marked}</div>").text_content()
    except (ValueError, lxml.etree.ParserError):
        text = re.sub(r"<[^>]+>", " ", marked)
    text = html.unescape(text)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)
