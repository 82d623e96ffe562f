"""Index build throughput, incremental update of 10 new articles, cold-start load, size on disk."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import folder_mb
from index.build import sync_index
from index.settings import IndexSettings
from index.versions import current_version_path


def fresh_build(embedder, articles: list[dict]) -> dict:
    """Build a new index (empty cache) of some articles: chunks per second, all stages included."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        source.write_text("".join(json.dumps(a) + "\n" for a in articles))
        settings = IndexSettings(index_dir=Path(tmp) / "index")
        start = time.perf_counter()
        report = sync_index(settings, embedder, sources=[source])
        seconds = time.perf_counter() - start
        size = folder_mb(current_version_path(settings.index_dir))
    return {"articles": report.articles, "chunks": report.chunks, "seconds": seconds,
            "chunks_per_s": report.chunks / seconds, "size_mb": size,
            "size_mb_per_100k_chunks": size / report.chunks * 100_000}


def incremental_update(embedder, index_dir: Path, corpus: Path, articles: list[dict]) -> dict:
    """Add new articles (10 in the full run) to a copy of the full index; the model is already loaded."""
    # a new title makes every chunk's embedded text new, so nothing comes from the cache
    new = [{**a, "url": a["url"] + "?bench-update=1", "title": "Update: " + a.get("title", ""),
            "text": "Update: " + a["text"]} for a in articles[:10]]
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "index"
        shutil.copytree(index_dir, copy, symlinks=True)
        extra = Path(tmp) / "new.jsonl"
        extra.write_text("".join(json.dumps(a) + "\n" for a in new))
        settings = IndexSettings(index_dir=copy)
        sync_index(settings, embedder, sources=[corpus])  # same sources as the eval index: a no-op
        start = time.perf_counter()
        report = sync_index(settings, embedder, sources=[corpus, extra])
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "added": len(report.added), "chunks_embedded": report.embedded,
            "chunks_total": report.chunks, "stage_seconds": report.stage_seconds}


COLD = """
import json, time
t0 = time.perf_counter()
from index.versions import IndexReader
reader = IndexReader({index!r}); version = reader.snapshot()
t1 = time.perf_counter()
from bot.settings import load_settings
from bot.service import make_answerer
answerer = make_answerer(load_settings({{"NEWSBOT_INDEX": {index!r}}}))
t2 = time.perf_counter()
answerer.answer("Which former pope was laid to rest this week?")
t3 = time.perf_counter()
# VmHWM, not ru_maxrss: ru_maxrss survives exec, so a child of a big process reports the parent's peak
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({{"index_load_s": t1 - t0, "model_and_reader_s": t2 - t1, "first_answer_s": t3 - t2,
                  "chunks": len(version), "peak_rss_mb": hwm / 1024}}))
"""


def cold_start(index_dir: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", COLD.format(index=str(index_dir))], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])
