"""newsbot against a plain llama-index pipeline (VectorStoreIndex over FaissVectorStore,
HuggingFaceEmbedding on the same packaged model, default settings), on the same articles and
questions. Every configuration answers every question twice, in alternating passes, so drift of
the machine's speed during the run hits all of them alike."""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from bench.common import percentiles

Search = Callable[[str, int], list[tuple[str, str]]]  # question, k → (title, text) pairs, best first


def compare(embedder, settings, articles: list[dict], questions: list[dict], model_path: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        ours_build_s, fit_s, ours = _newsbot(embedder, settings, articles, Path(tmp))
        theirs_build_s, theirs_chunks, theirs = _llamaindex(articles, model_path)
        configurations = {"newsbot": ours.pop("default"), **{f"newsbot {k}": v for k, v in ours.items()},
                          "llamaindex": theirs}
        measured = _alternating_passes(configurations, questions)
    newsbot = {**measured.pop("newsbot"), "build_s": ours_build_s, "static_fit_s": fit_s, "chunks": _chunks(configurations),
               "query_encoder": settings.index.query_encoder,
               "variants": {name.removeprefix("newsbot "): row for name, row in measured.items()
                            if name.startswith("newsbot ")}}
    llamaindex = {**measured["llamaindex"], "build_s": theirs_build_s, "chunks": theirs_chunks}
    static = newsbot["variants"]["query_encoder=static"]
    return {
        "articles": len(articles), "questions": len(questions), "newsbot": newsbot, "llamaindex": llamaindex,
        "query_speedup": llamaindex["latency_ms"]["p50"] / newsbot["latency_ms"]["p50"],
        "retrieve_speedup": llamaindex["latency_ms"]["p50"] / newsbot["retrieve_latency_ms"]["p50"],
        "static_query_speedup": llamaindex["latency_ms"]["p50"] / static["latency_ms"]["p50"],
        "static_retrieve_speedup": llamaindex["latency_ms"]["p50"] / static["retrieve_latency_ms"]["p50"],
        "build_speedup": llamaindex["build_s"] / newsbot["build_s"],
    }


def _newsbot(embedder, settings, articles: list[dict], tmp: Path) -> tuple[float, dict]:
    """Build once (fresh folder: empty embedding cache); one answerer per configuration."""
    from bot.service import make_answerer
    from index.build import sync_index

    source = tmp / "articles.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in articles))
    index_settings = replace(settings.index, index_dir=tmp / "index")
    start = time.perf_counter()
    # fitting the static question encoder is part of this build; its cost is reported apart
    report = sync_index(replace(index_settings, query_encoder="static"), embedder, sources=[source])
    fit_s = report.query_encoder["seconds"] if report.query_encoder else 0.0
    build_s = time.perf_counter() - start - fit_s
    base = replace(settings, index=index_settings)
    variants = {
        "default": base,
        "query_encoder=static": replace(base, index=replace(index_settings, query_encoder="static")),
        "query_encoder=model": replace(base, index=replace(index_settings, query_encoder="model")),
        "query_encoder=onnx-int8": replace(base, index=replace(index_settings, query_encoder="onnx-int8")),
        **{f"context_chunks={n}": replace(base, answer=replace(base.answer, context_chunks=n))
           for n in (0, 1, 2) if n != base.answer.context_chunks},
    }
    return build_s, fit_s, {name: _NewsbotConfig(make_answerer(s, embedder)) for name, s in variants.items()}


class _NewsbotConfig:
    def __init__(self, answerer) -> None:
        self.answerer = answerer
        self.stages: dict[str, list[float]] = {}

    def search(self, question: str, k: int) -> list[tuple[str, str]]:
        retrieval = self.answerer.retriever.retrieve(question, k)
        if k == 10:
            for stage, ms in retrieval.timings_ms.items():
                self.stages.setdefault(stage, []).append(ms)
        return [(p.article.title, p.text) for p in retrieval.passages]

    def answer(self, question: str) -> None:
        self.answerer.answer(question)


def _llamaindex(articles: list[dict], model_path: str):
    import faiss
    from llama_index.core import Document, Settings, StorageContext, VectorStoreIndex
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding
    from llama_index.vector_stores.faiss import FaissVectorStore

    Settings.llm = None
    Settings.embed_model = HuggingFaceEmbedding(model_name=model_path, device="cpu")
    docs = [Document(text=a["text"], metadata={"title": a.get("title", ""), "url": a.get("url", "")})
            for a in articles]
    start = time.perf_counter()
    store = FaissVectorStore(faiss_index=faiss.IndexFlatL2(384))
    index = VectorStoreIndex.from_documents(docs, storage_context=StorageContext.from_defaults(vector_store=store))
    build_s = time.perf_counter() - start
    retriever = index.as_retriever(similarity_top_k=10)

    class Config:
        stages: dict = {}
        answer = None  # retrieval only: with no LLM there is nothing to compose

        @staticmethod
        def search(question: str, k: int) -> list[tuple[str, str]]:
            return [(n.node.metadata.get("title", ""), n.node.get_content()) for n in retriever.retrieve(question)[:k]]

    return build_s, int(store.client.ntotal), Config()


def _alternating_passes(configurations: dict, questions: list[dict], rounds: int = 2) -> dict:
    """Every configuration answers all questions, in turn, `rounds` times (ABC ABC): each keeps warm
    caches for a whole pass, as a serving process would, while drift spreads over all of them.
    (Alternating per question measured cold caches instead: every model evicted the last one's.)"""
    from bot.evaluate import hit_rank_in_texts

    samples = {name: {"full": [], "retrieve": [], "hits": 0, "hits40": 0, "chars": []} for name in configurations}
    for round_ in range(rounds):
        for name, config in configurations.items():
            row = samples[name]
            for q in questions[:3]:  # warm up
                config.search(q["question"], 10)
            for q in questions:
                start = time.perf_counter()
                texts = config.search(q["question"], 10)
                retrieve_ms = (time.perf_counter() - start) * 1000
                row["retrieve"].append(retrieve_ms)
                if config.answer is not None:
                    start = time.perf_counter()
                    config.answer(q["question"])
                    row["full"].append((time.perf_counter() - start) * 1000)
                else:
                    row["full"].append(retrieve_ms)
                if round_ == 0:  # rankings are deterministic: count hits once
                    row["chars"].append(sum(len(text) for _, text in texts))
                    row["hits"] += hit_rank_in_texts(q["answer"], texts) is not None
                    if name.startswith("newsbot"):  # about as much text as llama-index's ten 1,024-token chunks
                        wide = config.search(q["question"], 40)
                        row["hits40"] += hit_rank_in_texts(q["answer"], wide, 40) is not None
    n = len(questions) or 1
    out = {}
    for name, row in samples.items():
        out[name] = {"latency_ms": percentiles(row["full"]), "retrieve_latency_ms": percentiles(row["retrieve"]),
                     "hit@10": row["hits"] / n, "n": len(questions), "rounds": rounds,
                     "top10_chars_mean": sum(row["chars"]) / len(row["chars"]) if row["chars"] else 0.0}
        if name.startswith("newsbot"):
            out[name]["hit@40"] = row["hits40"] / n
            out[name]["stages_ms_p50"] = {k: percentiles(v)["p50"] for k, v in configurations[name].stages.items()}
            # what embedded the questions (a static encoder that could not be fitted falls back to ONNX)
            out[name]["question_encoder"] = type(configurations[name].answerer.retriever.embedder).__name__
    return out


def _chunks(configurations: dict) -> int:
    return len(configurations["newsbot"].answerer.retriever.reader.snapshot())
