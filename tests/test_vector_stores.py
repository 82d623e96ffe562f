"""The same retrieval and answers whichever store holds the vectors: FAISS files, or Qdrant (its
own client, in its embedded mode), with the real model on the seed and distractor articles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.settings import load_settings
from tests.conftest import SEED_FILE

pytestmark = pytest.mark.slow  # the real model

QUESTIONS = [
    "Who blamed whom for the Idlib clashes?",
    "How many troops has Turkey deployed to Idlib?",
    "When was the Sochi agreement signed?",
]


@pytest.fixture(scope="module")
def seed_folder(tmp_path_factory):
    import json

    from tests.conftest import OTHER_ARTICLES
    from tests.quality_articles import ARTICLES

    folder = tmp_path_factory.mktemp("store-articles")
    shutil.copy(SEED_FILE, folder / SEED_FILE.name)
    for name, article in {**OTHER_ARTICLES, **ARTICLES}.items():
        (folder / name).write_text(article if isinstance(article, str) else json.dumps(article), encoding="utf-8")
    return folder


def settings_for(seeds: Path, index_dir: Path, store: str):
    index = {"seeds_dir": seeds, "index_dir": index_dir, "vector_store": store}
    if store == "qdrant":
        index["qdrant_url"] = f"local:{index_dir.parent / 'qdrant'}"
    return load_settings({}, None, {"index": index})


@pytest.fixture(scope="module")
def both(seed_folder, embedder, tmp_path_factory):
    from index.build import sync_index

    out = {}
    for store in ("faiss", "qdrant"):
        settings = settings_for(seed_folder, tmp_path_factory.mktemp(store) / "index", store)
        report = sync_index(settings.index, embedder)
        assert report.published
        out[store] = settings
    return out


def answerer_for(settings, embedder):
    from bot.service import make_answerer

    return make_answerer(settings, embedder)


def test_both_stores_retrieve_and_answer_alike(both, embedder):
    faiss, qdrant = answerer_for(both["faiss"], embedder), answerer_for(both["qdrant"], embedder)
    assert qdrant.retriever.reader.snapshot().search.name == "qdrant"
    assert faiss.retriever.reader.snapshot().search.name == "faiss"
    for question in QUESTIONS:
        a, b = faiss.answer(question), qdrant.answer(question)
        assert [p.chunk_id for p in a.passages] == [p.chunk_id for p in b.passages], question
        assert a.answer == b.answer and a.citations[0].article_id == b.citations[0].article_id
        assert [round(p.bm25, 3) for p in a.passages] == [round(p.bm25, 3) for p in b.passages]
    assert "Turkey" in qdrant.answer(QUESTIONS[0]).answer
    # few candidates per search: re-scoring then reads the BM25 score of rows the lexical search did
    # not return, which Qdrant computes in a second request
    from dataclasses import replace

    few = {store: replace(s, answer=replace(s.answer, candidates=5)) for store, s in both.items()}
    faiss, qdrant = answerer_for(few["faiss"], embedder), answerer_for(few["qdrant"], embedder)
    for question in QUESTIONS:
        a, b = faiss.retriever.retrieve(question), qdrant.retriever.retrieve(question)
        assert [(p.chunk_id, round(p.bm25, 3)) for p in a.passages] == [(p.chunk_id, round(p.bm25, 3)) for p in b.passages]


def test_filters_apply_in_both_stores(both, embedder):
    from index.search import Filters

    for store, settings in both.items():
        version = answerer_for(settings, embedder).retriever.reader.snapshot()
        vector = embedder.embed(["clashes in Idlib"])[0]
        everything = version.search.candidates(vector, "clashes in Idlib", 40, Filters())
        seed = version.articles[int(version.chunk_article_rows[everything.dense_rows[0]])]
        without = version.search.candidates(vector, "clashes in Idlib", 40,
                                            Filters(exclude_articles=frozenset({seed.id})))
        rows_of_seed = {r for r in range(len(version)) if version.articles[int(version.chunk_article_rows[r])].id == seed.id}
        assert rows_of_seed & set(everything.dense_rows.tolist()), store
        assert not rows_of_seed & set(without.dense_rows.tolist()), store
        assert not rows_of_seed & set(without.lexical_rows.tolist()), store
        dated = version.search.candidates(vector, "clashes in Idlib", 40,
                                          Filters(published_from="2023-02-10", published_to="2023-02-13"))
        days = {version.articles[int(version.chunk_article_rows[r])].published for r in dated.dense_rows}
        assert days and all("2023-02-10" <= d <= "2023-02-13" for d in days), (store, days)


def test_an_update_on_qdrant_reuses_vectors_switches_the_alias_and_prunes(seed_folder, embedder, tmp_path):
    from index.build import qdrant_connector, sync_index
    from index.qdrant_store import alias_for
    from tests.fakes import CountingEmbedder

    seeds = tmp_path / "seeds"
    shutil.copytree(seed_folder, seeds)
    settings = settings_for(seeds, tmp_path / "index", "qdrant").index
    settings = type(settings)(**{**settings.__dict__, "keep_versions": 1})
    first = sync_index(settings, embedder)
    client = qdrant_connector(settings).client()
    alias = alias_for(settings.index_dir)
    (seeds / "extra.md").write_text("---\ntitle: Harbour strike ends\npublished: 2023-02-06\n---\n"
                                    "Dock workers in Valmora voted on Monday to end a nine-day harbour strike.\n")
    counting = CountingEmbedder(embedder)
    second = sync_index(settings, counting)
    assert second.published and counting.texts_embedded == 1  # only the new article's one chunk
    [current] = [a.collection_name for a in client.get_aliases().aliases if a.alias_name == alias]
    assert current.endswith(second.version)
    names = [c.name for c in client.get_collections().collections if c.name.startswith(alias)]
    assert names == [current]  # the first version's collection went with its folder
    assert client.count(current).count == first.chunks + 1
    (seeds / "extra.md").unlink()
    third = sync_index(settings, embedder)
    assert third.removed and client.count(f"{alias}-{third.version}").count == first.chunks
