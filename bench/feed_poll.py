"""Polling feeds: 20 local feeds of 50 items each, every item summary-only (so each costs a page
fetch, trafilatura extraction and embedding), then a poll where nothing changed.

    python -m bench.feed_poll [--feeds 20] [--items 50] [--data ../shared/data/realtimeqa-2023q1]

The pages are RealTime QA articles served by the tests' local news site (tests/news_site.py) on
127.0.0.2 (allowed by feeds.allow_private); half the feeds answer conditional requests with 304, half always send the whole feed
(then the entries' fingerprints decide). The polite per-host delay is 0 here, because all feeds sit
on one local host; with the default 1 s a first poll of 50 summary-only items from one host takes
at least 50 s. The unchanged poll runs in a fresh process, which reports whether it loaded torch.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import DATA, load_jsonl_gz

NO_CHANGE = """
import json, sys, time
t0 = time.perf_counter()
from index.embedder import LazyEmbedder
from index.build import sync_index
from index.fetched import fetch_all
from index.settings import FeedSettings, IndexSettings
index_dir, seeds = sys.argv[1], sys.argv[2]
t1 = time.perf_counter()
fetched = fetch_all(index_dir, FeedSettings(host_delay_s=0.0, allow_private=("127.0.0.2",)))
t2 = time.perf_counter()
report = sync_index(IndexSettings(seeds_dir=seeds, index_dir=index_dir), LazyEmbedder())
t3 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "poll_s": t2 - t1, "update_s": t3 - t2, "requests": fetched.requests,
                  "new": fetched.new, "changed": fetched.changed, "published": report.published,
                  "torch_loaded": "torch" in sys.modules}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()

    from bot.service import make_embedder
    from bot.settings import load_settings
    from index.build import sync_index
    from index.fetched import FetchedStore, fetch_all
    from index.settings import FeedSettings
    from index.sources import fetched_dir
    from tests import news_site as ns

    articles = [a for a in load_jsonl_gz(args.data / "articles.jsonl.gz") if len(a["text"].split()) > 200]
    articles = articles[: args.feeds * args.items]
    site = ns.NewsSite().start()
    work = Path(tempfile.mkdtemp(prefix="newsbot-feed-bench-"))
    index_dir, seeds = work / "index", work / "no-seeds"
    store = FetchedStore(fetched_dir(index_dir))
    try:
        for f in range(args.feeds):
            stories = []
            for i, a in enumerate(articles[f * args.items : (f + 1) * args.items]):
                slug = f"f{f}-{i}"
                story = ns.Story(slug, a["title"], "\n\n".join(p for p in a["text"].split("\n") if p.strip()),
                                 "Mon, 06 Feb 2023 09:00:00 GMT", "2023-02-06T09:00:00Z",
                                 summary=a["text"].split(".")[0][:200])
                stories.append(story)
                site.routes[f"/news/{slug}.html"] = ns.ok(ns.page(story), "text/html; charset=utf-8")
            body = ns.rss(f"Feed {f}", site.base, stories, full=False)
            site.routes[f"/feed{f}.xml"] = ns.with_etag(body, f'"{f}"') if f % 2 == 0 else ns.ok(body)
            store.add_feed(f"{site.base}/feed{f}.xml")
        settings = load_settings({}, None, {"index": {"index_dir": index_dir, "seeds_dir": seeds}})
        embedder = make_embedder(settings)
        embedder.embed(["warm up"])
        started = time.perf_counter()
        fetched = fetch_all(index_dir, FeedSettings(host_delay_s=0.0, allow_private=(ns.HOST,)))
        polled = time.perf_counter()
        report = sync_index(settings.index, embedder)
        done = time.perf_counter()
        items = fetched.new
        second = subprocess.run([sys.executable, "-c", NO_CHANGE, str(index_dir), str(seeds)], capture_output=True,
                                text=True, check=True)
        unchanged = json.loads(second.stdout)
        print(json.dumps({
            "feeds": args.feeds, "items": items, "requests": fetched.requests,
            "first_poll": {"fetch_extract_s": round(polled - started, 2), "index_s": round(done - polled, 2),
                           "chunks_embedded": report.embedded,
                           "items_per_s": round(items / (done - started), 1),
                           "fetch_extract_items_per_s": round(items / (polled - started), 1)},
            "unchanged_poll": {k: round(v, 3) if isinstance(v, float) else v for k, v in unchanged.items()},
        }, indent=1))
    finally:
        site.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
