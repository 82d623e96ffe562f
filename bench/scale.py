"""Synthetic indexes of N chunks (random unit vectors, texts taken from the corpus) for the
latency-versus-size curve. Vectors are random, so only speed is measured here, not quality."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np

from bench.common import folder_mb
from bot.composer import ExtractiveComposer
from bench.latency import time_answers
from index.articles import make_article
from index.chunking import embed_text
from index.lexical import Bm25Index, terms
from index.sentences import sentence_table
from index.store import CHUNK_DTYPE, VersionData, write_version
from index.vectors import FaissStore
from index.versions import publish


def build_synthetic(folder: Path, n: int, texts: list[str], dim: int = 384, seed: int = 0,
                    factory: str = "Flat") -> dict:
    rng = np.random.default_rng(seed)
    vectors = rng.standard_normal((n, dim), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    per_article = 10
    articles = [make_article(title=f"Synthetic article {i}", text="x", url=f"https://synthetic.example/{i}")
                for i in range((n + per_article - 1) // per_article)]
    rows = np.zeros(n, dtype=CHUNK_DTYPE)
    rows["article"] = np.arange(n) // per_article
    rows["position"] = np.arange(n) % per_article
    chunk_texts = [texts[i % len(texts)] for i in range(n)]
    timings = {}
    start = time.perf_counter()
    store = FaissStore.create(dim, factory)
    store.add(vectors)
    timings["faiss_build_s"] = time.perf_counter() - start
    start = time.perf_counter()
    # as the product indexes: BM25 over title + text, and each chunk's sentence table
    bm25 = Bm25Index.build([embed_text(articles[i // per_article].title, t) for i, t in enumerate(chunk_texts)])
    timings["bm25_build_s"] = time.perf_counter() - start
    tables = [sentence_table(t, lambda s: len(terms(s))) for t in texts]
    sentences = [tables[i % len(texts)] for i in range(n)]
    manifest = {"format": 1, "version": "synthetic", "model": "packaged:all-MiniLM-L6-v2", "dim": dim,
                "chunk_tokens": 220, "chunk_overlap_tokens": 40, "articles": len(articles), "chunks": n}
    staged = folder / "versions" / ".tmp-v000001-synthetic"
    staged.parent.mkdir(parents=True, exist_ok=True)
    write_version(staged, VersionData(manifest, articles, {}, rows, ["0" * 40] * n, chunk_texts, store, bm25,
                                      sentences))
    final = publish(folder, staged, "v000001-synthetic")
    timings["size_mb"] = folder_mb(final)
    return timings


def scale_curve(embedder, settings, texts: list[str], questions: list[str], sizes: list[int],
                factory: str = "Flat") -> list[dict]:
    from bot.answer import Answerer
    from bot.retrieve import Retriever
    from bot.service import make_query_embedder
    from index.versions import IndexReader

    query_embedder = make_query_embedder(settings, lambda: embedder)  # as the product embeds questions
    results = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            built = build_synthetic(Path(tmp), n, texts, embedder.dim, factory=factory)
            start = time.perf_counter()
            reader = IndexReader(Path(tmp))
            reader.snapshot()
            load_s = time.perf_counter() - start
            answerer = Answerer(Retriever(reader, query_embedder, settings.answer), settings.answer,
                                ExtractiveComposer(settings.answer))
            timed = time_answers(answerer, questions)
            results.append({"chunks": n, "factory": factory, "load_s": load_s, **built,
                            "latency_ms": timed["latency_ms"], "stages_ms_p50": timed["stages_ms_p50"]})
            print(f"  {n:>9,} chunks ({factory}): p50 {results[-1]['latency_ms']['p50']:.1f} ms, "
                  f"p95 {results[-1]['latency_ms']['p95']:.1f} ms, load {load_s:.2f} s", flush=True)
    return results
