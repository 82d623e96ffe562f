"""Feeds and URLs as sources, over real HTTP against a local news site (tests/news_site.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from index.build import sync_index
from index.feeds import canonical_link, parse_feed
from index.fetched import FetchedStore, Fetcher, feed_status, poll
from index.settings import FeedSettings, IndexSettings
from index.sources import fetched_dir
from index.versions import load_current
from tests import news_site as ns
from tests.conftest import ROOT
from tests.fakes import CountingEmbedder, HashingEmbedder
from tests.feed_stories import GLACIER, HARBOUR, LIBRARY, TRAIN, VACCINE, syndicated

ALLOW = (ns.HOST,)  # the news site's address, and no other internal one
FAST = FeedSettings(host_delay_s=0.0, timeout_s=1.5, max_bytes=200_000, allow_private=ALLOW)


def site_fetcher(**kw) -> Fetcher:
    return Fetcher(allow_private=ALLOW, **kw)


@pytest.fixture
def site():
    s = ns.NewsSite().start()
    yield s
    s.stop()


def publish(site: ns.NewsSite) -> None:
    """The site's normal day: three feeds in three formats, pages for every story."""
    b = site.base
    site.routes.update({
        "/rss.xml": ns.with_etag(ns.rss("Valmora Daily", b, [HARBOUR, GLACIER]), '"v1"'),
        "/summaries.xml": ns.ok(ns.rss("Corvin Courier", b, [LIBRARY], full=False)),
        "/atom.xml": ns.ok(ns.atom("Rail Weekly", b, [TRAIN]), "application/atom+xml"),
        "/rdf.xml": ns.ok(ns.rdf("Health Notes", b, [VACCINE]), "application/rdf+xml"),
        "/news/library-reopens.html": ns.ok(ns.page(LIBRARY), "text/html; charset=utf-8"),
    })


def index_settings(tmp_path: Path) -> IndexSettings:
    return IndexSettings(seeds_dir=tmp_path / "no-seeds", index_dir=tmp_path / "index")


def store_of(tmp_path: Path) -> FetchedStore:
    return FetchedStore(fetched_dir(tmp_path / "index"))


def articles_by_title(tmp_path: Path) -> dict:
    return {a.title: a for a in load_current(tmp_path / "index").articles}


# ---------------------------------------------------------------- parsing (pure)


def test_each_feed_format_gives_its_items_with_dates_and_links():
    base = "http://news.test"
    rss = parse_feed(ns.rss("Valmora Daily", base, [HARBOUR]), base + "/rss.xml")
    atom = parse_feed(ns.atom("Rail Weekly", base, [TRAIN]), base + "/atom.xml")
    rdf = parse_feed(ns.rdf("Health Notes", base, [VACCINE]), base + "/rdf.xml")
    assert (rss.title, atom.title, rdf.title) == ("Valmora Daily", "Rail Weekly", "Health Notes")
    assert [e.published for e in (rss.entries[0], atom.entries[0], rdf.entries[0])] == \
        ["2023-02-06", "2023-02-08", "2023-02-09"]
    assert rss.entries[0].link == base + "/news/harbour-strike.html?id=1"  # utm_source stripped
    assert "Petra Ionescu" in rss.entries[0].text and "<p>" not in rss.entries[0].text
    assert atom.entries[0].guid == "urn:local:night-train" and atom.entries[0].author == "Staff"
    assert parse_feed(b"<html><body>Hello</body></html>", base).error.startswith("not a feed")


def test_a_malformed_feed_still_gives_its_items():
    broken = ns.rss("Valmora Daily", "http://news.test", [HARBOUR, GLACIER]).replace(b"</channel>", b"")
    parsed = parse_feed(broken, "http://news.test/rss.xml")
    assert [e.title for e in parsed.entries] == [HARBOUR.title, GLACIER.title]
    assert parsed.warning.startswith("malformed feed")


def test_canonical_links_drop_tracking_and_fragments():
    assert canonical_link("HTTPS://Example.com/a?utm_source=x&id=3&fbclid=y#top") == "https://example.com/a?id=3"
    assert canonical_link("/story.html", "http://news.test/feeds/rss.xml") == "http://news.test/story.html"


# ---------------------------------------------------------------- poll and index (real HTTP)


def test_feeds_are_fetched_and_indexed_with_their_metadata(site, tmp_path):
    publish(site)
    store = store_of(tmp_path)
    for path in ("/rss.xml", "/summaries.xml", "/atom.xml", "/rdf.xml"):
        store.add_feed(site.base + path)
    report = poll(store, FAST, site_fetcher(timeout_s=2, host_delay_s=0))
    assert report.new == 5 and all(f.last_status == 200 for f in report.feeds), report
    sync = sync_index(index_settings(tmp_path), HashingEmbedder())
    assert sync.published and sync.articles == 5
    got = articles_by_title(tmp_path)
    harbour = got[HARBOUR.title]
    assert (harbour.source, harbour.published) == ("Valmora Daily", "2023-02-06")
    assert harbour.url == site.base + "/news/harbour-strike.html?id=1"
    assert harbour.origin == site.base + "/rss.xml"
    assert got[TRAIN.title].source == "Rail Weekly" and got[VACCINE.title].published == "2023-02-09"
    # the summary-only item: its page was fetched and the article extracted, without the navigation
    assert "/news/library-reopens.html" in site.paths_requested()
    pages = list((fetched_dir(tmp_path / "index") / "pages").glob("*.html.gz"))
    assert len(pages) == 1  # kept raw, so re-extraction never refetches
    record = next(json.loads(p.read_text()) for p in (fetched_dir(tmp_path / "index") / "items").rglob("*.json")
                  if json.loads(p.read_text())["title"] == LIBRARY.title)
    assert record["extracted_from"] == "page" and "freeze-drying" in record["text"] and "Home" not in record["text"]


def test_a_second_poll_sends_validators_and_re_embeds_nothing(site, tmp_path):
    publish(site)
    store = store_of(tmp_path)
    store.add_feed(site.base + "/rss.xml")
    store.add_feed(site.base + "/summaries.xml")
    poll(store, FAST, site_fetcher(host_delay_s=0))
    sync_index(index_settings(tmp_path), HashingEmbedder())
    site.requests.clear()
    again = poll(store, FAST, site_fetcher(host_delay_s=0), force=True)
    conditional = [h for p, h in site.requests if p == "/rss.xml"]
    assert conditional and conditional[0].get("if-none-match") == '"v1"'
    assert conditional[0].get("if-modified-since") == "Tue, 07 Feb 2023 10:00:00 GMT"
    assert [f.last_status for f in again.feeds] == [304, 200] and not again.brought_news
    assert "/news/library-reopens.html" not in site.paths_requested()  # the unchanged entry's page: not refetched
    counting = CountingEmbedder(HashingEmbedder())
    second = sync_index(index_settings(tmp_path), counting)
    assert not second.published and counting.texts_embedded == 0


def test_a_changed_item_replaces_its_old_text(site, tmp_path):
    publish(site)
    store = store_of(tmp_path)
    store.add_feed(site.base + "/rss.xml")
    poll(store, FAST, site_fetcher(host_delay_s=0))
    sync_index(index_settings(tmp_path), HashingEmbedder())
    corrected = ns.Story(HARBOUR.slug, HARBOUR.title + " (updated)", HARBOUR.text.replace("7 percent", "8 percent"),
                         HARBOUR.published, HARBOUR.iso)
    site.routes["/rss.xml"] = ns.with_etag(ns.rss("Valmora Daily", site.base, [corrected, GLACIER]), '"v2"')
    report = poll(store, FAST, site_fetcher(host_delay_s=0))
    assert (report.new, report.changed) == (0, 1)
    sync = sync_index(index_settings(tmp_path), HashingEmbedder())
    assert sync.published and len(sync.changed) == 1 and sync.articles == 2
    version = load_current(tmp_path / "index")
    texts = version.all_chunk_texts()
    assert any("8 percent" in t for t in texts) and not any("7 percent" in t for t in texts)
    assert HARBOUR.title + " (updated)" in articles_by_title(tmp_path)


def test_a_syndicated_copy_is_indexed_once_with_both_links(site, tmp_path):
    publish(site)
    copy = syndicated(GLACIER, "tarsk-wire-copy")
    site.routes["/wire.xml"] = ns.ok(ns.rss("Northern Wire", site.base, [copy, TRAIN]))
    store = store_of(tmp_path)
    store.add_feed(site.base + "/rss.xml")
    store.add_feed(site.base + "/wire.xml")
    poll(store, FAST, site_fetcher(host_delay_s=0))
    sync = sync_index(index_settings(tmp_path), HashingEmbedder())
    assert sync.articles == 3  # harbour, glacier (once), train
    glacier = [a for a in load_current(tmp_path / "index").articles if "Tarsk" in a.title]
    assert len(glacier) == 1
    links = {glacier[0].url, *(u for _, u in glacier[0].also)}
    assert links == {f"{site.base}/news/glacier-survey.html?id=1", f"{site.base}/news/tarsk-wire-copy.html?id=1"}
    assert {glacier[0].source, *(s for s, _ in glacier[0].also)} == {"Valmora Daily", "Northern Wire"}
    assert len(sync.merged) == 1


def test_failing_feeds_are_reported_and_the_others_indexed(site, tmp_path):
    publish(site)
    b = site.base
    site.routes.update({
        "/500.xml": (500, {"Content-Type": "text/plain"}, b"oops"),
        "/slow.xml": ns.slow(4.0),
        "/page.html": ns.ok(b"<html><body><p>Just a page</p></body></html>", "text/html"),
        "/moved.xml": ns.redirect(b + "/atom.xml"),
        "/gzip.xml": ns.gzipped(ns.rdf("Health Notes", b, [VACCINE])),
        "/huge.xml": ns.ok(b"<rss>" + b" " * 300_000 + b"</rss>"),
        "/broken.xml": ns.ok(ns.rss("Library Wire", b, [LIBRARY]).replace(b"</channel>", b"")),
    })
    store = store_of(tmp_path)
    for path in ("/rss.xml", "/500.xml", "/slow.xml", "/page.html", "/missing.xml", "/moved.xml", "/gzip.xml",
                 "/huge.xml", "/broken.xml"):
        store.add_feed(b + path)
    store.add_feed("http://no-such-host.invalid/feed.xml")
    started = time.monotonic()
    report = poll(store, FAST, site_fetcher(timeout_s=1.5, host_delay_s=0, max_bytes=200_000))
    assert time.monotonic() - started < 15
    by_path = {f.url.removeprefix(b): f for f in report.feeds}
    assert by_path["/rss.xml"].new == 2 and by_path["/moved.xml"].new == 1 and by_path["/gzip.xml"].new == 1
    assert by_path["/broken.xml"].new == 1 and by_path["/broken.xml"].warning.startswith("malformed")
    assert by_path["/500.xml"].error == "HTTP 500"
    assert by_path["/missing.xml"].error == "HTTP 404"
    assert by_path["/slow.xml"].error.startswith("timed out")
    assert by_path["/page.html"].error.startswith("not a feed")
    assert by_path["/huge.xml"].error.startswith("too large")
    assert by_path["http://no-such-host.invalid/feed.xml"].last_status == "error"
    sync_index(index_settings(tmp_path), HashingEmbedder())
    assert len(articles_by_title(tmp_path)) == 5
    status = {f["url"].removeprefix(b): f for f in feed_status(tmp_path / "index", FAST)}
    assert status["/500.xml"]["last_status"] == "error" and status["/500.xml"]["failures"] == 1
    assert status["/rss.xml"]["items"] == 2 and status["/rss.xml"]["error"] == ""
    # backoff: a feed that failed is not polled again before its next try unless forced
    site.requests.clear()
    poll(store, FAST, site_fetcher(host_delay_s=0))
    assert "/500.xml" not in site.paths_requested()
    poll(store, FAST, site_fetcher(host_delay_s=0), force=True)
    assert "/500.xml" in site.paths_requested()
    assert {f["url"].removeprefix(b): f for f in feed_status(tmp_path / "index", FAST)}["/500.xml"]["failures"] == 2


def test_a_feed_that_starts_failing_keeps_its_articles_and_removing_it_drops_them(site, tmp_path):
    publish(site)
    store = store_of(tmp_path)
    store.add_feed(site.base + "/rss.xml", name="valmora")
    store.add_feed(site.base + "/atom.xml")
    poll(store, FAST, site_fetcher(host_delay_s=0))
    sync_index(index_settings(tmp_path), HashingEmbedder())
    assert len(articles_by_title(tmp_path)) == 3
    site.routes["/rss.xml"] = (500, {}, b"down")
    poll(store, FAST, site_fetcher(host_delay_s=0), force=True)
    sync = sync_index(index_settings(tmp_path), HashingEmbedder())
    assert not sync.published and len(articles_by_title(tmp_path)) == 3
    store.remove_feed("valmora")
    sync = sync_index(index_settings(tmp_path), HashingEmbedder())
    assert sync.published and len(sync.removed) == 2
    assert list(articles_by_title(tmp_path)) == [TRAIN.title]


def test_added_urls_are_fetched_and_bad_pages_stay_pending(site, tmp_path):
    publish(site)
    b = site.base
    site.routes.update({
        "/report.pdf": ns.ok(b"%PDF-1.4 ...", "application/pdf"),
        "/big.html": ns.ok(b"<html><body>" + b"<p>word </p>" * 40_000 + b"</body></html>", "text/html"),
    })
    store = store_of(tmp_path)
    store.add_urls([b + "/news/library-reopens.html?utm_campaign=x", b + "/report.pdf", b + "/big.html"])
    report = poll(store, FAST, site_fetcher(host_delay_s=0, max_bytes=200_000))
    status = {u["url"].removeprefix(b): u for u in report.urls}
    assert status["/news/library-reopens.html"]["status"] == "ok"
    assert status["/report.pdf"]["error"] == "not an HTML page (application/pdf)"
    assert status["/big.html"]["error"].startswith("too large")
    sync_index(index_settings(tmp_path), HashingEmbedder())
    library = articles_by_title(tmp_path)[LIBRARY.title]
    assert library.url == b + "/news/library-reopens.html" and library.source == "Local Wire"


def test_limits_per_poll_and_age_cut_off(site, tmp_path):
    publish(site)
    site.routes["/many.xml"] = ns.ok(ns.rss("Many", site.base, [VACCINE, TRAIN, GLACIER, HARBOUR]))
    store = store_of(tmp_path)
    store.add_feed(site.base + "/many.xml")
    report = poll(store, FeedSettings(host_delay_s=0.0, max_items=3, allow_private=ALLOW), site_fetcher(host_delay_s=0))
    assert report.new == 3  # the first three entries: feeds list the newest first
    other = FetchedStore(fetched_dir(tmp_path / "other"))
    other.add_feed(site.base + "/many.xml")
    import datetime as dt

    days = (dt.date.today() - dt.date(2023, 2, 7)).days  # keeps 2023-02-07 and later
    report = poll(other, FeedSettings(host_delay_s=0.0, max_age_days=days, allow_private=ALLOW), site_fetcher(host_delay_s=0))
    assert report.new == 3  # the harbour story (2023-02-06) is older than the cut-off


def test_requests_to_one_host_are_spaced(site):
    site.routes["/a"] = ns.ok(b"a", "text/plain")
    fetcher = site_fetcher(host_delay_s=0.3)
    started = time.monotonic()
    for _ in range(3):
        fetcher.get(site.base + "/a")
    assert time.monotonic() - started >= 0.6
    assert all(h["user-agent"].startswith("newsbot/") for _, h in site.requests)


def test_feeds_listed_in_the_settings_file_are_polled(site, tmp_path):
    from bot.settings import load_settings

    publish(site)
    config = tmp_path / "newsbot.toml"
    config.write_text(f'[feeds]\nurls = ["{site.base}/atom.xml"]\nmax_items = 10\n')
    settings = load_settings({}, config)
    assert settings.feeds.urls == (site.base + "/atom.xml",) and settings.feeds.max_items == 10
    report = poll(store_of(tmp_path), settings.feeds, site_fetcher(host_delay_s=0))
    assert report.new == 1 and report.feeds[0].name == "Rail Weekly"


def test_citations_of_a_syndicated_article_show_every_link():
    from bot.slack.blocks import source_line
    from bot.types import Citation
    from index.articles import make_article

    article = make_article(title="Glacier", text="The glacier lost ice.", url="https://a.example/g",
                           source="A Daily")
    from dataclasses import replace

    article = replace(article, also=(("B Wire", "https://b.example/g"),))
    cited = Citation.of(1, article, "The glacier lost ice.", "The glacier lost ice.")
    assert cited.to_dict()["also"] == [{"source": "B Wire", "url": "https://b.example/g"}]
    assert "<https://b.example/g|B Wire>" in source_line(cited)


def test_only_http_urls_are_accepted(tmp_path):
    from index.errors import NewsbotError

    for bad in ("file:///etc/passwd", "ftp://example.com/feed", "javascript:alert(1)"):
        with pytest.raises(NewsbotError, match="not an http"):
            store_of(tmp_path).add_feed(bad)


def test_the_watcher_picks_up_a_new_item_without_restart(site, tmp_path):
    from index.fetched import fetch_all
    from index.watch import watch

    publish(site)
    store = store_of(tmp_path)
    store.add_feed(site.base + "/atom.xml")
    settings = index_settings(tmp_path)
    feeds = FeedSettings(host_delay_s=0.0, interval_minutes=0.001, allow_private=ALLOW)  # every 60 ms
    published = []
    stop = threading.Event()

    def update():
        report = sync_index(settings, HashingEmbedder())
        if report.published:
            published.append(report.version)

    def poll_feeds():
        fetched = fetch_all(settings.index_dir, feeds, force=False)
        return bool(fetched and fetched.brought_news)

    watcher = threading.Thread(target=watch, args=(settings.seeds_dir, update), daemon=True,
                               kwargs=dict(interval=0.05, debounce=0.1, stop=stop, poll=poll_feeds, poll_every=0.06))
    watcher.start()
    try:
        _wait(lambda: published, "the first version")
        assert list(articles_by_title(tmp_path)) == [TRAIN.title]
        site.routes["/atom.xml"] = ns.ok(ns.atom("Rail Weekly", site.base, [TRAIN, GLACIER]), "application/atom+xml")
        _wait(lambda: len(published) >= 2, "a version with the new item")
        assert set(articles_by_title(tmp_path)) == {TRAIN.title, GLACIER.title}
    finally:
        stop.set()
        watcher.join(5)


def _wait(condition, what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


# ---------------------------------------------------------------- the commands, with the real model

NEWSBOT = str(Path(sys.executable).parent / "newsbot")


def run(*args, timeout=180):
    return subprocess.run([NEWSBOT, *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "NEWSBOT_FEEDS_ALLOW_PRIVATE": ns.HOST})


@pytest.mark.slow
def test_feeds_commands_and_a_cited_answer(site, tmp_path):
    publish(site)
    site.routes["/500.xml"] = (500, {}, b"oops")
    index = ["--index", str(tmp_path / "index"), "--seeds", str(tmp_path / "no-seeds")]
    assert run("feeds", "add", site.base + "/rss.xml", "--name", "Valmora Daily", *index).returncode == 0
    assert run("feeds", "add", site.base + "/atom.xml", *index).returncode == 0
    assert run("feeds", "add", site.base + "/500.xml", *index).returncode == 0
    again = run("feeds", "add", site.base + "/rss.xml", *index)
    assert again.returncode == 2 and "already followed" in again.stderr
    update = run("index", "update", "--json", *index)
    assert update.returncode == 0, update.stderr
    report = json.loads(update.stdout)
    assert report["articles"] == 3 and report["fetch"]["new"] == 3 and "published" in report
    code = ("import sys, time; from bot.cli import main; t = time.perf_counter(); "
            f"main(['index', 'update', '-q', *{index!r}], standalone_mode=False); "
            "print(time.perf_counter() - t, 'torch' in sys.modules)")
    unchanged = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT,
                               env={**os.environ, "NEWSBOT_FEEDS_ALLOW_PRIVATE": ns.HOST})
    assert unchanged.returncode == 0, unchanged.stderr[-2000:]
    seconds, torch_loaded = unchanged.stdout.split()[-2:]
    assert torch_loaded == "False" and float(seconds) < 3, unchanged.stdout  # 0.45 s in bench.feed_poll
    added = run("add", site.base + "/news/library-reopens.html", "--json", *index)
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["articles"] == 4

    pdf = run("add", site.base + "/missing.pdf", *index)
    assert pdf.returncode == 2 and pdf.stderr.strip().endswith("HTTP 404 (kept pending: `newsbot index update` tries "
                                                                "it again)")
    answer = json.loads(run("ask", "--json", "What pay rise did the Valmora dock workers accept?", *index).stdout)
    assert answer["found"]
    first = answer["citations"][0]
    assert first["url"] == site.base + "/news/harbour-strike.html?id=1" and first["source"] == "Valmora Daily"
    library = json.loads(run("ask", "--json", "How many books were freeze-dried in the Corvin library?",
                             *index).stdout)
    assert library["citations"][0]["url"] == site.base + "/news/library-reopens.html"

    status = json.loads(run("index", "status", "--json", *index).stdout)
    feeds = {f["url"].removeprefix(site.base): f for f in status["feeds"]}
    assert set(feeds["/500.xml"]) >= {"name", "url", "last_fetch", "last_status", "items", "error"}
    assert feeds["/500.xml"]["error"] == "HTTP 500" and feeds["/rss.xml"]["items"] == 2
    listed = json.loads(run("feeds", "list", "--json", *index).stdout)["feeds"]
    assert [f["name"] for f in listed][0] == "Valmora Daily"

    assert run("feeds", "remove", "Valmora Daily", *index).returncode == 0
    after = json.loads(run("index", "update", "--json", "--no-fetch", *index).stdout)
    assert after["articles"] == 2 and len(after["removed"]) == 2
    gone = run("feeds", "remove", "Valmora Daily", *index)
    assert gone.returncode == 2 and gone.stderr.count("\n") == 1


# ---------------------------------------------------------------- internal addresses and slow servers

def test_the_address_policy_refuses_internal_addresses_unless_named():
    from index.safe_net import AddressPolicy

    policy = AddressPolicy()
    for address in ("127.0.0.1", "127.9.9.9", "10.1.2.3", "172.16.0.5", "192.168.1.1", "169.254.169.254",
                    "0.0.0.0", "224.0.0.1", "::1", "::", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"):
        assert policy.refusal("feeds.example", address), address
    assert policy.refusal("feeds.example", "93.184.216.34") is None
    assert policy.refusal("feeds.example", "2606:4700::6810:84e5") is None
    allowed = AddressPolicy(("10.2.0.0/16", "intranet.example", "127.0.0.2"))
    assert allowed.refusal("a", "10.2.9.9") is None and allowed.refusal("a", "10.3.0.1")
    assert allowed.refusal("intranet.example", "192.168.0.9") is None
    assert allowed.refusal("a", "127.0.0.2") is None and allowed.refusal("a", "127.0.0.1")
    assert "loopback" in policy.refusal("x", "::ffff:127.0.0.1") and "NEWSBOT_FEEDS_ALLOW_PRIVATE" in policy.refusal("x", "::1")


@pytest.fixture
def internal():
    """A second site on 127.0.0.1 standing for an internal service (an admin page with a secret)."""
    s = ns.NewsSite(host="127.0.0.1").start()
    s.routes["/admin.html"] = ns.ok(b"<html><body><article><p>The deployment password for the cluster is "
                                    b"hunter2-and-more-words so that the page is long enough to be read as an "
                                    b"article by the extractor.</p></article></body></html>", "text/html")
    s.routes["/feed.xml"] = ns.ok(ns.rss("Internal", s.base, [HARBOUR]))
    yield s
    s.stop()


def test_internal_addresses_are_never_fetched_first_hop_redirect_or_item_link(site, internal, tmp_path):
    publish(site)
    b = site.base
    summary_only = ns.Story("admin", "Cluster notes", "Short.", HARBOUR.published, HARBOUR.iso, summary="Short.")
    feed = ns.rss("Leaky Wire", b, [summary_only], full=False).replace(
        f"{b}/news/admin.html".encode(), f"{internal.base}/admin.html".encode())
    site.routes.update({"/leaky.xml": ns.ok(feed), "/hop.xml": ns.redirect(internal.base + "/feed.xml")})
    store = store_of(tmp_path)
    for url in (b + "/rss.xml", b + "/leaky.xml", b + "/hop.xml", internal.base + "/feed.xml"):
        store.add_feed(url)
    report = poll(store, FAST, site_fetcher(host_delay_s=0))
    by_url = {f.url: f for f in report.feeds}
    assert internal.requests == []  # not the feed, not the redirect's target, not the item's page
    assert by_url[internal.base + "/feed.xml"].error.startswith("refused: 127.0.0.1 is a loopback address")
    assert by_url[b + "/hop.xml"].error.startswith("refused")
    assert "item link " + internal.base + "/admin.html?id=1 refused" in by_url[b + "/leaky.xml"].warning
    assert by_url[b + "/rss.xml"].new == 2  # the rest of the update goes on
    sync_index(index_settings(tmp_path), HashingEmbedder())
    assert not any("hunter2" in a.text for a in articles_by_title(tmp_path).values())
    status = {f["url"]: f for f in feed_status(tmp_path / "index", FAST)}
    assert status[internal.base + "/feed.xml"]["error"].startswith("refused")


def test_a_fetch_connects_to_the_address_it_checked_without_a_second_lookup(site):
    import socket

    from index.safe_net import AddressPolicy, GuardedBackend

    site.routes["/a"] = ns.ok(b"hello", "text/plain")
    port = site.server.server_address[1]
    lookups = []

    def resolve(host, port_, type=0):  # the name exists only here: a second lookup would fail
        lookups.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ns.HOST, port_))]

    fetcher = site_fetcher(host_delay_s=0)
    fetcher.client()._transport._pool._network_backend = GuardedBackend(AddressPolicy(ALLOW), 5.0, resolve)
    got = fetcher.get(f"http://feeds.example:{port}/a")
    assert got.body == b"hello" and lookups == ["feeds.example"]
    assert site.requests[-1][1]["host"] == f"feeds.example:{port}"  # the name still goes in the request


def test_a_server_dripping_its_headers_is_cut_at_the_total_deadline(tmp_path):
    import socket

    server = socket.socket()
    server.bind((ns.HOST, 0))
    server.listen(5)
    stop = threading.Event()

    def drip():
        conn, _ = server.accept()
        conn.recv(4096)
        for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nX-Slow: " + b"a" * 400:
            if stop.is_set():
                break
            try:
                conn.send(bytes([byte]))
            except OSError:
                break
            time.sleep(0.05)  # well inside the per-read timeout, forever in all
        conn.close()

    threading.Thread(target=drip, daemon=True).start()
    fetcher = site_fetcher(host_delay_s=0, timeout_s=5, total_s=1.0)
    started = time.monotonic()
    with pytest.raises(Exception) as caught:
        fetcher.get(f"http://{ns.HOST}:{server.getsockname()[1]}/feed.xml")
    stop.set()
    assert time.monotonic() - started < 2.5
    assert "longer than 1 s in all" in str(caught.value)


def test_one_bad_byte_spoils_only_its_item_and_idless_items_are_counted():
    base = "http://news.test"
    feed = ns.rss("Valmora Daily", base, [HARBOUR, GLACIER]).replace(
        HARBOUR.title.encode(), HARBOUR.title.encode() + b" \xff\xfe caf\xc3\xa9")
    parsed = parse_feed(feed, base + "/rss.xml", "application/rss+xml")
    titles = [e.title for e in parsed.entries]
    assert titles[1] == GLACIER.title  # the other item is untouched, no mojibake
    assert "\ufffd" in titles[0] and "café" in titles[0]
    assert parsed.warning == ""  # a well-formed feed: no "malformed" line
    no_content_type = parse_feed(ns.rss("Valmora Daily", base, [HARBOUR]), base + "/rss.xml")
    assert no_content_type.warning == ""  # a server that sent no Content-Type is no real problem
    idless = feed.replace(b"<link>", b"<nolink>").replace(b"</link>", b"</nolink>", 1)
    idless = idless.replace(f"<guid isPermaLink='false'>{HARBOUR.slug}</guid>".encode(), b"")
    parsed = parse_feed(idless, base + "/rss.xml")
    assert parsed.skipped == 1 and "1 item(s) with neither a link nor an id skipped" in parsed.warning


def test_feeds_of_a_slow_host_do_not_hold_up_the_other_hosts(site, tmp_path):
    """Each host's feeds one after another, the hosts in parallel: a host taking 2 s a response
    delays its own feeds only."""
    slow = ns.NewsSite(host="127.0.0.4").start()
    try:
        publish(site)
        slow.routes.update({"/a.xml": ns.slow(2.0, ns.rss("Slow One", slow.base, [LIBRARY])),
                            "/b.xml": ns.slow(2.0, ns.rss("Slow Two", slow.base, [TRAIN]))})
        store = store_of(tmp_path)
        for url in (slow.base + "/a.xml", slow.base + "/b.xml", site.base + "/rss.xml", site.base + "/atom.xml"):
            store.add_feed(url)
        allow = FeedSettings(host_delay_s=0.0, timeout_s=5, allow_private=(ns.HOST, "127.0.0.4"))
        started = time.monotonic()
        report = poll(store, allow, Fetcher(host_delay_s=0, timeout_s=5, allow_private=allow.allow_private))
        took = time.monotonic() - started
        assert [f.url for f in report.feeds] == [slow.base + "/a.xml", slow.base + "/b.xml",
                                                 site.base + "/rss.xml", site.base + "/atom.xml"]
        assert all(f.error == "" for f in report.feeds) and report.new == 5
        assert 4 <= took < 5.5  # the slow host's two feeds in turn; the other host's meanwhile
        fast_done = max(t for t, _ in site.request_times) - started
        assert fast_done < 1.5, fast_done  # not after the slow host's 4 s
    finally:
        slow.stop()
