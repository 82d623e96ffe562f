"""Adding article pages by URL: the one path `newsbot add` and Slack's "Add link to newsbot" share.

The URL is checked (`check_url`), remembered as pending, fetched through the guarded fetcher
(internal addresses refused, total deadline; feeds.* settings) together with the feeds, and the
index is synced; a page that could not be fetched stays pending for the next `index update`.
"""

from __future__ import annotations

from dataclasses import dataclass

from index.feeds import canonical_link
from index.fetched import FetchedStore, fetch_all
from index.sources import fetched_dir


@dataclass(frozen=True)
class AddedPage:
    url: str  # canonical
    ok: bool
    error: str = ""
    article_id: str = ""  # in the version published by this sync
    title: str = ""


def add_pages(index_settings, feed_settings, urls: list[str], embedder, snapshot, *, progress=None,
              lock_wait: float = 0.0):
    """Fetch and index `urls` (`snapshot()` gives the index version served after the sync); returns (one AddedPage per URL, the sync report, the fetch report).
    Raises ValueError (from `check_url`) for a URL that is not http(s) before anything is stored."""
    from index.build import sync_index
    store = FetchedStore(fetched_dir(index_settings.index_dir))
    store.add_urls(list(urls))
    fetched = fetch_all(index_settings.index_dir, feed_settings, force=True)
    report = sync_index(index_settings, embedder, full=False, progress=progress, lock_wait=lock_wait)
    asked = list(dict.fromkeys(canonical_link(u) for u in urls))
    status = {u["url"]: u for u in store.urls()}
    indexed = {}
    try:
        version = snapshot()
        indexed = {canonical_link(a.url): a for a in version.articles if a.url}
    except Exception:  # noqa: BLE001 — no index at all: every page reports its own error below
        pass
    pages = []
    for url in asked:
        entry = status.get(url, {})
        article = indexed.get(url)
        ok = entry.get("status") == "ok"  # indexed; `article_id` is "" when it merged into a copy already there
        error = "" if ok else entry.get("error") or "not fetched yet"
        pages.append(AddedPage(url, ok, error, article.id if article else "", article.title if article else ""))
    return pages, report, fetched
