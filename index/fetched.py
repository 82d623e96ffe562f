"""Feeds and added URLs, fetched into the index folder before a build.

    <index>/fetched/feeds.json      the feeds added with `newsbot feeds add` (name, url)
                    urls.json       pages added with `newsbot add URL` and whether they were fetched
                    state.json      per feed: validators, last fetch and status, failures, next try
                    items/<feed>/<entry>.json   one article record per feed entry or URL (what
                                    index/sources.FetchedSource reads); rewritten only on change
                    pages/<hash>.html.gz        raw pages, so a re-extraction never refetches

A poll sends each feed's validators (a 304 costs nothing), reads new and changed entries, fetches
the page of an entry that has only a summary, and writes records. A failing feed is recorded and
retried with backoff; its articles stay. Removing a feed removes its records, so the next build
drops its articles.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

from index.articles import parse_html
from index.errors import NewsbotError
from index.feeds import Entry, canonical_link, parse_feed
from index.files import write_atomic
from index.http_fetch import FetchError, Fetcher, check_url
from index.settings import FeedSettings
from index.versions import build_lock

log = logging.getLogger(__name__)
URLS_GROUP = "urls"
MIN_WORDS = 15  # an entry or page with fewer words is a teaser, not an article
MAX_BACKOFF_S = 24 * 3600


def feed_id(url: str) -> str:
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]


def _now() -> float:
    return time.time()


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, timezone.utc).isoformat(timespec="seconds")


@dataclass
class FeedResult:
    name: str
    url: str
    last_fetch: str | None = None
    last_status: int | str | None = None  # HTTP status, "error", or "waiting" (backing off)
    items: int = 0  # records kept for this feed
    error: str = ""
    new: int = 0
    changed: int = 0
    warning: str = ""
    failures: int = 0
    next_try: str | None = None


@dataclass
class PollReport:
    feeds: list[FeedResult] = field(default_factory=list)
    urls: list[dict] = field(default_factory=list)
    new: int = 0
    changed: int = 0
    requests: int = 0
    seconds: float = 0.0

    @property
    def brought_news(self) -> bool:
        return bool(self.new or self.changed)

    def to_dict(self) -> dict:
        return {**asdict(self), "brought_news": self.brought_news}


class FetchedStore:
    """The files under <index>/fetched; every write is atomic (write aside, rename)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    # ---- feeds and urls lists
    def feeds(self, configured: tuple[str, ...] = ()) -> list[dict]:
        listed = self._read("feeds.json", [])
        known = {f["url"] for f in listed}
        return listed + [{"name": "", "url": u, "configured": True} for u in configured if u not in known]

    def add_feed(self, url: str, name: str = "") -> dict:
        check_url(url)
        feeds = self._read("feeds.json", [])
        if any(f["url"] == url for f in feeds):
            raise NewsbotError(f"feed {url} is already followed")
        if name and any(f.get("name") == name for f in feeds):
            raise NewsbotError(f"a feed is already named {name!r}; choose another --name")
        entry = {"name": name, "url": url, "added": _iso(_now())}
        self._write("feeds.json", feeds + [entry])
        return entry

    def remove_feed(self, name_or_url: str) -> dict:
        feeds = self._read("feeds.json", [])
        state = self.state()
        match = [f for f in feeds if name_or_url in (f["url"], f.get("name"), state.get(f["url"], {}).get("title"))]
        if not match:
            raise NewsbotError(f"no feed named {name_or_url!r}; `newsbot feeds list` shows them")
        gone = match[0]
        self._write("feeds.json", [f for f in feeds if f is not gone])
        state.pop(gone["url"], None)
        self._write("state.json", state)
        shutil.rmtree(self.folder / "items" / feed_id(gone["url"]), ignore_errors=True)
        return gone

    def urls(self) -> list[dict]:
        return self._read("urls.json", [])

    def add_urls(self, urls: list[str]) -> list[str]:
        for url in urls:
            check_url(url)
        listed = self.urls()
        known = {u["url"] for u in listed}
        fresh = [u for u in dict.fromkeys(canonical_link(u) for u in urls) if u not in known]
        self._write("urls.json", listed + [{"url": u, "added": _iso(_now()), "status": "pending"} for u in fresh])
        return fresh

    def save_urls(self, urls: list[dict]) -> None:
        self._write("urls.json", urls)

    # ---- state
    def state(self) -> dict:
        return self._read("state.json", {})

    def save_state(self, state: dict) -> None:
        self._write("state.json", state)

    # ---- item records and raw pages
    def item(self, group: str, key: str) -> dict | None:
        return self._read(f"items/{group}/{key}.json", None)

    def write_item(self, group: str, key: str, record: dict) -> None:
        self._write(f"items/{group}/{key}.json", record)

    def count_items(self, group: str) -> int:
        folder = self.folder / "items" / group
        return sum(1 for _ in folder.glob("*.json")) if folder.exists() else 0

    def page(self, name: str) -> bytes | None:
        path = self.folder / "pages" / name
        return gzip.decompress(path.read_bytes()) if path.exists() else None

    def save_page(self, name: str, body: bytes) -> None:
        self._write_bytes(f"pages/{name}", gzip.compress(body, 6))

    # ---- files
    def _read(self, name: str, default):
        path = self.folder / name
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return default
        except (OSError, ValueError) as exc:
            raise NewsbotError(f"cannot read {path}: {exc}; fix or delete it") from exc

    def _write(self, name: str, data) -> None:
        self._write_bytes(name, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))

    def _write_bytes(self, name: str, data: bytes) -> None:
        write_atomic(self.folder / name, data)


def poll(store: FetchedStore, settings: FeedSettings, fetcher: Fetcher, *, force: bool = False,
         now: Callable[[], float] = _now, lock_wait: float = 60.0) -> PollReport:
    """Fetch every feed and pending URL, except those backing off after failures (all with `force`)."""
    started = time.perf_counter()
    report = PollReport()
    store.folder.mkdir(parents=True, exist_ok=True)
    with build_lock(store.folder, lock_wait):  # one poll at a time (the watcher and a manual update)
        state = store.state()
        feeds = store.feeds(settings.urls)
        by_host: dict[str, list[dict]] = {}
        for feed in feeds:
            by_host.setdefault(urlsplit(feed["url"]).hostname or "", []).append(feed)
        results: dict[str, FeedResult] = {}
        lock = threading.Lock()

        def poll_host(group: list[dict]) -> None:
            """One host's feeds, one after another (politeness); other hosts meanwhile in parallel."""
            for feed in group:
                mine = PollReport()
                with lock:
                    st = dict(state.get(feed["url"], {}))  # this thread's copy, put back when done
                result = _poll_feed(store, settings, fetcher, feed, st, force, now(), mine)
                with lock:
                    state[feed["url"]] = st
                    results[feed["url"]] = result
                    report.requests += mine.requests
                    store.save_state(state)  # after each feed: a crash loses at most one feed's bookkeeping

        workers = max(1, min(settings.poll_hosts, len(by_host)))
        with ThreadPoolExecutor(workers, thread_name_prefix="feeds") as pool:
            for done in [pool.submit(poll_host, group) for group in by_host.values()]:
                done.result()
        for feed in feeds:  # in the order they are listed
            result = results[feed["url"]]
            report.feeds.append(result)
            report.new += result.new
            report.changed += result.changed
        report.urls = _fetch_urls(store, settings, fetcher, force, now(), report)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _poll_feed(store: FetchedStore, settings: FeedSettings, fetcher: Fetcher, feed: dict, st: dict,
               force: bool, now: float, report: PollReport) -> FeedResult:
    url = feed["url"]
    group = feed_id(url)
    result = FeedResult(name=feed.get("name") or st.get("title") or url, url=url)
    if not force and st.get("next_try", 0) > now:
        _fill(result, st, group, store)
        return result
    st["last_fetch"] = _iso(now)
    try:
        report.requests += 1
        got = fetcher.get(url, st.get("etag", ""), st.get("last_modified", ""))
        if got.status != 304:
            parsed = parse_feed(got.body, got.url, got.content_type)
            if parsed.error:
                raise FetchError(parsed.error)
            st["title"] = parsed.title
            result.name = feed.get("name") or parsed.title or url
            result.warning = parsed.warning
            _read_entries(store, settings, fetcher, parsed.entries, group, url, result, now, report)
            st["warning"] = result.warning  # (kept for `feeds list` until the next full read)
        st.update(etag=got.etag, last_modified=got.last_modified, last_status=got.status, error="", failures=0,
                  next_try=0)
    except FetchError as exc:
        failures = st.get("failures", 0) + 1
        wait = _backoff(settings, failures)
        st.update(last_status="error", error=str(exc), failures=failures, next_try=now + wait)
        log.warning("feed %s failed (%s); retrying in %d min; its articles stay indexed", url, exc, wait // 60)
    _fill(result, st, group, store)
    return result


def _backoff(settings: FeedSettings, failures: int) -> float:
    """Seconds before the next try: one interval, then two, four, … at most a day."""
    return min(settings.interval_minutes * 60 * 2 ** (failures - 1), MAX_BACKOFF_S)


def _fill(result: FeedResult, st: dict, group: str, store: FetchedStore) -> None:
    result.last_fetch = st.get("last_fetch")
    result.last_status = st.get("last_status")
    result.error = st.get("error", "")
    result.failures = st.get("failures", 0)
    result.next_try = _iso(st["next_try"]) if st.get("next_try") else None
    result.items = store.count_items(group)
    result.warning = result.warning or st.get("warning", "")


def _read_entries(store, settings: FeedSettings, fetcher: Fetcher, entries: list[Entry], group: str,
                  feed_url: str, result: FeedResult, now: float, report: PollReport) -> None:
    cutoff = (date.fromtimestamp(now) - timedelta(days=settings.max_age_days)).isoformat() \
        if settings.max_age_days > 0 else None
    for entry in entries[: settings.max_items]:
        if cutoff and entry.published and entry.published < cutoff:
            continue
        old = store.item(group, entry.key)
        fingerprint = entry.fingerprint()
        if old is not None and old.get("entry_fingerprint") == fingerprint:
            continue  # nothing new about it: no page fetch, no rewrite
        record = _record_for(store, settings, fetcher, entry, result.name, feed_url, report, result)
        if record is None:
            continue
        record["entry_fingerprint"] = fingerprint
        if old is not None and old.get("text") == record["text"] and old.get("title") == record["title"]:
            store.write_item(group, entry.key, {**old, "entry_fingerprint": fingerprint})  # same article
            continue
        store.write_item(group, entry.key, record)
        if old is None:
            result.new += 1
        else:
            result.changed += 1


def _record_for(store, settings: FeedSettings, fetcher: Fetcher, entry: Entry, source: str, feed_url: str,
                report: PollReport, result: FeedResult | None = None) -> dict | None:
    text, extracted = entry.text, "feed"
    page_name = ""
    if len(text.split()) < settings.full_text_words and entry.link:
        page_name = hashlib.sha1(f"{entry.link}\x1f{entry.updated}".encode()).hexdigest() + ".html.gz"
        page = _page_text(store, fetcher, entry.link, page_name, report)
        if isinstance(page, str):
            if page.startswith("refused"):  # an item linking inside the network: said, never fetched
                log.warning("feed %s: item link %s %s", feed_url, entry.link, page)
                if result is not None:
                    result.warning = "; ".join(filter(None, (result.warning, f"item link {entry.link} {page}")))
            else:
                log.info("page of %s not used (%s); keeping the feed's summary", entry.link, page)
            page_name = ""
        elif len(page.text.split()) > len(text.split()):
            text, extracted = page.text, "page"
    if len(text.split()) < MIN_WORDS:
        return None
    return {
        "title": entry.title, "text": text, "url": entry.link, "source": source, "published": entry.published,
        "author": entry.author, "updated": entry.updated, "guid": entry.guid, "origin": feed_url,
        "extracted_from": extracted, "page": page_name, "fetched": _iso(_now()),
    }


def _page_text(store: FetchedStore, fetcher: Fetcher, url: str, page_name: str, report: PollReport):
    """The article in a page (kept raw under pages/), or why there is none."""
    body = store.page(page_name)
    if body is None:
        try:
            report.requests += 1
            got = fetcher.get(url)
        except FetchError as exc:
            return str(exc)
        kind = got.content_type.split(";")[0].strip().lower()
        if kind and kind not in ("text/html", "application/xhtml+xml"):
            return f"not an HTML page ({kind})"
        body = got.body
        store.save_page(page_name, body)
    try:
        html = body.decode("utf-8")
    except UnicodeDecodeError:
        html = body.decode("latin-1")
    return parse_html(html, url)


def _fetch_urls(store: FetchedStore, settings: FeedSettings, fetcher: Fetcher, force: bool, now: float,
                report: PollReport) -> list[dict]:
    urls = store.urls()
    for entry in urls:
        if entry.get("status") == "ok" or (not force and entry.get("next_try", 0) > now):
            continue
        key = hashlib.sha1(entry["url"].encode()).hexdigest()[:20]
        page = _page_text(store, fetcher, entry["url"], key + ".html.gz", report)
        entry["last_fetch"] = _iso(now)
        if isinstance(page, str):
            failures = entry.get("failures", 0) + 1
            entry.update(status="error", error=page, failures=failures,
                         next_try=now + _backoff(settings, failures))
            continue
        store.write_item(URLS_GROUP, key, {
            "title": page.title, "text": page.text, "url": page.url or entry["url"], "source": page.source,
            "published": page.published, "author": page.author, "origin": entry["url"], "extracted_from": "page",
            "page": key + ".html.gz", "fetched": _iso(now),
        })
        entry.update(status="ok", error="", failures=0)
        entry.pop("next_try", None)
        report.new += 1
    store.save_urls(urls)
    return urls


def fetcher_for(settings: FeedSettings) -> Fetcher:
    from index.http_fetch import USER_AGENT

    return Fetcher(timeout_s=settings.timeout_s, max_bytes=settings.max_bytes, host_delay_s=settings.host_delay_s,
                   user_agent=settings.user_agent or USER_AGENT, allow_private=settings.allow_private,
                   total_s=settings.total_timeout_s)


def fetch_all(index_dir: Path, settings: FeedSettings, *, force: bool = True) -> PollReport | None:
    """Poll the feeds and pending URLs of an index folder; None when it follows none (no request)."""
    from index.sources import fetched_dir

    store = FetchedStore(fetched_dir(index_dir))
    if not store.feeds(settings.urls) and not any(u.get("status") != "ok" for u in store.urls()):
        return None
    fetcher = fetcher_for(settings)
    try:
        return poll(store, settings, fetcher, force=force)
    finally:
        fetcher.close()


def feed_status(index_dir: Path, settings: FeedSettings) -> list[dict]:
    """What `index status --json` shows of each feed, from the last poll's bookkeeping."""
    from index.sources import fetched_dir

    store = FetchedStore(fetched_dir(index_dir))
    state = store.state()
    out = []
    for feed in store.feeds(settings.urls):
        result = FeedResult(name=feed.get("name") or state.get(feed["url"], {}).get("title") or feed["url"],
                            url=feed["url"])
        _fill(result, state.get(feed["url"], {}), feed_id(feed["url"]), store)
        out.append({k: v for k, v in asdict(result).items() if k not in ("new", "changed")})
    return out
