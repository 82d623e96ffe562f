"""The static question encoder: fitted to the model on the index's own text, close to the model's
vectors, finding what the model finds; refitted only when the index changed a lot."""

import gzip
import json
import logging
from dataclasses import replace

import numpy as np
import pytest

from bot.evaluate import hit_rank, select_slice
from bot.service import make_answerer, make_query_embedder
from index import static_encoder
from index.build import sync_index
from index.onnx_encoder import OnnxEmbedder
from index.static_encoder import StaticEncoder, fit_table, read_report, sample_spans
from tests.test_evaluate import DATA

pytestmark = pytest.mark.slow  # the real model, or the newsbot command in a subprocess


def test_spans_are_question_sized_and_the_same_every_time():
    texts = [" ".join(f"w{i}_{j}" for j in range(200)) for i in range(30)]
    spans = sample_spans(texts, per_text=4, limit=60)
    assert spans == sample_spans(texts, per_text=4, limit=60)
    assert len(spans) == 60
    assert all(6 <= len(s.split()) < 20 for s in spans)
    assert len({s.split()[0].split("_")[0] for s in spans}) == 15  # the budget spread over the texts
    assert sample_spans(["short text", ""], per_text=2) == ["short text", "short text"]


def test_fit_recovers_a_model_that_is_a_sum_of_word_vectors():
    rng = np.random.default_rng(1)
    vocab, dim = 60, 8
    words = rng.normal(size=(vocab, dim))
    rotation = np.linalg.qr(rng.normal(size=(dim, dim)))[0]

    def states():
        for _ in range(400):
            ids = rng.integers(0, vocab, size=rng.integers(3, 9))
            pooled = words[ids].sum(axis=0) @ rotation
            yield ids, words[ids], pooled / np.linalg.norm(pooled)

    table, cosine, seen = fit_table(states(), vocab, dim)
    assert seen == vocab and table.shape == (vocab, dim)
    assert cosine > 0.97
    probe = np.array([3, 14, 15, 9])
    expected = words[probe].sum(axis=0) @ rotation
    got = table[probe].sum(axis=0)
    assert float(got @ expected / np.linalg.norm(got) / np.linalg.norm(expected)) > 0.97
    with pytest.raises(ValueError, match="too few"):
        fit_table(list(states())[:10], vocab, dim)


def test_without_a_fitted_table_questions_fall_back_to_onnx_with_a_warning(settings_for, embedder, caplog):
    settings = settings_for()
    settings = replace(settings, index=replace(settings.index, query_encoder="static"))
    with caplog.at_level(logging.WARNING):
        encoder = make_query_embedder(settings, lambda: embedder)
    assert isinstance(encoder, OnnxEmbedder)
    assert "newsbot index update" in caplog.text and "static" in caplog.text


@pytest.mark.skipif(not DATA.exists(), reason="shared RealTime QA data not beside the repository")
def test_static_encoder_is_fitted_at_build_and_finds_what_the_model_finds(tmp_path, embedder, monkeypatch):
    from bot.settings import load_settings

    monkeypatch.setattr(static_encoder, "MIN_CHUNKS", 100)  # a test-sized index
    with gzip.open(DATA / "articles.jsonl.gz", "rt") as fh:
        articles = [json.loads(line) for line in fh]
    with gzip.open(DATA / "questions.jsonl.gz", "rt") as fh:
        questions = [json.loads(line) for line in fh]
    articles, questions = select_slice(articles, questions, 8, 8)
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in articles))
    settings = load_settings({}, None, {"index": {"index_dir": tmp_path / "idx", "query_encoder": "static"}})

    report = sync_index(settings.index, embedder, sources=[source])
    fitted = report.query_encoder
    assert fitted is not None and fitted["chunks"] == report.chunks >= 100
    assert fitted["spans"] == 4 * report.chunks and fitted["held_out_cosine"] > 0.6
    assert read_report(settings.index.index_dir, settings.index.model).spans == fitted["spans"]

    fast = make_answerer(settings, embedder)
    exact = make_answerer(replace(settings, index=replace(settings.index, query_encoder="onnx")), embedder)
    assert isinstance(fast.retriever.embedder, StaticEncoder)
    texts = [q["question"] for q in questions]
    cosines = (fast.retriever.embedder.embed(texts) * exact.retriever.embedder.embed(texts)).sum(axis=1)
    assert cosines.mean() > 0.6
    hits = {name: sum(hit_rank(q["answer"], a.retriever.retrieve(q["question"], 10).passages) is not None
                      for q in questions) for name, a in (("static", fast), ("onnx", exact))}
    assert hits["static"] >= hits["onnx"] - 1 and hits["static"] >= len(questions) // 2

    # nothing changed: no refit; a full rebuild refits, and a live encoder picks the new table up
    assert sync_index(settings.index, embedder, sources=[source]).query_encoder is None
    before = fast.retriever.embedder.embed([texts[0]])
    table = static_encoder.table_path(settings.index.index_dir, settings.index.model)
    np.save(table.with_name("other.npy"), np.load(table)[:, ::-1].copy())
    table.with_name("other.npy").replace(table)
    assert not np.allclose(fast.retriever.embedder.embed([texts[0]]), before)
    assert sync_index(settings.index, embedder, sources=[source], full=True).query_encoder is not None
    assert np.allclose(fast.retriever.embedder.embed([texts[0]]), before, atol=1e-3)
