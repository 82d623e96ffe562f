"""The same articles and questions through a plain llama-index pipeline (VectorStoreIndex over
FaissVectorStore, HuggingFaceEmbedding on the same packaged model, default settings)."""

from __future__ import annotations

import time

from bench.common import percentiles


def llamaindex_run(articles: list[dict], questions: list[dict], model_path: str) -> dict:
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
    for q in questions[:3]:
        retriever.retrieve(q["question"])
    samples, hits, chars = [], 0, []
    for q in questions:
        start = time.perf_counter()
        nodes = retriever.retrieve(q["question"])
        samples.append((time.perf_counter() - start) * 1000)
        chars.append(sum(len(n.node.get_content()) for n in nodes[:10]))
        if any(q["answer"].lower() in n.node.get_content().lower() for n in nodes[:10]):
            hits += 1
    return {"build_s": build_s, "latency_ms": percentiles(samples), "chunks": int(store.client.ntotal),
            "hit@10": hits / len(questions) if questions else 0.0, "n": len(questions),
            "top10_chars_mean": sum(chars) / len(chars) if chars else 0.0}


def newsbot_run(embedder, settings, articles: list[dict], questions: list[dict]) -> dict:
    """newsbot as configured by default, then the same index with one setting changed at a time."""
    import json
    import tempfile
    from dataclasses import replace
    from pathlib import Path

    from index.build import sync_index

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        source.write_text("".join(json.dumps(a) + "\n" for a in articles))
        index_settings = replace(settings.index, index_dir=Path(tmp) / "index")
        start = time.perf_counter()
        sync_index(index_settings, embedder, sources=[source])  # fresh folder: empty embedding cache
        build_s = time.perf_counter() - start
        settings = replace(settings, index=index_settings)
        result = {"build_s": build_s, "query_encoder": settings.index.query_encoder,
                  **_query_run(settings, embedder, questions)}
        variants = {
            "query_encoder=model": replace(settings, index=replace(index_settings, query_encoder="model")),
            "query_encoder=onnx-int8": replace(settings, index=replace(index_settings, query_encoder="onnx-int8")),
            "context_chunks=0": replace(settings, answer=replace(settings.answer, context_chunks=0)),
            "context_chunks=2": replace(settings, answer=replace(settings.answer, context_chunks=2)),
        }
        result["variants"] = {name: _query_run(variant, embedder, questions) for name, variant in variants.items()}
    return result


def _query_run(settings, embedder, questions: list[dict]) -> dict:
    from bot.evaluate import hit_rank
    from bot.service import make_answerer

    answerer = make_answerer(settings, embedder)
    retriever = answerer.retriever
    for q in questions[:3]:
        answerer.answer(q["question"])
    full, retrieve_only, hits, hits40, chars, stages = [], [], 0, 0, [], {}
    for q in questions:
        start = time.perf_counter()
        retrieval = retriever.retrieve(q["question"], 10)
        retrieve_only.append((time.perf_counter() - start) * 1000)
        for stage, ms in retrieval.timings_ms.items():
            stages.setdefault(stage, []).append(ms)
        passages = retrieval.passages
        chars.append(sum(len(p.text) for p in passages))
        start = time.perf_counter()
        answerer.answer(q["question"])
        full.append((time.perf_counter() - start) * 1000)
        hits += hit_rank(q["answer"], passages) is not None
        # about the same amount of text as llama-index's ten 1,024-token chunks
        hits40 += hit_rank(q["answer"], retriever.retrieve(q["question"], 40).passages, 40) is not None
    n = len(questions) or 1
    return {"chunks": len(retriever.reader.snapshot()), "latency_ms": percentiles(full),
            "retrieve_latency_ms": percentiles(retrieve_only),
            "stages_ms_p50": {k: percentiles(v)["p50"] for k, v in stages.items()},
            "hit@10": hits / n, "hit@40": hits40 / n, "n": len(questions),
            "top10_chars_mean": sum(chars) / len(chars) if chars else 0.0}
